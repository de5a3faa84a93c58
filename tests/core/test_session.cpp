// SupportSession: the widget's decisions, tested without a browser.
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
  SupportSession s(load_config(default_config_path()), "en", "seed");
  s.choose_category("sales_question");
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
  CHECK(body["category"] == "sales_question");
  CHECK(body["email"] == "ada@example.com");
  CHECK(body["idempotency_key"] == "seed-1");

  s.on_response(requests[0].id, {201, R"({"id":"t_1","number":42})"});
  CHECK(s.screen() == Screen::TicketSent);
  CHECK(s.ticket_number() == 42);
}

TEST_CASE("session: the widget refuses what the server would refuse") {
  SupportSession s(load_config(default_config_path()), "en", "seed");
  s.choose_category("sales_question");
  fill_sales_form(s);
  s.set_form_value("email", "ada@[127.0.0.1]");   // an address literal: the server's email rules reject it
  s.submit();
  CHECK_FALSE(s.field_error("email").empty());
  CHECK(s.take_requests().empty());
}

TEST_CASE("session: a failed send keeps every field and retries with the same key") {
  SupportSession s(load_config(default_config_path()), "en", "seed");
  s.choose_category("sales_question");
  fill_sales_form(s);
  s.submit();
  auto first = s.take_requests();
  REQUIRE(first.size() == 1);
  s.on_response(first[0].id, {0, ""});   // offline
  CHECK(s.screen() == Screen::Flow);
  CHECK_FALSE(s.form_error().empty());
  CHECK(s.form_value("description").find("licence") != std::string::npos);
  s.submit();
  auto second = s.take_requests();
  REQUIRE(second.size() == 1);
  CHECK(nlohmann::json::parse(second[0].body)["idempotency_key"] ==
        nlohmann::json::parse(first[0].body)["idempotency_key"]);

  s.on_response(second[0].id, {422, R"({"errors":[{"field":"subject","code":"too_long","message":"Too long."}]})"});
  CHECK(s.field_error("subject") == "Too long.");
}

TEST_CASE("session: fixed it resolves without a ticket and reports one event") {
  SupportSession s(load_config(default_config_path()), "en", "seed");
  s.choose_category("plugin_issue");
  s.answer("seo_pro");
  s.answer("fixed");
  CHECK(s.flow()->is_resolved());
  auto requests = s.take_requests();
  REQUIRE(requests.size() == 1);
  CHECK(requests[0].path == "/api/events");
  auto event = nlohmann::json::parse(requests[0].body);
  CHECK(event["type"] == "resolved");
  CHECK(event["category"] == "plugin_issue");
  for (const auto& [key, value] : event.items()) CHECK_FALSE(value.is_structured());   // the API takes flat events
  s.answer("fixed");
  CHECK(s.take_requests().empty());
}

TEST_CASE("session: the saved draft brings back the step and the typed text") {
  Config config = load_config(default_config_path());
  nlohmann::json saved;
  {
    SupportSession s(config, "en", "seed");
    s.choose_category("plugin_issue");
    s.answer("form_builder");
    s.answer("didnt_help");
    s.set_form_value("description", "half-typed");
    s.open_article("license-activation");
    saved = s.saved_draft();
  }
  SupportSession restored(config, "en", "other-seed");
  restored.restore_draft(saved);
  REQUIRE(restored.flow());
  CHECK(restored.flow()->current_step().id == "kb_plugin");
  CHECK(restored.flow()->context().value_or("product") == "form_builder");
  CHECK(restored.form_value("description") == "half-typed");
  CHECK(restored.take_requests().empty());   // replaying answers reports nothing

  restored.restore_draft(nlohmann::json::parse(R"({"version":1,"category":"nope","answers":[1,2]})"));   // ignored
  restored.restore_draft(nlohmann::json("garbage"));
  CHECK(restored.flow());
}

TEST_CASE("session: an article that answered the question resolves") {
  SupportSession s(load_config(default_config_path()), "en", "seed");
  s.set_search_query("licence activate");
  auto hits = s.search(s.search_query());
  REQUIRE_FALSE(hits.empty());
  s.open_article(hits[0].id);
  REQUIRE(s.screen() == Screen::Article);
  s.article_answered(true);
  auto requests = s.take_requests();
  REQUIRE(requests.size() == 1);
  CHECK(nlohmann::json::parse(requests[0].body)["article"] == hits[0].id);
}
