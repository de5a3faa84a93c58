// The shipped assets/config/default.json (the demo company's configuration): it parses and lints
// clean, and every flow can be walked: every answer the UI would offer is accepted, every route
// ends at a form or an end, every step is on some route and the preview can jump to it. Only these tests and
// test_default_config_flows.cpp read the default configuration; the engine tests use fixtures of
// their own (tests/data/configs/), so editing the demo's texts cannot break them.
#include <doctest/doctest.h>

#include "config/config_lint.h"
#include "config/config_parser.h"
#include "run/flow_jump.h"
#include "run/flow_run.h"
#include "test_files.h"

#include <set>
#include <string>

using namespace support;
using namespace support::test_files;

namespace {

// Tries every answer the UI would offer at every step, along every route from `run` (the flows
// are small: a few hundred routes). Fails the test at an answer the run refuses or at a step with
// nothing to answer that is not a form or an end. Collects the ids of the steps it saw.
void walk_every_route(const FlowRun& run, std::set<std::string>& seen, std::size_t& routes) {
  seen.insert(run.current_step().id);
  if (run.is_finished() || run.is_resolved()) {
    ++routes;
    return;
  }
  REQUIRE_MESSAGE(routes < 100000, "more routes than a support flow should have: a loop?");
  const auto answers = run.available_answers();
  INFO("flow " << run.flow().id << ", step " << run.current_step().id);
  REQUIRE_MESSAGE(!answers.empty(), "a step with nothing to answer that is neither a form nor an end");
  for (const StepAnswer* answer : answers) {
    FlowRun next = run;
    INFO("answer " << answer->id);
    REQUIRE(next.answer(answer->id));
    walk_every_route(next, seen, routes);
  }
}

}  // namespace

TEST_CASE("default config: parses without problems") {
  ConfigParseResult result = parse_config(read_file(default_config_path()));
  INFO(problem_lines(result.problems));
  CHECK(result.ok());
  const Config& config = result.config;
  CHECK(config.brand.company_name == "Northwind Plugins");
  CHECK(config.email.support_domain == "northwind-plugins.test");
  CHECK(config.categories.size() == 5);
  CHECK(config.flows.size() == 5);
  CHECK(config.kb.articles.size() >= 20);
  CHECK(config.escalation.expanded_subject_prefix() == "ATTN: Morgan Reyes");
  CHECK(config.min_description_length("plugin_issue") == 80);
  CHECK(config.min_description_length("sales_question") == 10);
  CHECK(config.min_description_length("no_such_category") == config.policy.default_min_description_length);
}

TEST_CASE("default config: lints clean, with the Spanish and German texts read from their own files") {
  const Config config = load_config(default_config_path());
  CHECK(config.texts.files.at("es") == "default.es.json");
  CHECK(config.texts.files.at("de") == "default.de.json");
  CHECK(config.texts.texts.count("de") == 1);
  const auto problems = lint_config_text(read_file(default_config_path()), texts_beside(default_config_path()));
  INFO(problem_lines(problems));
  CHECK(problems.empty());
}

TEST_CASE("default config: every flow is walkable from its categories") {
  const Config config = load_config(default_config_path());
  std::set<std::string> walked_flows;
  std::size_t steps_seen = 0, routes = 0;
  for (const auto& category : config.categories) {
    CAPTURE(category.id);
    const std::optional<FlowRun> run = FlowRun::for_category(config, category.id, FlowContext{});
    REQUIRE(run);
    std::set<std::string> seen;
    walk_every_route(*run, seen, routes);
    if (!walked_flows.insert(run->flow().id).second) continue;
    for (const std::string& id : seen) steps_seen += run->flow().find_step(id) ? 1 : 0;  // not the built-in ends
  }
  CHECK(walked_flows.size() == config.flows.size());  // no flow that no category starts
  std::size_t steps = 0;
  for (const auto& entry : config.flows) steps += entry.second.steps.size();
  MESSAGE("default config: " << routes << " routes walked to their end, " << steps_seen << " of " << steps << " steps seen");
  CHECK(steps_seen == steps);  // the default configuration has no step behind a customer-context condition

  for (const auto& entry : config.flows) {
    const Flow& flow = entry.second;
    for (const auto& step : flow.steps) {
      CAPTURE(entry.first);
      CAPTURE(step.id);
      const std::optional<FlowRun> jumped = run_to_step(config, flow, step.id, FlowContext{});
      REQUIRE(jumped);
      CHECK(jumped->current_step().id == step.id);
    }
  }
}
