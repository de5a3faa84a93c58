// The "not receiving our emails" flow of the default configuration: where it lists the generic
// per-provider advice, the widget shows the advice for the customer's own provider once it knows
// the address (docs/screening.md, "In the widget").
#include "session/support_session.h"
#include "test_files.h"

#include <doctest/doctest.h>

using namespace support;
using namespace support::test_files;

TEST_CASE("default config: the email flow shows the known address's provider advice instead of the generic list") {
  SupportSession s(load_config(default_config_path()), "en", "seed");
  s.choose_category("email_access");
  s.answer("no_replies");
  REQUIRE(s.flow());
  CHECK(s.flow()->current_step().id == "whitelist_domain");
  CHECK_FALSE(s.step_email_advice());   // this step's items are not the spam-folder advice
  s.answer("continue");
  REQUIRE(s.flow()->current_step().id == "check_spam");
  CHECK_FALSE(s.step_email_advice());   // no address known yet: the generic list stays

  s.prefill({{"email", "ada@hotmail.co.uk"}}, {});
  const auto advice = s.step_email_advice();
  REQUIRE(advice);
  CHECK(advice->provider == "outlook");
  CHECK(advice->where.find("Junk Email") != std::string::npos);
  REQUIRE(advice->steps.size() == 3);
  CHECK(advice->steps[2].find("northwind-plugins.test") != std::string::npos);   // {email.support_domain} filled

  s.set_form_value("email", "not an address");
  CHECK_FALSE(s.step_email_advice());   // an unusable address gets the generic list
}
