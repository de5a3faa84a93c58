// screening/draft_completeness with the default configuration's rules, and its single checks.
#include <doctest/doctest.h>

#include "screening/draft_completeness.h"
#include "screening/web_address.h"
#include "test_files.h"

#include <algorithm>

using namespace support;

namespace {

const Config& default_config() {
  static const Config config = test_files::load_config(test_files::default_config_path());
  return config;
}

std::vector<std::string> rule_ids(const std::vector<DraftFinding>& findings) {
  std::vector<std::string> ids;
  for (const DraftFinding& f : findings) ids.push_back(f.rule_id);
  return ids;
}

bool has(const std::vector<std::string>& ids, const std::string& id) {
  return std::find(ids.begin(), ids.end(), id) != ids.end();
}

const nlohmann::json kPluginLog = nlohmann::json::array(
    {{{"step", "pick_plugin"}, {"type", "choice"}, {"answer", "speed_cache"}, {"set", {{"product", "speed_cache"}}}},
     {{"step", "plugin_form"}, {"type", "form"}}});

}  // namespace

TEST_CASE("completeness: an empty plugin draft gets every rule, the required ones block") {
  const auto findings = check_draft_completeness(default_config(), "en", "plugin_issue", {}, nlohmann::json::array());
  const auto ids = rule_ids(findings);
  for (const char* id : {"site_url", "plugin", "plugin_version", "steps_to_reproduce", "expected_vs_actual", "description_length"})
    CHECK(has(ids, id));
  CHECK(has_required_finding(findings));
  for (const DraftFinding& f : findings) {
    CHECK_FALSE(f.message.empty());
    CHECK_FALSE(f.reason.empty());
    CHECK(f.message.find("screening.") == std::string::npos);  // a text, not a missing key
  }
}

TEST_CASE("completeness: a complete plugin draft passes; what was tried is never asked") {
  const std::map<std::string, std::string> values{
      {"site_url", "https://shop.example.com"},
      {"description",
       "Since version 3.2.1 the cart is empty. Steps: first I add a product, then I open the cart page. "
       "I expected the product in the cart, but it shows an empty cart instead."}};
  const auto findings = check_draft_completeness(default_config(), "en", "plugin_issue", values, kPluginLog);
  CHECK(rule_ids(findings).empty());
}

TEST_CASE("completeness: each plugin rule on its own") {
  std::map<std::string, std::string> values{
      {"site_url", "my site"},
      {"description", "The cart is broken on my shop and nothing I do changes it, it is really annoying to use now."}};
  const auto ids = rule_ids(check_draft_completeness(default_config(), "en", "plugin_issue", values, kPluginLog));
  CHECK(has(ids, "site_url"));
  CHECK(has(ids, "plugin_version"));
  CHECK(has(ids, "steps_to_reproduce"));
  CHECK(has(ids, "expected_vs_actual"));
  CHECK_FALSE(has(ids, "plugin"));             // chosen in the flow
  CHECK_FALSE(has(ids, "description_length"));
  const auto level = check_draft_completeness(default_config(), "en", "plugin_issue", values, kPluginLog);
  for (const DraftFinding& f : level) CHECK((f.rule_id == "site_url") == (f.level == RuleLevel::required));
}

TEST_CASE("completeness: escalations need the earlier ticket number and the agent's name") {
  std::map<std::string, std::string> values{{"earlier_ticket_number", "my last one"}, {"agent_name", ""},
                                            {"description", "Nobody has answered my ticket for a week, please look."}};
  auto ids = rule_ids(check_draft_completeness(default_config(), "en", "ticket_attention", values, {}));
  CHECK(has(ids, "ticket_number"));
  CHECK(has(ids, "agent_name"));
  values["earlier_ticket_number"] = " #1234 ";
  values["agent_name"] = "Sam";
  CHECK(rule_ids(check_draft_completeness(default_config(), "en", "ticket_attention", values, {})).empty());
}

TEST_CASE("completeness: unknown categories, Unicode and very long values") {
  CHECK(check_draft_completeness(default_config(), "en", "no_such_category", {}, {}).empty());
  // Characters, not bytes, count towards a minimum length: 40 "ü" are 80 bytes.
  std::string umlauts;
  for (int i = 0; i < 40; ++i) umlauts += "ü";
  const auto short_one = check_draft_completeness(default_config(), "en", "ticket_attention",
                                                  {{"earlier_ticket_number", "12"}, {"agent_name", "Zoë"}, {"description", umlauts.substr(0, 78)}}, {});
  CHECK(has(rule_ids(short_one), "description_length"));
  const auto long_one = check_draft_completeness(default_config(), "en", "plugin_issue",
                                                 {{"site_url", "https://bücher.example/" + std::string(100000, 'a')},
                                                  {"description", std::string(200000, 'x') + " v1.2 then expected"}},
                                                 kPluginLog);
  CHECK(rule_ids(long_one) == std::vector<std::string>{"site_url"});  // over 2,048 characters is no address
  CHECK_FALSE(check_draft_completeness(default_config(), "en", "plugin_issue", {}, nlohmann::json("not a log")).empty());
}

TEST_CASE("completeness checks: web addresses, versions, ticket numbers, flow choices") {
  CHECK(is_web_address("https://www.example.com/shop?x=1"));
  CHECK(is_web_address("www.example.com"));
  CHECK(is_web_address("example.co.uk:8080"));
  CHECK(is_web_address("http://bücher.example"));
  CHECK(is_web_address("192.168.1.20"));
  CHECK_FALSE(is_web_address(""));
  CHECK_FALSE(is_web_address("my site"));
  CHECK_FALSE(is_web_address("localhost"));
  CHECK_FALSE(is_web_address("name@example.com"));
  CHECK_FALSE(is_web_address("ftp://example.com"));
  CHECK_FALSE(is_web_address("https://-bad-.example.com"));
  CHECK_FALSE(is_web_address("https://example..com"));

  CHECK(contains_version_number("running 2.4 now"));
  CHECK(contains_version_number("v5.1.3"));
  CHECK_FALSE(contains_version_number("version two"));
  CHECK_FALSE(contains_version_number("a1.2b and 42"));

  const TicketNumberFormat format{"#", 1, 6};
  CHECK(is_ticket_number("1234", format));
  CHECK(is_ticket_number("#1234", format));
  CHECK(is_ticket_number(" # 1234 ", format));
  CHECK_FALSE(is_ticket_number("", format));
  CHECK_FALSE(is_ticket_number("1234567", format));
  CHECK_FALSE(is_ticket_number("12a4", format));
  CHECK_FALSE(is_ticket_number("１２３", format));  // fullwidth digits are not what staff search for

  CHECK(flow_log_sets(nlohmann::json::array({{{"set", {{"product", "x"}}}}}), "product"));
  CHECK_FALSE(flow_log_sets(nlohmann::json::array({{{"set", {{"product", ""}}}}}), "product"));
  CHECK_FALSE(flow_log_sets(nlohmann::json::object(), "product"));
}
