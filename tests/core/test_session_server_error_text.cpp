// A failed send shows the configuration's own words, never what the server said about it.
#include "config/config_parser.h"
#include "session/support_session.h"
#include "test_files.h"

#include <doctest/doctest.h>

using namespace support;
using namespace support::test_files;

namespace {

std::vector<HttpRequest> submit_sales_ticket(SupportSession& s) {
  s.choose_category("sales_question");
  s.form_value("name") = "Ada";
  s.form_value("email") = "ada@example.com";
  s.form_value("subject") = "Licence question";
  s.form_value("description") = "Can I move my licence to a new domain without buying another one?";
  s.submit();
  return s.take_requests();
}

}  // namespace

TEST_CASE("session: a 500 with an error text shows only error.server") {
  SupportSession s(load_config(default_config_path()), "en", "seed");
  auto sent = submit_sales_ticket(s);
  REQUIRE(sent.size() == 1);
  s.on_response(sent[0].id, {500, R"({"error":"SQLITE_BUSY: database is locked at /var/lib/x"})"});
  CHECK(s.form_error() == s.text("error.server"));
  CHECK(s.form_error().find("SQLITE") == std::string::npos);
}

TEST_CASE("session: a 503 with a plain-text body shows only error.server; offline shows error.network") {
  SupportSession s(load_config(default_config_path()), "en", "seed");
  auto sent = submit_sales_ticket(s);
  REQUIRE(sent.size() == 1);
  s.on_response(sent[0].id, {503, "upstream connect error"});
  CHECK(s.form_error() == s.text("error.server"));
  s.submit();
  auto again = s.take_requests();
  REQUIRE(again.size() == 1);
  s.on_response(again[0].id, {0, ""});
  CHECK(s.form_error() == s.text("error.network"));
  CHECK(s.text("error.network") != s.text("error.server"));
}
