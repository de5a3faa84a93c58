// After a ticket is stored: the key is spent, the next draft never rides on it, and a reload
// shows what was sent instead of reopening its form (data-loss bug: a second problem written
// there was answered with the first ticket's number and stored nowhere).
#include "session/support_session.h"
#include "test_files.h"

#include <doctest/doctest.h>

using namespace support;
using namespace support::test_files;

namespace {

void fill(SupportSession& s, const std::string& subject, const std::string& description) {
  s.set_form_value("name", "Ada");
  s.set_form_value("email", "ada@example.com");
  s.set_form_value("subject", subject);
  s.set_form_value("description", description);
}

HttpRequest submit_one(SupportSession& s) {
  s.submit();
  auto requests = s.take_requests();
  REQUIRE(requests.size() == 1);
  REQUIRE(requests[0].path == "/api/tickets");
  return requests[0];
}

std::string key_of(const HttpRequest& r) { return nlohmann::json::parse(r.body)["idempotency_key"]; }

}  // namespace

TEST_CASE("sent ticket: the next ticket never reuses the sent one's key, also after a reload") {
  const Config config = load_config(minimal_config_path());
  nlohmann::json saved;
  std::string first_key;
  {
    SupportSession s(config, "en", "seed");
    s.choose_category("sales");
    fill(s, "Licence question", "Can I move my licence?");
    const HttpRequest first = submit_one(s);
    first_key = key_of(first);
    s.on_response(first.id, {201, R"({"id":"t_1","number":41,"created_at":"2026-12-01T22:10:05.123Z"})"});
    REQUIRE(s.screen() == Screen::TicketSent);
    REQUIRE(s.last_sent());
    CHECK(s.last_sent()->number == 41);
    CHECK(s.last_sent()->subject == "Licence question");
    CHECK(s.last_sent()->created_at == "2026-12-01T22:10:05.123Z");
    CHECK(s.flow() == nullptr);                       // the flow is over
    CHECK(s.form_value("description").empty());       // the next ticket is about something else
    CHECK(s.form_value("email") == "ada@example.com");   // who the customer is stays
    saved = s.saved_draft();
  }

  // Reload: back on what was sent, not on the form of the sent ticket.
  SupportSession reloaded(config, "en", "seed-after-reload");
  reloaded.restore_draft(saved);
  CHECK(reloaded.screen() == Screen::TicketSent);
  REQUIRE(reloaded.last_sent());
  CHECK(reloaded.ticket_number() == 41);
  CHECK(reloaded.flow() == nullptr);

  // A new ticket starts from the first screen and goes out under a new key.
  reloaded.start_over();
  CHECK(reloaded.screen() == Screen::Home);
  reloaded.choose_category("sales");
  fill(reloaded, "Export broken", "The export button does nothing.");
  const HttpRequest second = submit_one(reloaded);
  CHECK(key_of(second) != first_key);
  CHECK(nlohmann::json::parse(second.body)["subject"] == "Export broken");
}

TEST_CASE("sent ticket: a draft changed after a failed send gets a new key; an unchanged one keeps it") {
  SupportSession s(load_config(minimal_config_path()), "en", "seed");
  s.choose_category("sales");
  fill(s, "Invoice", "I need a copy of my invoice.");
  const HttpRequest first = submit_one(s);
  s.on_response(first.id, {0, ""});   // the answer was lost: the ticket may or may not be stored

  s.tick(120000);                     // the automatic retry
  auto retries = s.take_requests();
  REQUIRE(retries.size() == 1);
  const HttpRequest retry = retries[0];
  CHECK(key_of(retry) == key_of(first));   // same request: the server can recognise it
  CHECK(retry.body == first.body);
  s.on_response(retry.id, {503, ""});

  // An edit while it waits stops the retries (they would send the old text) and says so.
  s.set_form_value("description", "I need a copy of my invoice for March, please.");
  CHECK_FALSE(s.sending());
  CHECK_FALSE(s.form_error().empty());
  const HttpRequest changed = submit_one(s);
  CHECK(key_of(changed) != key_of(first));   // a different request never rides on the old key

  // The choice survives a reload: the restored draft still knows which request its key belongs to.
  s.on_response(changed.id, {0, ""});
  SupportSession reloaded(load_config(minimal_config_path()), "en", "seed-2");
  reloaded.restore_draft(s.saved_draft());
  REQUIRE(reloaded.flow());
  // It was on its way when the page went: after the reload it goes out again, unchanged.
  auto resent = reloaded.take_requests();
  REQUIRE(resent.size() == 1);
  CHECK(resent[0].body == changed.body);
  reloaded.cancel_sending();
  reloaded.set_form_value("description", "Something else entirely now.");
  const HttpRequest after_reload = submit_one(reloaded);
  CHECK(key_of(after_reload) != key_of(changed));
}

TEST_CASE("sent ticket: the server's 'key used for another ticket' answer sends the draft under a new key, once") {
  SupportSession s(load_config(minimal_config_path()), "en", "seed");
  s.choose_category("sales");
  fill(s, "Refund", "Please refund my last order.");
  const HttpRequest first = submit_one(s);
  s.on_response(first.id, {422, R"({"error":"used","code":"idempotency_key_reused"})"});
  auto resent = s.take_requests();
  REQUIRE(resent.size() == 1);
  CHECK(key_of(resent[0]) != key_of(first));
  CHECK(nlohmann::json::parse(resent[0].body)["subject"] == "Refund");
  CHECK(s.sending());

  // A second refusal is not looped on: the customer sees an error and keeps the text.
  s.on_response(resent[0].id, {422, R"({"error":"used","code":"idempotency_key_reused"})"});
  CHECK(s.take_requests().empty());
  CHECK_FALSE(s.form_error().empty());
  CHECK(s.form_value("description") == "Please refund my last order.");
}
