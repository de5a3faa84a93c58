// What the page's listeners hear (session/session_events.h), where the screen key moves
// (session/screen_key.h), and the page's prefill (SupportSession::prefill).
#include "config/config_parser.h"
#include "session/screen_key.h"
#include "session/session_events.h"
#include "session/support_session.h"
#include "session_test_steps.h"
#include "test_files.h"

#include <doctest/doctest.h>

using namespace support;
using namespace support::test_files;

namespace {

std::vector<std::string> types(const std::vector<SessionEvent>& events) {
  std::vector<std::string> out;
  for (const auto& e : events) out.push_back(e.type);
  return out;
}

std::string joined(const std::vector<SessionEvent>& events) {
  std::string out;
  for (const auto& e : events) out += e.type + e.detail.dump() + " ";
  return out;
}

}  // namespace

TEST_CASE("events: each step once, in order, with its flow and step id") {
  SupportSession s(load_config(default_config_path()), "en", "seed");
  SessionEventWatcher watch;
  auto first = watch.observe(s);
  REQUIRE(types(first) == std::vector<std::string>{"step"});
  CHECK(first[0].detail["screen"] == "home");
  CHECK(watch.observe(s).empty());   // nothing changed: nothing heard

  s.choose_category("plugin_issue");
  auto pick = watch.observe(s);
  REQUIRE(types(pick) == std::vector<std::string>{"step"});
  CHECK(pick[0].detail["flow"] == "plugin_issue");
  CHECK(pick[0].detail["step"] == s.flow()->current_step().id);
  CHECK_FALSE(pick[0].detail.value("title", std::string()).empty());

  s.answer("seo_pro");
  const std::string after_pick = screen_key(s);
  CHECK(types(watch.observe(s)) == std::vector<std::string>{"step"});
  s.back();
  CHECK(screen_key(s) != after_pick);   // the same flow, another place: focus moves again
  CHECK(types(watch.observe(s)) == std::vector<std::string>{"step"});
}

TEST_CASE("events: fixed it is heard as resolved, once") {
  SupportSession s(load_config(default_config_path()), "en", "seed");
  SessionEventWatcher watch;
  watch.observe(s);
  s.choose_category("plugin_issue");
  s.answer("seo_pro");
  watch.observe(s);
  s.answer("fixed");
  auto heard = watch.observe(s);
  INFO(joined(heard));
  REQUIRE(types(heard) == std::vector<std::string>{"step", "resolved"});
  CHECK(heard[1].detail["category"] == "plugin_issue");
  CHECK(watch.observe(s).empty());
}

TEST_CASE("events: an article viewed, then answered: article-viewed and resolved") {
  SupportSession s(load_config(default_config_path()), "en", "seed");
  SessionEventWatcher watch;
  watch.observe(s);
  auto hits = s.search("licence activate");
  REQUIRE_FALSE(hits.empty());
  s.open_article(hits[0].id);
  auto viewed = watch.observe(s);
  REQUIRE(types(viewed) == std::vector<std::string>{"step", "article-viewed"});
  CHECK(viewed[1].detail["id"] == hits[0].id);
  s.article_answered(true);
  CHECK(types(watch.observe(s)) == std::vector<std::string>{"step", "resolved"});
}

TEST_CASE("events: a refused send is an error with the configured text; a stored ticket is ticket-submitted") {
  SupportSession s(load_config(default_config_path()), "en", "seed");
  SessionEventWatcher watch;
  s.choose_category("sales_question");
  watch.observe(s);
  test_steps::fill_ticket(s, "Licence question", "Can I move my licence to a new domain without buying another one?");
  s.submit();
  auto sent = s.take_requests();
  REQUIRE(sent.size() == 1);
  s.on_response(sent[0].id, {400, R"({"error":"disk full"})"});   // a final answer (5xx is retried)
  auto failed = watch.observe(s);
  REQUIRE(types(failed) == std::vector<std::string>{"error"});
  CHECK(failed[0].detail["message"] == s.text("error.server"));
  s.submit();
  auto again = s.take_requests();
  REQUIRE(again.size() == 1);
  s.on_response(again[0].id, {201, R"({"id":"t1","number":1042,"created_at":"2026-12-01T22:00:00Z"})"});
  auto stored = watch.observe(s);
  CHECK(types(stored) == std::vector<std::string>{"step", "ticket-submitted"});
  CHECK(stored[1].detail["number"] == 1042);
}

TEST_CASE("prefill: fills empty fields, keeps what the customer typed, locks what the page asks") {
  SupportSession s(load_config(default_config_path()), "en", "seed");
  s.set_form_value("name", "Typed by the customer");
  s.prefill({{"name", "From the page"}, {"email", "ada@example.org"}, {"site_url", "https://shop.example"}}, {"email"});
  CHECK(s.form_value("name") == "Typed by the customer");
  CHECK(s.form_value("email") == "ada@example.org");
  CHECK(s.form_value("site_url") == "https://shop.example");
  CHECK(s.field_locked("email"));
  CHECK_FALSE(s.field_locked("name"));
  CHECK_FALSE(s.field_locked("subject"));   // locking a field the page did not fill locks nothing
  s.prefill({}, {"subject"});
  CHECK_FALSE(s.field_locked("subject"));

  // A locked field keeps the page's value; a new request gets the prefill again.
  s.set_form_value("email", "");
  s.start_over();
  CHECK(s.form_value("email") == "ada@example.org");
  s.prefill({{"email", "new@example.org"}}, {});
  CHECK(s.form_value("email") == "new@example.org");   // locked: the page's newest value wins
}
