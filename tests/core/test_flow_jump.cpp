// Staff preview support: jumping to any step by a real route, the step catalog, the snapshot.
#include "config/config_parser.h"
#include "run/flow_catalog.h"
#include "run/flow_jump.h"
#include "session/session_snapshot.h"
#include "session/support_session.h"
#include "test_files.h"

#include <doctest/doctest.h>


using namespace support;

namespace {

Config default_config_for_jump() { return test_files::load_config(test_files::default_config_path()); }

}  // namespace

TEST_CASE("jump: a step deep in the plugin flow is reached by its shortest real route") {
  Config config = default_config_for_jump();
  const Flow* flow = config.find_flow("plugin_issue");
  REQUIRE(flow);
  FlowContext context;
  auto run = run_to_step(config, *flow, "switch_theme", context, "en");
  REQUIRE(run);
  CHECK(run->current_step().id == "switch_theme");
  // The route starts at the start step and every step on it was answered.
  REQUIRE(run->path().size() >= 3);
  CHECK(run->path().front().step_id == "pick_plugin");
  for (std::size_t i = 0; i < run->position(); ++i) CHECK(run->path()[i].answer.has_value());
  // The first plugin was picked on the way, so product texts are filled in.
  CHECK_FALSE(run->context().value_or("product").empty());
  // Back works from a jumped step like from a walked one.
  CHECK(run->back());
  CHECK(run->current_step().id != "switch_theme");
}

TEST_CASE("jump: conditions are honoured; an unreachable step is shown on its own") {
  // minimal.json: "beta_tip" is reached only when "pick" was answered "beta" (a condition on an
  // earlier answer); "member_tip" only for logged-in customers (a context condition).
  Config config = test_files::load_config(test_files::minimal_config_path());
  const Flow* flow = config.find_flow("fix");
  REQUIRE(flow);
  auto beta = run_to_step(config, *flow, "beta_tip", {}, "en");
  REQUIRE(beta);
  CHECK(beta->current_step().id == "beta_tip");
  CHECK(beta->context().value_or("product") == "beta");
  CHECK(*beta->path().front().answer == "beta");

  FlowContext member;
  member.set_logged_in(true);
  auto tip = run_to_step(config, *flow, "member_tip", member, "en");
  REQUIRE(tip);
  CHECK(tip->path().size() > 1);   // walked there

  auto alone = run_to_step(config, *flow, "member_tip", {}, "en");
  REQUIRE(alone);   // no route for a guest: shown on its own
  CHECK(alone->current_step().id == "member_tip");
  CHECK(alone->path().size() == 1);

  CHECK_FALSE(run_to_step(config, *flow, "no_such_step", {}, "en"));
}

TEST_CASE("session: jump_to puts the customer on the step, with the category of its flow") {
  SupportSession s(default_config_for_jump(), "en", "seed");
  CHECK_FALSE(s.jump_to("plugin_issue", "chek_cache"));
  CHECK_FALSE(s.jump_to("no_flow", "pick_plugin"));
  CHECK(s.screen() == Screen::Home);

  REQUIRE(s.jump_to("plugin_issue", "plugin_form"));
  CHECK(s.screen() == Screen::Flow);
  REQUIRE(s.flow());
  CHECK(s.flow()->reached_form());
  CHECK(s.flow()->context().value_or("category") == "plugin_issue");

  nlohmann::json snap = session_snapshot(s);
  CHECK(snap["screen"] == "flow");
  CHECK(snap["flow"] == "plugin_issue");
  CHECK(snap["step"] == "plugin_form");
  CHECK(snap["step_type"] == "form");
  CHECK(snap["path"].front()["step"] == "pick_plugin");
  CHECK(snap["path"].back()["step"] == "plugin_form");
  CHECK(snap["position"] == snap["path"].size() - 1);
  // The log that would go into the ticket lists the route the jump took.
  CHECK(s.flow()->log().size() == snap["path"].size());
}

TEST_CASE("catalog: every step of every flow, with type, title and categories") {
  Config config = default_config_for_jump();
  nlohmann::json catalog = flow_catalog_json(config, "en");
  std::size_t steps = 0;
  for (const auto& [id, flow] : config.flows) steps += flow.steps.size();
  CHECK(catalog.size() == steps);
  bool found = false;
  for (const auto& entry : catalog) {
    CHECK_FALSE(entry["title"].get<std::string>().empty());
    if (entry["flow"] == "plugin_issue" && entry["step"] == "pick_plugin") {
      found = true;
      CHECK(entry["type"] == "choice");
      CHECK(entry["title"] == "Which plugin is it?");
      CHECK(entry["categories"] == nlohmann::json::array({"plugin_issue"}));
    }
  }
  CHECK(found);
}

TEST_CASE("snapshot: home screen has no flow fields") {
  SupportSession s(default_config_for_jump(), "en", "seed");
  nlohmann::json snap = session_snapshot(s);
  CHECK(snap["screen"] == "home");
  CHECK_FALSE(snap.contains("step"));
  CHECK(snap["resolved"] == false);
}
