#pragma once
// One step of a troubleshooting flow. Every step type is normalised to the same shape: a title and
// text (keys into the config's texts) plus a list of answers the customer can give, each with a
// label key and a transition. The UI draws buttons from `answers`; the engine follows them.
//
//   info      text, one answer "continue"
//   advice    text + item list, one answer "continue"
//   checklist an instruction to try; outcomes such as fixed / didnt_help / cant_do
//   choice    options; an option may set context values (e.g. product)
//   kb_check  KB query and/or article ids; answers "answered" (resolves) / "not_answered"
//   form      the ticket form: terminal for the flow, declares its fields
//   end       terminal: resolved or not, with a message
#include "flow/flow_transition.h"

#include <map>
#include <string>
#include <vector>

namespace support {

enum class StepType { info, checklist, choice, kb_check, form, advice, end };

const char* step_type_name(StepType type);
bool step_type_from_name(const std::string& name, StepType& out);

struct StepAnswer {
  std::string id;         // "fixed", "didnt_help", an option id, "continue", "answered", ...
  std::string label_key;  // text key for the button
  FlowTransition next;
  bool resolves = false;  // ends the flow as resolved ("fixed", "answered")
  std::map<std::string, std::string> sets;  // context values set by choosing it (choice options)
};

enum class FormFieldType { text, textarea, email, attachments /* files: ticket/attachment_check.h */ };

// What a field is for, where the widget treats fields differently: the four that fill the
// ticket's own fields (by their ids), and extra data (any other id).
enum class FieldPurpose { name, email, subject, description, extra };

FieldPurpose field_purpose(const std::string& field_id);

struct FormField {
  std::string id;          // name, email, subject, description, or an extra such as site_url
  std::string label_key;
  std::string help_key;    // optional hint under the field
  FormFieldType type = FormFieldType::text;
  // The browser's autofill hint (an HTML autocomplete token such as "name", "email", "url");
  // "off" when the browser should not offer anything. Defaults: "name" and "email" for those
  // fields, "off" for the others.
  std::string autocomplete = "off";
  bool required = false;
  int min_length = 0;      // in characters (UTF-8 code points); 0 = no minimum
  int max_length = 0;      // 0 = the policy's limit
};

// The ticket fields every form maps onto the ticket itself; anything else is extra data.
bool is_standard_ticket_field(const std::string& field_id);

struct FlowStep {
  std::string id;
  StepType type = StepType::info;
  std::string title_key;
  std::string text_key;
  std::vector<std::string> item_keys;  // advice list / checklist detail lines
  std::vector<StepAnswer> answers;

  // kb_check
  std::string kb_query;
  std::vector<std::string> article_ids;

  // form
  std::vector<FormField> fields;
  std::string subject_prefix;       // template, e.g. "{escalation.subject_prefix}"
  bool asks_login_details = false;

  // end
  bool resolved = false;

  const StepAnswer* find_answer(const std::string& answer_id) const;
  bool is_terminal() const { return type == StepType::form || type == StepType::end; }
};

}  // namespace support
