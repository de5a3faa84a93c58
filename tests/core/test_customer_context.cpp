// The customer context the page passes in (data-context): parsing, and flows branching on it.
#include "flow/flow_context_json.h"
#include "session/session_snapshot.h"
#include "session/support_session.h"
#include "test_files.h"

#include <doctest/doctest.h>

using namespace support;

TEST_CASE("customer context: strings, whole numbers and booleans; clear problems for the rest") {
  std::vector<std::string> problems;
  FlowContext context = flow_context_from_json(
      nlohmann::json::parse(R"({"logged_in": true, "plan": "pro", "seats": 3, "ratio": 0.5,
                                "tags": ["a"], "category": "sales"})"),
      problems);
  CHECK(context.value_or("logged_in") == "true");
  CHECK(context.value_or("plan") == "pro");
  CHECK(context.value_or("seats") == "3");
  CHECK_FALSE(context.get("ratio"));
  CHECK_FALSE(context.get("tags"));
  CHECK_FALSE(context.get("category"));   // the widget sets it from the customer's pick
  REQUIRE(problems.size() == 3);
  CHECK(problems[0] == "context.category: is set by the widget from the category the customer picks");
  CHECK(problems[1].rfind("context.ratio: ", 0) == 0);
  CHECK(problems[2].rfind("context.tags: ", 0) == 0);

  problems.clear();
  CHECK(flow_context_from_json(nlohmann::json::array({1}), problems).values.empty());
  CHECK(problems.size() == 1);
  problems.clear();
  CHECK(flow_context_from_json(nlohmann::json(), problems).values.empty());   // none given
  CHECK(problems.empty());
}

TEST_CASE("customer context: a logged-in customer is routed by the flow's context condition") {
  // minimal.json: after "didn't help" at "restart", logged-in customers get "member_tip".
  auto walk = [](bool logged_in) {
    SupportSession s(test_files::load_config(test_files::minimal_config_path()), "en", "seed");
    FlowContext context;
    context.set_logged_in(logged_in);
    s.set_customer_context(context);
    s.choose_category("broken");
    s.answer("alpha");
    s.answer("not_answered");
    s.answer("didnt_help");
    return s.flow()->current_step().id;
  };
  CHECK(walk(true) == "member_tip");
  CHECK(walk(false) == "form");
}

TEST_CASE("customer context: a change replays the flow in progress, keeping its answers") {
  SupportSession s(test_files::load_config(test_files::minimal_config_path()), "en", "seed");
  s.choose_category("broken");
  s.answer("alpha");
  s.answer("not_answered");
  s.answer("didnt_help");
  REQUIRE(s.flow()->current_step().id == "form");
  s.set_form_value("name", "Ada");

  FlowContext member;
  member.set_logged_in(true);
  s.set_customer_context(member);
  CHECK(s.screen() == Screen::Flow);
  CHECK(s.flow()->current_step().id == "member_tip");   // the same answers now lead here
  CHECK(s.form_value("name") == "Ada");
  nlohmann::json snap = session_snapshot(s);
  CHECK(snap["context"]["logged_in"] == "true");
  CHECK(snap["context"]["category"] == "broken");
}
