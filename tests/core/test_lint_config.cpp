// Lint: one broken configuration per kind of problem, each reported at its path.
#include <doctest/doctest.h>

#include "config/config_lint.h"
#include "config/config_parser.h"
#include "test_files.h"

#include <algorithm>

using namespace support;
using namespace support::test_files;

namespace {

std::vector<std::string> lint_lines(const nlohmann::json& doc) { return format_problems(lint_config_text(doc.dump())); }

bool has_line(const std::vector<std::string>& lines, const std::string& line) {
  return std::find(lines.begin(), lines.end(), line) != lines.end();
}

std::string joined(const std::vector<std::string>& lines) {
  std::string out;
  for (const auto& line : lines) out += line + "\n";
  return out;
}

nlohmann::json& step(nlohmann::json& doc, const char* flow, int index) { return doc["flows"][flow]["steps"][index]; }

}  // namespace

TEST_CASE("lint: the minimal fixture is clean") {
  const std::vector<std::string> lines = lint_lines(read_json(minimal_config_path()));
  INFO(joined(lines));
  CHECK(lines.empty());
}

TEST_CASE("lint: unknown step references") {
  nlohmann::json doc = read_json(minimal_config_path());
  step(doc, "fix", 2)["outcomes"][2]["next"] = "chek_cache";
  step(doc, "fix", 2)["outcomes"][1]["next"][1]["to"] = "nowhere";
  doc["flows"]["sales"]["start"] = "missing";
  auto lines = lint_lines(doc);
  INFO(joined(lines));
  CHECK(has_line(lines, "flows.fix.steps[2].outcomes[2].next: unknown step \"chek_cache\""));
  CHECK(has_line(lines, "flows.fix.steps[2].outcomes[1].next[1].to: unknown step \"nowhere\""));
  CHECK(has_line(lines, "flows.sales.start: unknown step \"missing\""));
}

TEST_CASE("lint: unreachable steps") {
  nlohmann::json doc = read_json(minimal_config_path());
  doc["flows"]["fix"]["steps"].push_back({{"id", "orphan"}, {"type", "info"}, {"next", "form"}});
  auto lines = lint_lines(doc);
  INFO(joined(lines));
  CHECK(has_line(lines, "flows.fix.steps[6]: step \"orphan\" is unreachable from the start step \"pick\""));
  CHECK(lines.size() == 1);
}

TEST_CASE("lint: dead ends and answers that lead nowhere") {
  nlohmann::json doc = read_json(minimal_config_path());
  step(doc, "fix", 2)["outcomes"][2].erase("next");
  step(doc, "fix", 3)["type"] = "choice";
  step(doc, "fix", 3).erase("items");
  step(doc, "fix", 3).erase("next");
  step(doc, "fix", 3)["options"] = nlohmann::json::array();
  auto lines = lint_lines(doc);
  INFO(joined(lines));
  CHECK(has_line(lines, "flows.fix.steps[2].outcomes[2]: answer \"cant_do\" has no next step and does not resolve the flow"));
  CHECK(has_line(lines, "flows.fix.steps[3]: dead end: step \"beta_tip\" has no way forward and is not an end or form"));
}

TEST_CASE("lint: conditional next without a fallback") {
  nlohmann::json doc = read_json(minimal_config_path());
  step(doc, "fix", 2)["outcomes"][1]["next"].erase(2);
  auto lines = lint_lines(doc);
  INFO(joined(lines));
  CHECK(has_line(lines, "flows.fix.steps[2].outcomes[1].next: no branch applies when none of the conditions hold: "
                        "add a last branch without \"if\""));
}

TEST_CASE("lint: cycles without an exit") {
  nlohmann::json doc = read_json(minimal_config_path());
  step(doc, "fix", 2)["outcomes"][2]["next"] = "beta_tip";  // cant_do -> beta_tip
  step(doc, "fix", 3)["next"] = "member_tip";               // beta_tip <-> member_tip, never out
  step(doc, "fix", 4)["next"] = "beta_tip";
  auto lines = lint_lines(doc);
  INFO(joined(lines));
  CHECK(has_line(lines, "flows.fix.steps[3]: step \"beta_tip\" loops without an exit: it never reaches a form or an end"));
  CHECK(has_line(lines, "flows.fix.steps[4]: step \"member_tip\" loops without an exit: it never reaches a form or an end"));
}

TEST_CASE("lint: a cycle with a way out is fine") {
  nlohmann::json doc = read_json(minimal_config_path());
  step(doc, "fix", 2)["outcomes"][2]["next"] = "kb_first";  // "try again" loop; "fixed" still exits
  CHECK(lint_lines(doc).empty());
}

TEST_CASE("lint: categories pointing to unknown flows, overrides for unknown categories") {
  nlohmann::json doc = read_json(minimal_config_path());
  doc["categories"][1]["flow"] = "sale";
  doc["policy"]["category_overrides"]["ghost"] = {{"min_description_length", 3}};
  auto lines = lint_lines(doc);
  INFO(joined(lines));
  CHECK(has_line(lines, "categories[1].flow: unknown flow \"sale\""));
  CHECK(has_line(lines, "policy.category_overrides.ghost: unknown category \"ghost\""));
  CHECK(has_line(lines, "flows.sales: flow \"sales\" is not used by any category") == false);
}

