// FlowRun on the minimal fixture: branching, conditions, Back/Forward, the log, the form.
#include <doctest/doctest.h>

#include "config/config_parser.h"
#include "run/flow_run.h"
#include "run/form_submission.h"
#include "test_files.h"

using namespace support;
using namespace support::test_files;

namespace {

std::vector<std::string> answer_ids(const FlowRun& run) {
  std::vector<std::string> ids;
  for (const StepAnswer* answer : run.available_answers()) ids.push_back(answer->id);
  return ids;
}

// The "broken" category walked to its form: product alpha, article did not help, cannot do the tip.
FlowRun broken_run_at_form(const Config& config) {
  FlowRun run = *FlowRun::for_category(config, "broken", FlowContext{});
  run.answer("alpha");
  run.answer("not_answered");
  run.answer("cant_do");
  REQUIRE(run.reached_form());
  return run;
}

}  // namespace

TEST_CASE("flow run: starts a category's flow with the category in the context") {
  Config config = load_config(minimal_config_path());
  auto run = FlowRun::for_category(config, "broken", FlowContext{});
  REQUIRE(run);
  CHECK(run->flow().id == "fix");
  CHECK(run->current_step().id == "pick");
  CHECK(run->context().value_or("category") == "broken");
  CHECK_FALSE(run->can_go_back());
  CHECK_FALSE(run->can_go_forward());
  CHECK_FALSE(FlowRun::for_category(config, "nope", FlowContext{}));
  auto sales = FlowRun::for_category(config, "sales", FlowContext{});
  REQUIRE(sales);
  CHECK(sales->reached_form());  // a form-only flow starts at its form
}

TEST_CASE("flow run: choices set context and conditions pick the branch") {
  Config config = load_config(minimal_config_path());
  SUBCASE("answer condition: beta gets the beta tip") {
    FlowRun run = *FlowRun::for_category(config, "broken", FlowContext{});
    CHECK(run.answer("beta"));
    CHECK(run.context().value_or("product") == "beta");
    CHECK(run.answer("not_answered"));
    CHECK(run.answer("didnt_help"));
    CHECK(run.current_step().id == "beta_tip");
  }
  SUBCASE("context condition: a logged-in alpha customer gets the member tip") {
    FlowContext context;
    context.set_logged_in(true);
    FlowRun run = *FlowRun::for_category(config, "broken", context);
    CHECK(run.answer("alpha"));
    CHECK(run.answer("not_answered"));
    CHECK(run.answer("didnt_help"));
    CHECK(run.current_step().id == "member_tip");
  }
  SUBCASE("no condition holds: the fallback branch") {
    FlowRun run = *FlowRun::for_category(config, "broken", FlowContext{});
    CHECK(run.answer("alpha"));
    CHECK(run.answer("not_answered"));
    CHECK(run.answer("didnt_help"));
    CHECK(run.reached_form());
    CHECK(run.is_finished());
    CHECK_FALSE(run.is_resolved());
    CHECK(run.available_answers().empty());
    CHECK_FALSE(run.answer("continue"));  // nothing to answer at a form
  }
}

TEST_CASE("flow run: unknown answers are refused and change nothing") {
  Config config = load_config(minimal_config_path());
  FlowRun run = *FlowRun::for_category(config, "broken", FlowContext{});
  CHECK_FALSE(run.answer("gamma"));
  CHECK(run.current_step().id == "pick");
  CHECK(answer_ids(run) == std::vector<std::string>{"alpha", "beta"});
}

TEST_CASE("flow run: fixed-it and this-answered-it resolve the flow") {
  Config config = load_config(minimal_config_path());
  FlowRun run = *FlowRun::for_category(config, "broken", FlowContext{});
  run.answer("alpha");
  SUBCASE("kb answered") {
    CHECK(run.answer("answered"));
  }
  SUBCASE("checklist fixed") {
    run.answer("not_answered");
    CHECK(run.answer("fixed"));
  }
  CHECK(run.is_resolved());
  CHECK(run.is_finished());
  CHECK_FALSE(run.reached_form());
  CHECK(run.current_step().id == FlowRun::kResolvedStepId);
  CHECK(run.current_step().title_key == "flow.resolved.title");
  nlohmann::json log = run.log();
  REQUIRE_FALSE(log.empty());
  CHECK(log.back()["resolved"] == true);
  // Back from the resolution returns to the step where it was resolved.
  CHECK(run.back());
  CHECK_FALSE(run.is_resolved());
}

