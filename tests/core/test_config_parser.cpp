// Parser: what it reads from a valid document, and the exact paths it reports for broken ones.
#include <doctest/doctest.h>

#include "config/config_parser.h"
#include "config/config_text.h"
#include "test_files.h"

#include <algorithm>

using namespace support;
using namespace support::test_files;

namespace {

bool has_problem(const ConfigProblems& problems, const std::string& path, const std::string& message_part) {
  return std::any_of(problems.begin(), problems.end(), [&](const ConfigProblem& p) {
    return p.path == path && p.message.find(message_part) != std::string::npos;
  });
}

std::string dump_problems(const ConfigProblems& problems) {
  std::string out;
  for (const auto& p : problems) out += format_problem(p) + "\n";
  return out;
}

}  // namespace

TEST_CASE("config parser: reads every section of the minimal fixture") {
  ConfigParseResult result = parse_config_json(read_json(minimal_config_path()));
  INFO(dump_problems(result.problems));
  REQUIRE(result.ok());
  const Config& config = result.config;
  CHECK(config.brand.colors.primary == "#112233");
  CHECK(config.brand.colors.accent == BrandColors{}.accent);  // default kept
  CHECK(config.texts.locales == std::vector<std::string>{"en", "de"});
  REQUIRE_FALSE(config.categories.empty());
  CHECK(config.categories[0].requires_login_details);
  CHECK(config.min_description_length("broken") == 30);
  CHECK(config.min_description_length("sales") == 5);  // policy override wins
  const Flow* flow = config.find_flow("fix");
  REQUIRE(flow);
  CHECK(flow->start == "pick");
  CHECK(config.find_flow("sales")->start == "sales_form");  // defaults to the first step
  const FlowStep* restart = flow->find_step("restart");
  REQUIRE(restart);
  CHECK(restart->type == StepType::checklist);
  CHECK(restart->find_answer("fixed")->resolves);
  CHECK_FALSE(restart->find_answer("didnt_help")->resolves);
  CHECK(restart->find_answer("didnt_help")->next.branches.size() == 3);
  const FlowStep* kb = flow->find_step("kb_first");
  REQUIRE(kb);
  CHECK(kb->answers.size() == 2);
  CHECK(kb->find_answer("answered")->resolves);
  CHECK(flow->find_step("pick")->find_answer("beta")->sets.at("product") == "beta");
  const FlowStep* form = flow->find_step("form");
  REQUIRE(form);
  REQUIRE(form->fields.size() == 5);
  CHECK(form->fields[1].type == FormFieldType::email);
  CHECK(form->fields[3].type == FormFieldType::textarea);
  CHECK_FALSE(form->fields[4].required);
  CHECK(config.kb.articles.size() == 1);
}

TEST_CASE("config parser: problems carry exact JSON paths") {
  nlohmann::json doc = read_json(minimal_config_path());
  doc["brand"]["colors"]["primary"] = "blue";
  doc["categories"][1]["requires_login_details"] = "yes";
  doc["flows"]["fix"]["steps"][2]["outcomes"][1]["next"] = 42;
  doc["flows"]["fix"]["steps"][3]["type"] = "quiz";
  doc["flows"]["fix"]["steps"][4]["colour"] = "red";
  doc["policy"]["max_lengths"] = {{"name", 1e300}};
  doc["products"][0].erase("name");
  doc["texts"]["en"]["greeting"] = 7;
  ConfigParseResult result = parse_config_json(doc);
  INFO(dump_problems(result.problems));
  CHECK(has_problem(result.problems, "brand.colors.primary", "#rrggbb"));
  CHECK(has_problem(result.problems, "categories[1].requires_login_details", "expected true or false, found a string"));
  CHECK(has_problem(result.problems, "flows.fix.steps[2].outcomes[1].next", "expected a step id"));
  CHECK(has_problem(result.problems, "flows.fix.steps[3].type", "unknown step type \"quiz\""));
  CHECK(has_problem(result.problems, "flows.fix.steps[4].colour", "unknown key"));
  CHECK(has_problem(result.problems, "policy.max_lengths.name", "whole number"));
  CHECK(has_problem(result.problems, "products[0].name", "missing"));
  CHECK(has_problem(result.problems, "texts.en.greeting", "expected a string"));
  CHECK(result.problems.size() == 8);
}

