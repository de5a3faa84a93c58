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

// minimal.json's "fix" flow: pick (alpha, beta) -> kb_first -> restart -> beta_tip / member_tip -> form.
Config jump_config() { return test_files::load_config(test_files::minimal_config_path()); }

}  // namespace

TEST_CASE("jump: a step deep in a flow is reached by its shortest real route") {
  Config config = jump_config();
  const Flow* flow = config.find_flow("fix");
  REQUIRE(flow);
  FlowContext context;
  auto run = run_to_step(config, *flow, "restart", context, "en");
  REQUIRE(run);
  CHECK(run->current_step().id == "restart");
  // The route starts at the start step and every step on it was answered.
  REQUIRE(run->path().size() == 3);
  CHECK(run->path().front().step_id == "pick");
  for (std::size_t i = 0; i < run->position(); ++i) CHECK(run->path()[i].answer.has_value());
  // The first product was picked on the way, so product texts are filled in.
  CHECK(run->context().value_or("product") == "alpha");
  CHECK(run->text("restart.title") == "Restart Alpha Tool");
  // Back works from a jumped step like from a walked one.
  CHECK(run->back());
  CHECK(run->current_step().id == "kb_first");
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
  REQUIRE_FALSE(beta->path().empty());
  REQUIRE(beta->path().front().answer);
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
  SupportSession s(jump_config(), "en", "seed");
  CHECK_FALSE(s.jump_to("fix", "chek_cache"));
  CHECK_FALSE(s.jump_to("no_flow", "pick"));
  CHECK(s.screen() == Screen::Home);

  REQUIRE(s.jump_to("fix", "form"));
  CHECK(s.screen() == Screen::Flow);
  REQUIRE(s.flow());
  CHECK(s.flow()->reached_form());
  CHECK(s.flow()->context().value_or("category") == "broken");

  nlohmann::json snap = session_snapshot(s);
  CHECK(snap["screen"] == "flow");
  CHECK(snap["flow"] == "fix");
  CHECK(snap["step"] == "form");
  CHECK(snap["step_type"] == "form");
  REQUIRE(snap["path"].is_array());
  REQUIRE_FALSE(snap["path"].empty());
  CHECK(snap["path"].front()["step"] == "pick");
  CHECK(snap["path"].back()["step"] == "form");
  CHECK(snap["position"] == snap["path"].size() - 1);
  // The log that would go into the ticket lists the route the jump took.
  CHECK(s.flow()->log().size() == snap["path"].size());
}

TEST_CASE("catalog: every step of every flow, with type, title and categories") {
  Config config = jump_config();
  nlohmann::json catalog = flow_catalog_json(config, "en");
  std::size_t steps = 0;
  for (const auto& [id, flow] : config.flows) steps += flow.steps.size();
  CHECK(catalog.size() == steps);
  bool found = false;
  for (const auto& entry : catalog) {
    CHECK_FALSE(entry["title"].get<std::string>().empty());
    if (entry["flow"] == "fix" && entry["step"] == "pick") {
      found = true;
      CHECK(entry["type"] == "choice");
      CHECK(entry["title"] == "Which product?");
      CHECK(entry["categories"] == nlohmann::json::array({"broken"}));
    }
  }
  CHECK(found);
}

TEST_CASE("snapshot: home screen has no flow fields") {
  SupportSession s(jump_config(), "en", "seed");
  nlohmann::json snap = session_snapshot(s);
  CHECK(snap["screen"] == "home");
  CHECK_FALSE(snap.contains("step"));
  CHECK(snap["resolved"] == false);
}