TEST_CASE("flow run: back and forward keep the answers") {
  Config config = load_config(minimal_config_path());
  FlowRun run = *FlowRun::for_category(config, "broken", FlowContext{});
  run.answer("beta");
  run.answer("not_answered");
  run.answer("didnt_help");
  REQUIRE(run.current_step().id == "beta_tip");
  CHECK(run.back());
  CHECK(run.back());
  CHECK(run.current_step().id == "kb_first");
  REQUIRE(run.previous_answer());
  CHECK(*run.previous_answer() == "not_answered");
  CHECK(run.forward());
  CHECK(run.forward());
  CHECK(run.current_step().id == "beta_tip");
  CHECK_FALSE(run.can_go_forward());

  SUBCASE("giving the same answer again keeps the later steps") {
    run.back();
    run.back();
    CHECK(run.answer("not_answered"));
    CHECK(run.current_step().id == "restart");
    CHECK(run.can_go_forward());
    CHECK(run.forward());
    CHECK(run.current_step().id == "beta_tip");
  }
  SUBCASE("changing an answer whose next step is unchanged re-checks later branches") {
    run.back();
    run.back();
    run.back();  // at pick
    CHECK(run.answer("alpha"));  // still leads to kb_first, but the beta branch no longer applies
    CHECK(run.current_step().id == "kb_first");
    CHECK(run.forward());
    CHECK(run.current_step().id == "restart");
    CHECK(*run.previous_answer() == "didnt_help");  // kept
    CHECK(run.forward());
    CHECK(run.current_step().id == "form");  // re-routed: alpha skips the beta tip
    CHECK(run.path().size() == 4);
  }
  SUBCASE("changing an answer that changes the route drops the old continuation") {
    run.back();  // at restart
    CHECK(run.answer("cant_do"));
    CHECK(run.reached_form());
    CHECK_FALSE(run.can_go_forward());
    CHECK(run.path().size() == 4);
    CHECK(run.back());
    CHECK(*run.previous_answer() == "cant_do");
  }
}

TEST_CASE("flow run: the log names steps and answers in words") {
  Config config = load_config(minimal_config_path());
  FlowRun run = broken_run_at_form(config);
  nlohmann::json log = run.log();
  REQUIRE(log.size() == 4);
  CHECK(log[0]["step"] == "pick");
  CHECK(log[0]["type"] == "choice");
  CHECK(log[0]["title"] == "Which product?");
  CHECK(log[0]["answer"] == "alpha");
  CHECK(log[0]["label"] == "Alpha");
  CHECK(log[0]["set"]["product"] == "alpha");
  CHECK(log[1]["label"] == "Not answered");
  CHECK(log[2]["title"] == "Restart Alpha Tool");
  CHECK(log[2]["label"] == "Can't do that");
  CHECK(log[3]["type"] == "form");
  CHECK_FALSE(log[3].contains("answer"));
  // After Back the log shows the route up to where the customer stands.
  run.back();
  CHECK(run.log().size() == 2);

  FlowRun german(config, *config.find_flow("fix"), FlowContext{}, "de");
  german.answer("beta");
  const nlohmann::json german_log = german.log();
  REQUIRE_FALSE(german_log.empty());
  CHECK(german_log[0]["label"] == "DE Beta");
  CHECK(german.text("restart.title") == "DE Restart Beta Tool");
}

TEST_CASE("flow run: a broken start or reference shows the built-in broken step") {
  Config config = load_config(minimal_config_path());
  Flow flow = *config.find_flow("fix");
  flow.start = "missing";
  FlowRun run(config, flow, FlowContext{});
  CHECK(run.current_step().id == FlowRun::kBrokenStepId);
  CHECK(run.is_finished());
  CHECK_FALSE(run.is_resolved());

  Flow dangling = *config.find_flow("fix");
  REQUIRE_FALSE(dangling.steps.empty());
  REQUIRE_FALSE(dangling.steps[0].answers.empty());
  REQUIRE_FALSE(dangling.steps[0].answers[0].next.branches.empty());
  dangling.steps[0].answers[0].next.branches[0].to = "nowhere";
  FlowRun run2(config, dangling, FlowContext{});
  CHECK(answer_ids(run2) == std::vector<std::string>{"beta"});
  CHECK_FALSE(run2.answer("alpha"));
}