TEST_CASE("lint: missing texts") {
  nlohmann::json doc = read_json(minimal_config_path());
  doc["texts"]["de"].erase("opt.beta");
  doc["texts"]["en"].erase("restart.text");
  doc["texts"]["de"].erase("restart.text");
  doc["locales"]["available"].push_back("fr");
  auto lines = lint_lines(doc);
  INFO(joined(lines));
  CHECK(has_line(lines, "texts.de.opt.beta: missing (present in the default locale \"en\")"));
  CHECK(has_line(lines, "texts.fr: missing: locale \"fr\" is listed in locales.available"));
  CHECK(has_line(lines, "flows.fix.steps[2].text_key: text \"restart.text\" is missing in the default locale \"en\""));
}

TEST_CASE("lint: duplicate ids") {
  nlohmann::json doc = read_json(minimal_config_path());
  doc["categories"].push_back(doc["categories"][0]);
  doc["products"].push_back(doc["products"][1]);
  step(doc, "fix", 4)["id"] = "beta_tip";
  step(doc, "fix", 0)["options"].push_back(step(doc, "fix", 0)["options"][0]);
  step(doc, "fix", 5)["fields"].push_back(step(doc, "fix", 5)["fields"][0]);
  doc["kb"]["articles"].push_back(doc["kb"]["articles"][0]);
  auto lines = lint_lines(doc);
  INFO(joined(lines));
  CHECK(has_line(lines, "categories[2].id: duplicate category id \"broken\" (also at categories[0])"));
  CHECK(has_line(lines, "products[2].id: duplicate product id \"beta\""));
  CHECK(has_line(lines, "flows.fix.steps[4].id: duplicate step id \"beta_tip\" (also at flows.fix.steps[3])"));
  CHECK(has_line(lines, "flows.fix.steps[0].options[2].id: duplicate answer id \"alpha\""));
  CHECK(has_line(lines, "flows.fix.steps[5].fields[5].id: duplicate field id \"name\""));
  CHECK(std::any_of(lines.begin(), lines.end(), [](const std::string& line) {
    return line.rfind("kb.articles[1].id: duplicate id \"a1\"", 0) == 0;
  }));
}

TEST_CASE("lint: references inside conditions, options and kb checks") {
  nlohmann::json doc = read_json(minimal_config_path());
  auto& branches = step(doc, "fix", 2)["outcomes"][1]["next"];
  branches[0]["if"] = {{"answer", {{"step", "pick"}, {"is", "gamma"}}}};
  branches[1]["if"] = {{"all", {{{"context", {{"product", "delta"}}}}, {{"answer", {{"step", "ghost"}, {"is", "x"}}}}}}};
  step(doc, "fix", 0)["options"][0]["set"]["product"] = "omega";
  step(doc, "fix", 1)["article_ids"] = {"a1", "a2"};
  auto lines = lint_lines(doc);
  INFO(joined(lines));
  CHECK(has_line(lines, "flows.fix.steps[2].outcomes[1].next[0].if: step \"pick\" has no answer \"gamma\""));
  CHECK(has_line(lines, "flows.fix.steps[2].outcomes[1].next[1].if: unknown product \"delta\""));
  CHECK(has_line(lines, "flows.fix.steps[2].outcomes[1].next[1].if: condition refers to unknown step \"ghost\""));
  CHECK(has_line(lines, "flows.fix.steps[0].options[0].set.product: unknown product \"omega\""));
  CHECK(has_line(lines, "flows.fix.steps[1].article_ids[1]: unknown article \"a2\""));
}

TEST_CASE("lint: forms need an email field; parser problems come first") {
  nlohmann::json doc = read_json(minimal_config_path());
  doc["flows"]["sales"]["steps"][0]["fields"].erase(1);
  doc["brand"]["colors"]["primary"] = "#12345";
  auto lines = lint_lines(doc);
  INFO(joined(lines));
  REQUIRE(lines.size() == 2);
  CHECK(lines[0] == "brand.colors.primary: expected a color as \"#rrggbb\"");
  CHECK(lines[1] == "flows.sales.steps[0].fields: a form needs a required \"email\" field to reply to");
}

TEST_CASE("lint: fixture files with known problems") {
  auto lines = format_problems(lint_config_text(read_file(test_data_path("configs/broken_references.json"))));
  INFO(joined(lines));
  CHECK(has_line(lines, "flows.plugin_issue.steps[3].next: unknown step \"chek_cache\""));
  CHECK(has_line(lines, "categories[0].flow: unknown flow \"plugin_isue\""));
  CHECK(has_line(lines, "texts.de.button.continue: missing (present in the default locale \"en\")"));
  CHECK(format_problems(lint_config_text(read_file(test_data_path("configs/not_json.json")))) ==
        std::vector<std::string>{"(root): not valid JSON (at byte 15)"});
}
