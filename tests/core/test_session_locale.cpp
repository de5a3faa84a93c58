// SupportSession::set_locale: the customer (or the page) switches language mid-way and stays
// where they were, with what they typed.
#include "config/config_parser.h"
#include "session/support_session.h"
#include "test_files.h"

#include <doctest/doctest.h>

using namespace support;
using namespace support::test_files;

TEST_CASE("session: switching the locale keeps the step, the answers and the typed text") {
  SupportSession s(load_config(default_config_path()), "en", "seed");
  CHECK(s.text("category.pick_title") == "What can we help you with?");
  s.choose_category("plugin_issue");
  s.answer("form_builder");                    // on "watch the tutorial"
  s.answer("didnt_help");                      // on the KB check
  const std::string step = s.flow()->current_step().id;
  s.set_form_value("subject", "Formular sendet nicht");
  const unsigned revision = s.draft_revision();

  s.set_locale("de");
  CHECK(s.locale() == "de");
  CHECK(s.screen() == Screen::Flow);
  REQUIRE(s.flow());
  CHECK(s.flow()->current_step().id == step);
  CHECK(s.flow()->locale() == "de");
  CHECK(s.text("category.pick_title") == "Wobei können wir Ihnen helfen?");
  CHECK(s.flow()->log()[1]["title"] == "Sehen Sie sich das Tutorial zu Northwind Form Builder an");
  CHECK(s.form_value("subject") == "Formular sendet nicht");
  CHECK(s.draft_revision() != revision);   // the draft is saved again

  s.set_locale("");   // empty: back to the default locale
  CHECK(s.locale() == "en");
  CHECK(s.flow()->current_step().id == step);
}

TEST_CASE("session: switching the locale on the home screen starts nothing") {
  SupportSession s(load_config(default_config_path()), "de", "seed");
  s.set_locale("es");
  CHECK(s.screen() == Screen::Home);
  CHECK(s.flow() == nullptr);
  CHECK(s.text("widget.close") == "Cerrar");
}