TEST_CASE("flow run: a looping flow cannot grow without bound") {
  Config config = load_config(minimal_config_path());
  Flow loop = *config.find_flow("fix");
  REQUIRE(loop.steps.size() >= 3);
  REQUIRE(loop.steps[2].answers.size() >= 3);
  REQUIRE_FALSE(loop.steps[2].answers[2].next.branches.empty());
  loop.steps[2].answers[2].next.branches[0].to = "restart";  // cant_do -> restart again
  FlowRun run(config, loop, FlowContext{});
  run.answer("alpha");
  run.answer("not_answered");
  std::size_t accepted = 0;
  while (run.answer("cant_do") && accepted < 10000) ++accepted;
  CHECK(run.path().size() == FlowRun::kMaxPathLength);
  CHECK(run.answer("fixed"));  // the way out is never blocked by the limit
  CHECK(run.is_resolved());
}

TEST_CASE("form submission: validation and the ticket draft") {
  Config config = load_config(minimal_config_path());
  FlowRun run = broken_run_at_form(config);
  CHECK(run.subject_prefix() == "ATTN: Pat Doe");

  FormValues values{{"name", "Ada"}, {"email", "not-an-email"}, {"subject", ""}, {"description", "too short"}};
  FieldErrors errors = validate_form_values(config, run, values);
  REQUIRE(errors.size() == 3);
  CHECK(errors[0].field == "email");
  CHECK(errors[0].code == "invalid_email");
  CHECK(errors[1].field == "subject");
  CHECK(errors[1].code == "required");
  CHECK(errors[2].field == "description");
  CHECK(errors[2].code == "too_short");
  CHECK(errors[2].message == "At least 30 characters.");  // the category's minimum

  values = {{"name", "Ada"},
            {"email", "ada@example.test"},
            {"subject", "Alpha crashes"},
            {"description", "Alpha crashes every time I open the settings page."},
            {"ticket_ref", "#1234"}};
  CHECK(validate_form_values(config, run, values).empty());
  TicketDraft draft = ticket_draft_from_form(config, run, values);
  CHECK(draft.subject == "ATTN: Pat Doe Alpha crashes");
  CHECK(draft.category == "broken");
  CHECK(draft.product == "alpha");
  CHECK(draft.locale == "en");
  CHECK(draft.extra["ticket_ref"] == "#1234");
  CHECK(draft.troubleshooting.size() == 4);
  // The prefix is not doubled if the customer typed it.
  values["subject"] = "ATTN: Pat Doe Alpha crashes";
  CHECK(ticket_draft_from_form(config, run, values).subject == "ATTN: Pat Doe Alpha crashes");
}

TEST_CASE("form submission: lengths are counted in characters, not bytes") {
  Config config = load_config(minimal_config_path());
  FlowRun run = broken_run_at_form(config);
  auto description_errors = [&](const std::string& description) {
    FormValues values{{"name", "Ada"}, {"email", "ada@example.test"}, {"subject", "Alpha"}, {"description", description}};
    return validate_form_values(config, run, values);
  };
  std::string accents;  // 29 x "é": 58 bytes, one character short of the category's 30
  for (int i = 0; i < 29; ++i) accents += "\xC3\xA9";
  const FieldErrors short_errors = description_errors(accents);
  REQUIRE(short_errors.size() == 1);
  CHECK(short_errors[0].code == "too_short");
  CHECK(description_errors(accents + "\xF0\x9F\x98\x80").empty());  // + one 4-byte emoji = 30 characters
}

TEST_CASE("flow conditions: all, any, not, lists and unset context") {
  FlowCondition is_beta{FlowCondition::Kind::answer, "pick", {"beta"}, {}};
  FlowCondition guest{FlowCondition::Kind::context, "logged_in", {"false"}, {}};
  std::string beta = "beta";
  ConditionInputs inputs;
  inputs.answer_of = [&](const std::string& step) -> const std::string* { return step == "pick" ? &beta : nullptr; };
  inputs.context_value = [](const std::string&) -> const std::string* { return nullptr; };
  CHECK(evaluate_condition(is_beta, inputs));
  CHECK(evaluate_condition(guest, inputs));  // unset logged_in counts as false
  FlowCondition both{FlowCondition::Kind::all, "", {}, {is_beta, guest}};
  CHECK(evaluate_condition(both, inputs));
  FlowCondition not_beta{FlowCondition::Kind::negate, "", {}, {is_beta}};
  CHECK_FALSE(evaluate_condition(not_beta, inputs));
  FlowCondition either{FlowCondition::Kind::any, "", {}, {not_beta, guest}};
  CHECK(evaluate_condition(either, inputs));
  FlowCondition other_step{FlowCondition::Kind::answer, "other", {"beta"}, {}};
  CHECK_FALSE(evaluate_condition(other_step, inputs));
}
