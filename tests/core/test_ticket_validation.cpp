#include <doctest/doctest.h>

#include "ticket/ticket_validation.h"

#include <string>

using support::FieldErrors;
using support::TicketDraft;
using support::ValidationRules;
using support::validate_ticket_draft;

namespace {

TicketDraft good_draft() {
  TicketDraft draft;
  draft.name = "Ada Lovelace";
  draft.email = "ada@example.com";
  draft.subject = "Cannot log in";
  draft.description = "Since yesterday the login form says my password is wrong.";
  return draft;
}

std::string code_for(const FieldErrors& errors, const std::string& field) {
  for (const auto& e : errors) {
    if (e.field == field) return e.code;
  }
  return "";
}

}  // namespace

TEST_CASE("ticket validation: a complete draft passes") {
  CHECK(validate_ticket_draft(good_draft(), ValidationRules{}).empty());
}

TEST_CASE("ticket validation: required fields, in form order") {
  const FieldErrors errors = validate_ticket_draft(TicketDraft{}, ValidationRules{});
  REQUIRE(errors.size() == 4);
  CHECK(errors[0].field == "name");
  CHECK(errors[1].field == "email");
  CHECK(errors[2].field == "subject");
  CHECK(errors[3].field == "description");
  for (const auto& e : errors) CHECK(e.code == "required");
  CHECK(errors[0].message == "Please fill in this field.");
}

TEST_CASE("ticket validation: whitespace only counts as missing") {
  TicketDraft draft = good_draft();
  draft.subject = " \t ";
  draft.description = "\n\n   \xC2\xA0\xE3\x80\x80";  // includes no-break and ideographic spaces
  const FieldErrors errors = validate_ticket_draft(draft, ValidationRules{});
  CHECK(code_for(errors, "subject") == "required");
  CHECK(code_for(errors, "description") == "required");
}

TEST_CASE("ticket validation: email syntax") {
  TicketDraft draft = good_draft();
  draft.email = "ada@example";
  CHECK(validate_ticket_draft(draft, ValidationRules{}).empty());  // single label, as in HTML
  draft.email = "ada.example.com";
  const FieldErrors errors = validate_ticket_draft(draft, ValidationRules{});
  REQUIRE(errors.size() == 1);
  CHECK(errors[0].code == "invalid_email");
  CHECK(errors[0].message == "Please enter a valid email address, like name@example.com.");
}

TEST_CASE("ticket validation: lengths count characters, not bytes") {
  ValidationRules rules;
  rules.subject_max = 5;
  TicketDraft draft = good_draft();
  draft.subject = "\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9";  // 5 x 'é' = 10 bytes
  CHECK(validate_ticket_draft(draft, rules).empty());
  draft.subject += "e";
  const FieldErrors errors = validate_ticket_draft(draft, rules);
  REQUIRE(errors.size() == 1);
  CHECK(errors[0].code == "too_long");
  CHECK(errors[0].message == "Please use at most 5 characters.");
}

TEST_CASE("ticket validation: minimum description length, per category") {
  ValidationRules rules;
  rules.description_min = 10;
  rules.description_min_by_category["bug_report"] = 40;
  TicketDraft draft = good_draft();
  draft.description = "   short     ";  // trimmed: 5 characters
  FieldErrors errors = validate_ticket_draft(draft, rules);
  REQUIRE(errors.size() == 1);
  CHECK(errors[0].code == "too_short");
  CHECK(errors[0].message == "Please enter at least 10 characters.");

  draft.description = "Twenty-five characters..";
  CHECK(validate_ticket_draft(draft, rules).empty());
  draft.category = "bug_report";
  errors = validate_ticket_draft(draft, rules);
  REQUIRE(errors.size() == 1);
  CHECK(errors[0].message == "Please enter at least 40 characters.");
  // 10 x 'ü' (20 bytes) must not pass a 20-character minimum.
  rules.description_min_by_category["bug_report"] = 20;
  draft.description = "\xC3\xBC\xC3\xBC\xC3\xBC\xC3\xBC\xC3\xBC\xC3\xBC\xC3\xBC\xC3\xBC\xC3\xBC\xC3\xBC";
  CHECK(code_for(validate_ticket_draft(draft, rules), "description") == "too_short");
}

