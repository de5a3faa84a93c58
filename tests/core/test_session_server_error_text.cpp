// A failed send shows the configuration's own words, never what the server said about it.
#include "config/config_parser.h"
#include "session/support_session.h"
#include "session_test_steps.h"
#include "test_files.h"

#include <doctest/doctest.h>

using namespace support;
using namespace support::test_files;

namespace {

std::vector<HttpRequest> submit_sales_ticket(SupportSession& s) {
  s.choose_category("sales_question");
  test_steps::fill_ticket(s, "Licence question", "Can I move my licence to a new domain without buying another one?");
  s.submit();
  return s.take_requests();
}

}  // namespace

TEST_CASE("session: a final error answer with the server's own text shows only error.server") {
  SupportSession s(load_config(default_config_path()), "en", "seed");
  auto sent = submit_sales_ticket(s);
  REQUIRE(sent.size() == 1);
  s.on_response(sent[0].id, {400, R"({"error":"SQLITE_BUSY: database is locked at /var/lib/x"})"});
  CHECK(s.form_error() == s.text("error.server"));
  CHECK(s.form_error().find("SQLITE") == std::string::npos);
}

TEST_CASE("session: a 500 or no answer is retried; the waiting line never carries the server's words") {
  SupportSession s(load_config(default_config_path()), "en", "seed");
  auto sent = submit_sales_ticket(s);
  REQUIRE(sent.size() == 1);
  s.tick(0);
  s.on_response(sent[0].id, {500, R"({"error":"SQLITE_BUSY: database is locked at /var/lib/x"})"});
  CHECK(s.delivery_state() == DeliveryState::WaitingToRetry);
  const std::string waiting = s.delivery_message();
  CHECK(waiting.find("SQLITE") == std::string::npos);
  CHECK(waiting.find("{seconds}") == std::string::npos);   // the countdown is filled in
  CHECK(waiting.find(" s") != std::string::npos);
  CHECK(s.form_error().find("SQLITE") == std::string::npos);
  s.set_online(false);
  CHECK(s.delivery_message() == s.text("delivery.offline"));
}
