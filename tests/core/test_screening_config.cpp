// The "screening" configuration: parsed from JSON, linted, and filled in for the default config.
#include <doctest/doctest.h>

#include "config/config_lint.h"
#include "config/config_parser.h"
#include "email/email_provider.h"
#include "test_files.h"

#include <algorithm>

using namespace support;
using namespace support::test_files;

namespace {

nlohmann::json minimal() { return read_json(minimal_config_path()); }

std::string joined_problems(const nlohmann::json& doc) {
  std::string out;
  for (const std::string& line : format_problems(lint_config_text(doc.dump()))) out += line + "\n";
  return out;
}

}  // namespace

TEST_CASE("screening config: the default configuration covers every category, provider and locale") {
  const Config config = load_config(default_config_path());
  CHECK(format_problems(lint_config(config)).empty());
  for (const Category& category : config.categories) {
    CAPTURE(category.id);
    CHECK(config.screening.completeness.count(category.id) == 1);
  }
  for (EmailProvider provider : all_email_providers()) {
    CAPTURE(email_provider_id(provider));
    const auto advice = config.screening.email.advice.find(email_provider_id(provider));
    REQUIRE(advice != config.screening.email.advice.end());
    CHECK_FALSE(advice->second.step_keys.empty());
  }
  for (const std::string& locale : config.texts.locales) CHECK(config.screening.tone.words.count(locale) == 1);
  CHECK_FALSE(config.screening.queue_reminder_key.empty());
  // Defaults when no list is configured.
  CHECK(std::count(config.screening.email.lists.domains.begin(), config.screening.email.lists.domains.end(), "gmail.com") == 1);
}

TEST_CASE("screening config: values are read, lists replace the defaults") {
  nlohmann::json doc = minimal();
  doc["screening"] = {
      {"ticket_number", {{"prefix", "T-"}, {"min_digits", 3}, {"max_digits", 6}}},
      {"duplicates", {{"threshold_percent", 45}}},
      {"email", {{"domains", {"acme.test"}}, {"top_level_domains", {"test"}}}},
      {"tone", {{"shouting_min_letters", 8}, {"shouting_upper_percent", 80}, {"punctuation_run", 4},
                {"shouting_key", "greeting"}, {"punctuation_key", "greeting"}, {"insult_key", "greeting"},
                {"threat_key", "greeting"}, {"words", {{"en", {{"insults", {"nitwit"}}}}, {"de", {{"threats", {"anwalt"}}}}}}}},
  };
  const ConfigParseResult parsed = parse_config(doc.dump());
  REQUIRE(parsed.ok());
  const ScreeningSettings& s = parsed.config.screening;
  CHECK(s.ticket_number.prefix == "T-");
  CHECK(s.ticket_number.max_digits == 6);
  CHECK(s.duplicates.threshold == doctest::Approx(0.45));
  CHECK(s.email.lists.domains == std::vector<std::string>{"acme.test"});
  CHECK(s.email.lists.top_level_domains == std::vector<std::string>{"test"});
  CHECK_FALSE(s.email.lists.second_level_domains.empty());  // not configured: default kept
  CHECK(s.tone.shouting_upper_share == doctest::Approx(0.8));
  CHECK(s.tone.words.at("en").insults == std::vector<std::string>{"nitwit"});
  CHECK(format_problems(lint_config(parsed.config)).empty());
}

TEST_CASE("screening config: structural mistakes are reported at their path") {
  nlohmann::json doc = minimal();
  doc["screening"] = {
      {"completeness", {{"broken", {{{"id", "x"}, {"check", "telepathy"}, {"field", "description"},
                                     {"level", "maybe"}, {"message_key", "greeting"}, {"reason_key", "greeting"}}}}}},
      {"email", {{"advice", {{"hotmail", {{"where_key", "greeting"}, {"step_keys", {"greeting"}}}}}}}},
      {"ticket_number", {{"min_digits", 5}, {"max_digits", 2}}},
      {"colour", "blue"},
  };
  const std::string problems = joined_problems(doc);
  CHECK(problems.find("screening.completeness.broken[0].check: unknown check \"telepathy\"") != std::string::npos);
  CHECK(problems.find("screening.completeness.broken[0].level: expected \"warning\" or \"required\"") != std::string::npos);
  CHECK(problems.find("screening.email.advice.hotmail: unknown provider \"hotmail\"") != std::string::npos);
  CHECK(problems.find("screening.ticket_number.max_digits: must not be smaller than min_digits") != std::string::npos);
  CHECK(problems.find("screening.colour") != std::string::npos);
}

TEST_CASE("screening lint: cross-references to categories, fields, flow choices and texts") {
  nlohmann::json doc = minimal();
  const std::string category = doc["categories"][0]["id"];
  doc["screening"] = {
      {"completeness",
       {{category,
         {{{"id", "a"}, {"check", "url"}, {"field", "no_such_field"}, {"message_key", "greeting"}, {"reason_key", "nope.key"}},
          {{"id", "a"}, {"check", "flow_choice"}, {"field", "no_such_key"}, {"message_key", "greeting"}, {"reason_key", "greeting"}},
          {{"id", "b"}, {"check", "mentions"}, {"field", "description"}, {"words", {{"de", {"weil"}}}},
           {"message_key", "greeting"}, {"reason_key", "greeting"}}}},
        {"no_category", nlohmann::json::array()}}},
      {"email", {{"advice", {{"gmail", {{"where_key", "greeting"}, {"step_keys", {"greeting"}}}}}}}},
      {"tone", {{"shouting_key", "greeting"}, {"punctuation_key", "greeting"}, {"insult_key", "greeting"},
                {"threat_key", "greeting"}, {"words", {{"en", nlohmann::json::object()}, {"fr", nlohmann::json::object()}}}}},
  };
  const std::string problems = joined_problems(doc);
  CAPTURE(problems);
  CHECK(problems.find("has no field \"no_such_field\"") != std::string::npos);
  CHECK(problems.find("text \"nope.key\" is missing") != std::string::npos);
  CHECK(problems.find("duplicate rule id \"a\"") != std::string::npos);
  CHECK(problems.find("sets \"no_such_key\"") != std::string::npos);
  CHECK(problems.find("no words for the default locale \"en\"") != std::string::npos);
  CHECK(problems.find("screening.completeness.no_category: unknown category") != std::string::npos);
  CHECK(problems.find("screening.email.advice: missing \"other\"") != std::string::npos);
  CHECK(problems.find("screening.tone.words.fr: locale \"fr\" is not listed") != std::string::npos);
  CHECK(problems.find("no word lists for locale \"de\"") != std::string::npos);
}
