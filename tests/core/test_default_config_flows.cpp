// The shipped default configuration: each of its five categories can be walked to its form,
// and "fixed it" ends every checklist as resolved.
#include <doctest/doctest.h>

#include "config/config_parser.h"
#include "run/flow_run.h"
#include "run/form_submission.h"
#include "test_files.h"

using namespace support;
using namespace support::test_files;

namespace {

// Answers in order; every answer must be accepted.
void walk(FlowRun& run, const std::vector<std::string>& answers) {
  for (const std::string& answer : answers) {
    INFO("at step " << run.current_step().id << " answering " << answer);
    REQUIRE(run.answer(answer));
  }
}

}  // namespace

TEST_CASE("default config: plugin problem walks every troubleshooting step to the form") {
  Config config = load_config(default_config_path());
  FlowRun run = *FlowRun::for_category(config, "plugin_issue", FlowContext{});
  walk(run, {"form_builder", "didnt_help", "not_answered", "didnt_help", "didnt_help", "continue", "didnt_help",
             "continue"});
  CHECK(run.reached_form());
  CHECK(run.current_step().asks_login_details);
  nlohmann::json log = run.log();
  std::vector<std::string> steps;
  for (const auto& entry : log) steps.push_back(entry["step"]);
  CHECK(steps == std::vector<std::string>{"pick_plugin", "watch_tutorial", "kb_plugin", "deactivate_plugins",
                                          "switch_theme", "host_settings", "clear_cache", "before_ticket",
                                          "plugin_form"});
  REQUIRE(log.size() >= 2);
  CHECK(log[1]["title"] == "Watch the Northwind Form Builder tutorial");
  CHECK(run.text("plugin_issue.watch_tutorial.item1").find("https://northwind-plugins.test/") != std::string::npos);

  FormValues values{{"name", "Sam"},
                    {"email", "sam@example.test"},
                    {"site_url", "https://sam.example.test"},
                    {"subject", "Form does not send"},
                    {"description", std::string(79, 'x')}};
  FieldErrors errors = validate_form_values(config, run, values);
  REQUIRE(errors.size() == 1);
  CHECK(errors[0].code == "too_short");  // plugin problems need 80 characters
  values["description"] = std::string(80, 'x');
  CHECK(validate_form_values(config, run, values).empty());
  CHECK(ticket_draft_from_form(config, run, values).extra["site_url"] == "https://sam.example.test");
}

TEST_CASE("default config: Speed Cache customers get the extra rebuild step") {
  Config config = load_config(default_config_path());
  FlowRun run = *FlowRun::for_category(config, "plugin_issue", FlowContext{});
  walk(run, {"speed_cache", "cant_do", "not_answered", "cant_do", "cant_do", "continue", "didnt_help"});
  CHECK(run.current_step().id == "speed_cache_rebuild");
  walk(run, {"didnt_help", "continue"});
  CHECK(run.reached_form());
}

TEST_CASE("default config: a conflict with another developer's plugin can end the flow") {
  Config config = load_config(default_config_path());
  FlowRun run = *FlowRun::for_category(config, "plugin_issue", FlowContext{});
  walk(run, {"seo_pro", "didnt_help", "not_answered", "found_conflict", "will_contact_developer"});
  CHECK(run.is_resolved());
}

TEST_CASE("default config: how-to goes through tutorials and the KB to a question form") {
  Config config = load_config(default_config_path());
  FlowRun run = *FlowRun::for_category(config, "how_to", FlowContext{});
  walk(run, {"backup_vault", "didnt_help", "not_answered"});
  CHECK(run.reached_form());
  FlowRun general = *FlowRun::for_category(config, "how_to", FlowContext{});
  walk(general, {"general", "not_answered"});
  CHECK(general.reached_form());
}

TEST_CASE("default config: a sales question goes straight to a short form without logins") {
  Config config = load_config(default_config_path());
  FlowRun run = *FlowRun::for_category(config, "sales_question", FlowContext{});
  CHECK(run.reached_form());
  CHECK_FALSE(run.current_step().asks_login_details);
  CHECK_FALSE(config.find_category("sales_question")->requires_login_details);
  CHECK(run.log().size() == 1);
}

TEST_CASE("default config: email problems get whitelisting and spam-folder advice first") {
  Config config = load_config(default_config_path());
  FlowRun replies = *FlowRun::for_category(config, "email_access", FlowContext{});
  walk(replies, {"no_replies", "continue"});
  REQUIRE_FALSE(replies.current_step().item_keys.empty());
  CHECK(replies.text(replies.current_step().item_keys[0]).find("Promotions") != std::string::npos);
  walk(replies, {"didnt_help"});
  CHECK(replies.reached_form());

  FlowRun password = *FlowRun::for_category(config, "email_access", FlowContext{});
  walk(password, {"no_password", "continue", "didnt_help"});
  CHECK(password.current_step().id == "password_info");
  walk(password, {"didnt_help"});
  CHECK(password.reached_form());
}

TEST_CASE("default config: escalation asks for the ticket number and agent, prefixed for the manager") {
  Config config = load_config(default_config_path());
  FlowRun run = *FlowRun::for_category(config, "ticket_attention", FlowContext{});
  CHECK(run.text(run.current_step().text_key).find("oldest") != std::string::npos);
  walk(run, {"continue", "didnt_help", "continue"});
  REQUIRE(run.reached_form());
  CHECK(run.subject_prefix() == "ATTN: Morgan Reyes");
  std::vector<std::string> required;
  for (const FormField& field : run.current_step().fields)
    if (field.required) required.push_back(field.id);
  CHECK(required == std::vector<std::string>{"name", "email", "earlier_ticket_number", "agent_name", "description"});
  FormValues values{{"name", "Kim"}, {"email", "kim@example.test"}, {"earlier_ticket_number", "4711"},
                    {"agent_name", "Alex"}, {"description", "My ticket has waited a week without any answer, thanks."}};
  CHECK(validate_form_values(config, run, values).empty());
  TicketDraft draft = ticket_draft_from_form(config, run, values);
  CHECK(draft.subject == "ATTN: Morgan Reyes");
  CHECK(draft.extra["earlier_ticket_number"] == "4711");
  CHECK(draft.extra["agent_name"] == "Alex");
}

TEST_CASE("default config: fixed-it resolves at every checklist step") {
  Config config = load_config(default_config_path());
  int checklists = 0;
  for (const auto& entry : config.flows) {
    const std::string& flow_id = entry.first;
    for (const FlowStep& step : entry.second.steps) {
      if (step.type != StepType::checklist) continue;
      const StepAnswer* fixed = step.find_answer("fixed");
      REQUIRE_MESSAGE(fixed, flow_id << "." << step.id << " has no \"fixed\" outcome");
      CHECK(fixed->resolves);
      CHECK(fixed->next.empty());
      ++checklists;
    }
  }
  CHECK(checklists >= 8);
  FlowRun run = *FlowRun::for_category(config, "plugin_issue", FlowContext{});
  walk(run, {"seo_pro", "didnt_help", "not_answered", "didnt_help", "fixed"});
  CHECK(run.is_resolved());
}
