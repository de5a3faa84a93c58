// What a form field is for comes from the core and the configuration, not from the UI: the
// autofill hint of each field, and the session taking edits instead of handing out its strings.
#include <doctest/doctest.h>

#include "config/config_parser.h"
#include "session/support_session.h"

#include <string>

using namespace support;

namespace {

// A one-step flow that is only a form: the four standard fields, a site address with its own
// autofill hint, and a required extra field. `extra_field_json` is added to the list.
std::string form_config(const std::string& extra_field_json = "") {
  return R"({
    "brand": {"company_name": "Fixture Co"},
    "locales": {"default": "en"},
    "texts": {"en": {"t": "Text"}},
    "categories": [{"id": "help", "title_key": "t", "flow": "ask"}],
    "flows": {"ask": {"title_key": "t", "start": "form", "steps": [
      {"id": "form", "type": "form", "title_key": "t", "fields": [
        {"id": "name", "label_key": "t"},
        {"id": "email", "label_key": "t", "required": true},
        {"id": "site_url", "label_key": "t", "autocomplete": "url"},
        {"id": "order_number", "label_key": "t", "required": true},
        {"id": "subject", "label_key": "t"},
        {"id": "description", "label_key": "t"})" +
         extra_field_json + R"(
      ]}
    ]}}
  })";
}

const FormField* field(const Config& config, const std::string& id) {
  const Flow* flow = config.find_flow("ask");
  REQUIRE(flow);
  REQUIRE_FALSE(flow->steps.empty());
  for (const FormField& f : flow->steps.front().fields)
    if (f.id == id) return &f;
  return nullptr;
}

}  // namespace

TEST_CASE("form fields: the purpose of a field follows its id") {
  CHECK(field_purpose("name") == FieldPurpose::name);
  CHECK(field_purpose("email") == FieldPurpose::email);
  CHECK(field_purpose("subject") == FieldPurpose::subject);
  CHECK(field_purpose("description") == FieldPurpose::description);
  CHECK(field_purpose("site_url") == FieldPurpose::extra);
  CHECK(is_standard_ticket_field("email"));
  CHECK_FALSE(is_standard_ticket_field("site_url"));
}

TEST_CASE("form fields: the autofill hint comes from the configuration, with defaults by purpose") {
  ConfigParseResult parsed = parse_config(form_config());
  std::string problems;
  for (const ConfigProblem& problem : parsed.problems) problems += format_problem(problem) + "\n";
  INFO(problems);
  REQUIRE(parsed.ok());
  const Config& config = parsed.config;
  REQUIRE(field(config, "name"));
  CHECK(field(config, "name")->autocomplete == "name");
  CHECK(field(config, "email")->autocomplete == "email");
  CHECK(field(config, "site_url")->autocomplete == "url");
  CHECK(field(config, "order_number")->autocomplete == "off");
  CHECK(field(config, "description")->autocomplete == "off");
}

TEST_CASE("form fields: an unknown autofill hint is a problem at its path, and the field keeps its default") {
  ConfigParseResult parsed =
      parse_config(form_config(R"(, {"id": "phone", "label_key": "t", "autocomplete": "telephone"})"));
  REQUIRE(parsed.problems.size() == 1);
  CHECK(parsed.problems[0].path == "flows.ask.steps[0].fields[6].autocomplete");
  CHECK(parsed.problems[0].message.find("telephone") != std::string::npos);
  REQUIRE(field(parsed.config, "phone"));
  CHECK(field(parsed.config, "phone")->autocomplete == "off");

  ConfigParseResult wrong_type = parse_config(form_config(R"(, {"id": "phone", "label_key": "t", "autocomplete": 7})"));
  REQUIRE(wrong_type.problems.size() == 1);
  CHECK(wrong_type.problems[0].path == "flows.ask.steps[0].fields[6].autocomplete");
}

TEST_CASE("session: the UI reports form edits; the session keeps them, saves them and clears their errors") {
  ConfigParseResult parsed = parse_config(form_config());
  REQUIRE(parsed.ok());
  SupportSession session(parsed.config, "", "seed");
  session.choose_category("help");
  REQUIRE(session.flow());
  REQUIRE(session.flow()->reached_form());
  CHECK(session.form_value("name").empty());   // reading never creates a value

  const unsigned before = session.draft_revision();
  session.set_form_value("name", "Ada");
  CHECK(session.form_value("name") == "Ada");
  CHECK(session.draft_revision() == before + 1);
  CHECK(session.saved_draft()["values"]["name"] == "Ada");
  session.set_form_value("name", "Ada");   // the same text again is no edit
  CHECK(session.draft_revision() == before + 1);

  session.submit();
  CHECK_FALSE(session.field_error("email").empty());
  CHECK_FALSE(session.field_error("order_number").empty());
  CHECK(session.take_requests().empty());
  session.set_form_value("email", "ada@example.com");
  CHECK(session.field_error("email").empty());               // the field being fixed
  CHECK_FALSE(session.field_error("order_number").empty());  // the others keep theirs

  session.set_search_query("refund");
  CHECK(session.search_query() == "refund");
}
