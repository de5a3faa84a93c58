// The two endings of a visit are two screens: a ticket the server stored, and a problem solved
// without one. The snapshot names them apart for the staff preview.
#include <doctest/doctest.h>

#include "config/config_parser.h"
#include "session/session_snapshot.h"
#include "session/support_session.h"
#include "session_test_steps.h"

#include <string>

using namespace support;

namespace {

// A flow that is only a form, and one article in the KB.
const char* kConfig = R"({
  "brand": {"company_name": "Fixture Co"},
  "locales": {"default": "en"},
  "texts": {"en": {"t": "Text"}},
  "categories": [{"id": "help", "title_key": "t", "flow": "ask"}],
  "kb": {"articles": [{"id": "reset", "title": "Reset your password", "body": "Use the link on the login page."}]},
  "flows": {"ask": {"title_key": "t", "start": "form", "steps": [
    {"id": "form", "type": "form", "title_key": "t", "fields": [
      {"id": "name", "label_key": "t", "required": true},
      {"id": "email", "label_key": "t", "required": true},
      {"id": "subject", "label_key": "t", "required": true},
      {"id": "description", "label_key": "t", "required": true}
    ]}
  ]}}
})";

Config fixture() {
  ConfigParseResult parsed = parse_config(kConfig);
  std::string problems;
  for (const ConfigProblem& problem : parsed.problems) problems += format_problem(problem) + "\n";
  INFO(problems);
  REQUIRE(parsed.ok());
  return parsed.config;
}

}  // namespace

TEST_CASE("screens: an article that answered the question ends on Resolved, without a ticket") {
  SupportSession session(fixture(), "", "seed");
  session.choose_category("help");
  session.open_article("reset");
  REQUIRE(session.screen() == Screen::Article);
  session.article_answered(true);
  CHECK(session.screen() == Screen::Resolved);
  CHECK(session.ticket_number() == 0);
  const nlohmann::json snapshot = session_snapshot(session);
  CHECK(snapshot["screen"] == "resolved");
  CHECK(snapshot["resolved"] == true);
  CHECK_FALSE(snapshot.contains("ticket_number"));
  session.start_over();
  CHECK(session.screen() == Screen::Home);
}

TEST_CASE("screens: a stored ticket ends on TicketSent, with its number") {
  SupportSession session(fixture(), "", "seed");
  session.choose_category("help");
  test_steps::fill_ticket(session, "Cannot log in", "The login page says my password is wrong after the reset.");
  session.submit();
  const std::vector<HttpRequest> requests = session.take_requests();
  REQUIRE(requests.size() == 1);
  session.on_response(requests[0].id, {201, R"({"id":"t_1","number":7})"});
  CHECK(session.screen() == Screen::TicketSent);
  const nlohmann::json snapshot = session_snapshot(session);
  CHECK(snapshot["screen"] == "sent");
  CHECK(snapshot["ticket_number"] == 7);
  CHECK(snapshot["resolved"] == false);
}