TEST_CASE("ticket validation: messages come from overridable templates") {
  ValidationRules rules;
  rules.messages.too_short = "Mindestens {min} Zeichen, bitte.";
  rules.messages.required = "Pflichtfeld";
  TicketDraft draft = good_draft();
  draft.name.clear();
  draft.description = "zu kurz";
  const FieldErrors errors = validate_ticket_draft(draft, rules);
  REQUIRE(errors.size() == 2);
  CHECK(errors[0].message == "Pflichtfeld");
  CHECK(errors[1].message == "Mindestens 20 Zeichen, bitte.");
}

TEST_CASE("ticket validation: message overrides from configuration texts") {
  support::ValidationMessages messages;
  const auto unused = support::apply_validation_message_overrides(
      messages, {{"required", "Needed"}, {"too_shrot", "typo"}, {"too_long", 5}});
  CHECK(messages.required == "Needed");
  CHECK(unused == std::vector<std::string>{"too_long", "too_shrot"});
  CHECK(support::format_validation_message("{min}-{max}-{other}", {{"min", "1"}, {"max", "9"}}) ==
        "1-9-{other}");
  CHECK(support::format_validation_message("unclosed {min", {{"min", "1"}}) == "unclosed {min");
}

TEST_CASE("ticket validation: control characters and broken UTF-8") {
  TicketDraft draft = good_draft();
  draft.subject = "line one\nline two";
  draft.name = std::string("Ada\x01");
  draft.description = "Multi-line descriptions\nare fine,\ttabs too.";
  FieldErrors errors = validate_ticket_draft(draft, ValidationRules{});
  CHECK(code_for(errors, "subject") == "invalid_characters");
  CHECK(code_for(errors, "name") == "invalid_characters");
  CHECK(code_for(errors, "description") == "");

  draft = good_draft();
  draft.description = "Broken \xE2\x82 UTF-8 in the middle of a long text";
  errors = validate_ticket_draft(draft, ValidationRules{});
  CHECK(code_for(errors, "description") == "invalid_encoding");
}

TEST_CASE("ticket validation: extra fields are flat scalars within limits") {
  TicketDraft draft = good_draft();
  draft.extra = {{"earlier_ticket_number", 1042}, {"agent_name", "Sam"}, {"site_url", "https://example.org"}};
  CHECK(validate_ticket_draft(draft, ValidationRules{}).empty());

  draft.extra["nested"] = {{"a", 1}};
  draft.extra["agent_name"] = std::string(2001, 'x');
  const FieldErrors errors = validate_ticket_draft(draft, ValidationRules{});
  CHECK(code_for(errors, "extra.nested") == "invalid_type");
  CHECK(code_for(errors, "extra.agent_name") == "too_long");

  ValidationRules rules;
  rules.extra_fields_max = 1;
  draft = good_draft();
  draft.extra = {{"a", 1}, {"b", 2}};
  CHECK(code_for(validate_ticket_draft(draft, rules), "extra") == "too_many");
}

TEST_CASE("ticket validation: list limits") {
  ValidationRules rules;
  rules.articles_opened_max = 2;
  rules.troubleshooting_max = 1;
  TicketDraft draft = good_draft();
  draft.articles_opened = {"a", "b", "c"};
  draft.troubleshooting = nlohmann::json::array({1, 2});
  const FieldErrors errors = validate_ticket_draft(draft, rules);
  CHECK(code_for(errors, "articles_opened") == "too_many");
  CHECK(code_for(errors, "troubleshooting") == "too_many");
}