TEST_CASE("config parser: conditions are checked where they are written") {
  nlohmann::json doc = read_json(minimal_config_path());
  auto& branches = doc["flows"]["fix"]["steps"][2]["outcomes"][1]["next"];
  branches[0]["if"] = {{"answer", {{"step", "pick"}}}};
  branches[1]["if"] = {{"colour", "red"}};
  nlohmann::json deep = {{"context", {{"logged_in", true}}}};
  for (int i = 0; i < 20; ++i) deep = {{"not", deep}};
  branches.push_back({{"if", deep}, {"to", "form"}});
  ConfigParseResult result = parse_config_json(doc);
  INFO(dump_problems(result.problems));
  CHECK(has_problem(result.problems, "flows.fix.steps[2].outcomes[1].next[0].if.answer", "exactly one of \"is\""));
  CHECK(has_problem(result.problems, "flows.fix.steps[2].outcomes[1].next[1].if.colour", "unknown condition kind"));
  CHECK(std::any_of(result.problems.begin(), result.problems.end(),
                    [](const ConfigProblem& p) { return p.message.find("nested too deeply") != std::string::npos; }));
}

TEST_CASE("config parser: never throws on hostile input") {
  CHECK(parse_config("").problems.size() == 1);
  CHECK(format_problem(parse_config("{").problems.at(0)).rfind("(root): not valid JSON", 0) == 0);
  CHECK(parse_config("[1,2,3]").problems.at(0).message.find("must be a JSON object") != std::string::npos);
  CHECK_FALSE(parse_config("[1,2,3]").document_read);
  // Ill-formed UTF-8 inside a string.
  CHECK_FALSE(parse_config("{\"brand\": {\"company_name\": \"\xff\xfe\"}}").ok());
  // Deep nesting: rejected or reported, never a stack overflow.
  std::string deep(100000, '[');
  deep += std::string(100000, ']');
  CHECK_FALSE(parse_config(deep).ok());
  std::string deep_object = "{\"flows\":";
  for (int i = 0; i < 5000; ++i) deep_object += "{\"a\":";
  deep_object += "1" + std::string(5000, '}') + "}";
  CHECK_FALSE(parse_config(deep_object).ok());
  // Huge numbers and wrong types everywhere.
  CHECK_FALSE(parse_config(R"({"brand": 1e999, "locales": -99999999999999999999999, "flows": []})").ok());
  CHECK_FALSE(parse_config(R"({"brand":null,"locales":null,"texts":null,"categories":null,"flows":null,"kb":null,
                               "escalation":null,"email":null,"policy":null,"products":null})").ok());
}

TEST_CASE("config text: locale fallback and placeholders") {
  ConfigParseResult result = parse_config_json(read_json(minimal_config_path()));
  Config& config = result.config;
  CHECK(config_text(config, "en", "greeting") == "Hello from Test Co");
  CHECK(config_text(config, "de", "greeting") == "DE Hello from Test Co");
  config.texts.texts["de"].erase("greeting");
  CHECK(config_text(config, "de", "greeting") == "Hello from Test Co");  // default locale fallback
  CHECK(config_text(config, "fr", "opt.alpha") == "Alpha");
  CHECK(config_text(config, "en", "no.such.key") == "no.such.key");
  CHECK(config_text(config, "en", "restart.title", "alpha") == "Restart Alpha Tool");
  CHECK(config_text(config, "en", "restart.title") == "Restart {product.name}");
  CHECK(expand_config_placeholders(config, "{escalation.subject_prefix} / {unknown} / {") == "ATTN: Pat Doe / {unknown} / {");
}
