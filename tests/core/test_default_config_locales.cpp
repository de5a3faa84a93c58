// The shipped default configuration speaks English, Spanish and German: every text exists in
// every locale, and a flow walked in a locale shows that locale's words with the same names and
// numbers filled in.
#include <doctest/doctest.h>

#include "config/config_text.h"
#include "run/flow_run.h"
#include "run/form_submission.h"
#include "test_files.h"

using namespace support;
using namespace support::test_files;

TEST_CASE("default config: English, Spanish and German, each with every text of the default locale") {
  Config config = load_config(default_config_path());
  CHECK(config.texts.default_locale == "en");
  CHECK(config.texts.locales == std::vector<std::string>{"en", "es", "de"});
  const auto& english = config.texts.texts.at("en");
  for (const char* locale : {"es", "de"}) {
    const auto& table = config.texts.texts.at(locale);
    // Besides every English key, only the translated placeholder values (config/config_text.h).
    CHECK(table.size() == english.size() + 3);
    for (const char* value : {"brand.product_family", "escalation.contact_role", "escalation.shift_hours"})
      CHECK(table.count(value) == 1);
    for (const auto& entry : english) {
      const std::string& key = entry.first;
      const std::string& text = entry.second;
      INFO(locale << "." << key);
      REQUIRE(table.count(key) == 1);
      // Only product names (which stay), "Tutorial: {url}" and German's "(optional)" read the same.
      const bool may_match = key.rfind("product.", 0) == 0 || key == "plugin_issue.watch_tutorial.item1" ||
                             (key == "form.field.optional" && std::string(locale) == "de");
      if (!may_match) CHECK(table.at(key) != text);
    }
  }
}

TEST_CASE("default config: a flow walked in German or Spanish shows that locale's texts, placeholders filled") {
  Config config = load_config(default_config_path());
  CHECK(config_text(config, "de", "widget.title") == "Northwind Plugins Kundenservice");
  CHECK(config_text(config, "es", "widget.title") == "Soporte de Northwind Plugins");
  CHECK(config_text(config, "de", "category.pick_title") == "Wobei können wir Ihnen helfen?");
  CHECK(config_text(config, "es", "category.pick_title") == "¿En qué podemos ayudarle?");

  FlowRun german = *FlowRun::for_category(config, "plugin_issue", FlowContext{}, "de");
  REQUIRE(german.answer("form_builder"));
  CHECK(german.text(german.current_step().title_key) == "Sehen Sie sich das Tutorial zu Northwind Form Builder an");
  CHECK(german.log()[0]["title"] == "Um welches Plugin geht es?");   // the ticket's log speaks German too

  FlowRun spanish = *FlowRun::for_category(config, "plugin_issue", FlowContext{}, "es");
  REQUIRE(spanish.answer("speed_cache"));
  CHECK(spanish.text(spanish.current_step().title_key) == "Vea el tutorial de Northwind Speed Cache");

  // The form's messages come from the run's locale, with {min} filled in.
  FlowRun form = *FlowRun::for_category(config, "sales_question", FlowContext{}, "de");
  REQUIRE(form.reached_form());
  FieldErrors errors = validate_form_values(config, form, {{"email", "kunde@example.test"}, {"description", "kurz"}});
  bool too_short_in_german = false;
  for (const FieldError& error : errors)
    if (error.code == "too_short") too_short_in_german = error.message.find("Bitte schreiben Sie mindestens") == 0;
  CHECK(too_short_in_german);
}

TEST_CASE("default config: words in the configuration's values are translated, names are not") {
  Config config = load_config(default_config_path());
  const std::string german = config_text(config, "de", "ticket_attention.check_shift.text");
  CHECK(german.find("Unser Team arbeitet montags bis samstags") != std::string::npos);
  CHECK(german.find("Our agents") == std::string::npos);
  CHECK(config_text(config, "de", "ticket_attention.be_kind.text").find("Morgan Reyes (Support-Leitung)") != std::string::npos);
  CHECK(config_text(config, "de", "category.plugin_issue.title") == "Ein Problem mit einem unserer Plugins");
  CHECK(config_text(config, "en", "category.plugin_issue.title") == "A problem with one of our plugins");
  CHECK(config_text(config, "es", "ticket_attention.check_shift.text").find("de lunes a sábado") != std::string::npos);
  CHECK(config_text(config, "en", "ticket_attention.check_shift.text").find("Our agents work Monday to Saturday") != std::string::npos);
  // Names always come from their setting, even if a locale has a text of that key.
  config.texts.texts["de"]["brand.company_name"] = "Nordwind";
  CHECK(config_text(config, "de", "widget.title") == "Northwind Plugins Kundenservice");
}
