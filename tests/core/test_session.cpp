// SupportSession: the widget's decisions, tested without a browser, on the minimal fixture
// (tests/data/configs/minimal.json: "broken" walks product, article, checklist, form; "sales"
// goes straight to its form).
#include "config/config_parser.h"
#include "session/support_session.h"
#include "test_files.h"

#include <doctest/doctest.h>

using namespace support;
using namespace support::test_files;

namespace {

void fill_sales_form(SupportSession& s) {
  s.set_form_value("name", "Ada");
  s.set_form_value("email", "ada@example.com");
  s.set_form_value("subject", "Licence question");
  s.set_form_value("description", "Can I move my licence to a new domain without buying another one?");
}

}  // namespace

TEST_CASE("session: a sales question goes straight to the form and posts one ticket") {
  SupportSession s(load_config(minimal_config_path()), "en", "seed");
  s.choose_category("sales");
  REQUIRE(s.screen() == Screen::Flow);
  REQUIRE(s.flow()->reached_form());

  s.submit();   // empty form: errors, nothing sent
  CHECK_FALSE(s.field_error("email").empty());
  CHECK(s.take_requests().empty());

  fill_sales_form(s);
  CHECK(s.draft_revision() > 0);   // editing a field is kept in the draft and clears its error
  CHECK(s.field_error("email").empty());
  s.submit();
  s.submit();   // a double click sends once
  auto requests = s.take_requests();
  REQUIRE(requests.size() == 1);
  CHECK(requests[0].path == "/api/tickets");
  auto body = nlohmann::json::parse(requests[0].body);
  CHECK(body["category"] == "sales");
  CHECK(body["email"] == "ada@example.com");
  CHECK(body["idempotency_key"] == "seed-1");

  s.on_response(requests[0].id, {201, R"({"id":"t_1","number":42})"});
  CHECK(s.screen() == Screen::TicketSent);
  CHECK(s.ticket_number() == 42);
}

TEST_CASE("session: the widget refuses what the server would refuse") {
  SupportSession s(load_config(minimal_config_path()), "en", "seed");
  s.choose_category("sales");
  fill_sales_form(s);
  s.set_form_value("email", "ada@[127.0.0.1]");   // an address literal: the server's email rules reject it
  s.submit();
  CHECK_FALSE(s.field_error("email").empty());
  CHECK(s.take_requests().empty());
}

TEST_CASE("session: a failed send keeps every field and is retried on its own with the same key") {
  SupportSession s(load_config(minimal_config_path()), "en", "seed");
  s.choose_category("sales");
  fill_sales_form(s);
  s.submit();
  auto first = s.take_requests();
  REQUIRE(first.size() == 1);
  s.tick(1000);
  s.on_response(first[0].id, {0, ""});   // no answer
  CHECK(s.screen() == Screen::Flow);
  CHECK(s.delivery_state() == DeliveryState::WaitingToRetry);
  CHECK_FALSE(s.delivery_message().empty());   // "trying again in N s"
  CHECK(s.sending());
  CHECK(s.form_value("description").find("licence") != std::string::npos);
  s.submit();                               // pressing Send again does not send a second one
  CHECK(s.take_requests().empty());
  REQUIRE(s.wake_at());
  s.tick(1000 + 60000);                     // the retry is due
  auto second = s.take_requests();
  REQUIRE(second.size() == 1);
  CHECK(second[0].body == first[0].body);   // the very same request, same key
  CHECK(nlohmann::json::parse(second[0].body)["idempotency_key"] ==
        nlohmann::json::parse(first[0].body)["idempotency_key"]);

  s.on_response(second[0].id, {422, R"({"errors":[{"field":"subject","code":"too_long","message":"Too long."}]})"});
  CHECK(s.field_error("subject") == "Too long.");
  CHECK(s.delivery_state() == DeliveryState::Idle);
}

TEST_CASE("session: a 500 never shows the server's own words; offline waits for the connection; cancel stops") {
  SupportSession s(load_config(minimal_config_path()), "en", "seed");
  s.choose_category("sales");
  fill_sales_form(s);
  s.submit();
  auto first = s.take_requests();
  REQUIRE(first.size() == 1);
  s.set_online(false);
  s.on_response(first[0].id, {0, ""});
  CHECK(s.delivery_state() == DeliveryState::Offline);
  CHECK_FALSE(s.delivery_message().empty());
  s.tick(1e9);
  CHECK(s.take_requests().empty());         // nothing goes out while offline
  s.set_online(true);
  s.tick(1e9 + 1);
  auto again = s.take_requests();
  REQUIRE(again.size() == 1);               // back online: at once
  s.on_response(again[0].id, {400, R"({"error":"internal detail: sqlite said no"})"});
  CHECK(s.form_error().find("sqlite") == std::string::npos);
  CHECK_FALSE(s.form_error().empty());
  CHECK_FALSE(s.sending());

  s.submit();
  auto third = s.take_requests();
  REQUIRE(third.size() == 1);
  s.on_response(third[0].id, {503, "", "30"});
  REQUIRE(s.delivery_state() == DeliveryState::WaitingToRetry);
  s.cancel_sending();
  CHECK_FALSE(s.sending());
  s.tick(1e12);
  CHECK(s.take_requests().empty());
}

TEST_CASE("session: fixed it resolves without a ticket and reports one event") {
  SupportSession s(load_config(minimal_config_path()), "en", "seed");
  s.choose_category("broken");
  s.answer("alpha");
  s.answer("not_answered");
  s.answer("fixed");
  CHECK(s.flow()->is_resolved());
  auto requests = s.take_requests();
  REQUIRE(requests.size() == 1);
  CHECK(requests[0].path == "/api/events");
  auto event = nlohmann::json::parse(requests[0].body);
  CHECK(event["type"] == "resolved");
  CHECK(event["category"] == "broken");
  for (const auto& [key, value] : event.items()) CHECK_FALSE(value.is_structured());   // the API takes flat events
  s.answer("fixed");
  CHECK(s.take_requests().empty());
}

TEST_CASE("session: the saved draft brings back the step and the typed text") {
  Config config = load_config(minimal_config_path());
  nlohmann::json saved;
  {
    SupportSession s(config, "en", "seed");
    s.choose_category("broken");
    s.answer("beta");
    s.answer("not_answered");
    s.set_form_value("description", "half-typed");
    s.open_article("a1");
    saved = s.saved_draft();
  }
  SupportSession restored(config, "en", "other-seed");
  restored.restore_draft(saved);
  REQUIRE(restored.flow());
  CHECK(restored.flow()->current_step().id == "restart");
  CHECK(restored.flow()->context().value_or("product") == "beta");
  CHECK(restored.form_value("description") == "half-typed");
  CHECK(restored.take_requests().empty());   // replaying answers reports nothing

  restored.restore_draft(nlohmann::json::parse(R"({"version":1,"category":"nope","answers":[1,2]})"));   // ignored
  restored.restore_draft(nlohmann::json("garbage"));
  CHECK(restored.flow());
}

TEST_CASE("session: an article that answered the question resolves") {
  SupportSession s(load_config(minimal_config_path()), "en", "seed");
  s.set_search_query("restarting");
  auto hits = s.search(s.search_query());
  REQUIRE_FALSE(hits.empty());
  s.open_article(hits[0].id);
  REQUIRE(s.screen() == Screen::Article);
  s.article_answered(true);
  auto requests = s.take_requests();
  REQUIRE(requests.size() == 1);
  CHECK(nlohmann::json::parse(requests[0].body)["article"] == hits[0].id);
}
