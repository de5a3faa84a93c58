#include "run/form_submission.h"

#include "config/config_text.h"
#include "email/email_check.h"
#include "text/utf8_codec.h"

namespace support {

namespace {

std::string replace_all(std::string text, const std::string& from, const std::string& to) {
  for (std::size_t at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size()))
    text.replace(at, from.size(), to);
  return text;
}

int policy_max_length(const Config& config, const FormField& field) {
  if (field.max_length > 0) return field.max_length;
  const FieldLimits& limits = config.policy.max_lengths;
  if (field.id == "name") return limits.name;
  if (field.id == "email") return limits.email;
  if (field.id == "subject") return limits.subject;
  if (field.id == "description") return limits.description;
  return limits.extra_field;
}

}  // namespace

FieldErrors validate_form_values(const Config& config, const FlowRun& run, const FormValues& values) {
  FieldErrors errors;
  const FlowStep& step = run.current_step();
  if (step.type != StepType::form) return errors;
  const std::string& locale = run.locale();
  const std::string category = run.context().value_or("category");
  for (const FormField& field : step.fields) {
    if (field.type == FormFieldType::attachments) continue;   // files: session/ticket_attachments.h
    auto it = values.find(field.id);
    const std::string value = it == values.end() ? "" : it->second;
    const std::size_t length = utf8_length(value);
    int minimum = field.min_length;
    if (field.id == "description" && minimum == 0) minimum = config.min_description_length(category);
    const int maximum = policy_max_length(config, field);
    if (value.find_first_not_of(" \t\r\n") == std::string::npos) {
      if (field.required) errors.push_back({field.id, "required", config_text(config, locale, "form.error.required")});
      continue;
    }
    if (minimum > 0 && length < static_cast<std::size_t>(minimum)) {
      errors.push_back({field.id, "too_short",
                        replace_all(config_text(config, locale, "form.error.too_short"), "{min}",
                                    std::to_string(minimum))});
    } else if (maximum > 0 && length > static_cast<std::size_t>(maximum)) {
      errors.push_back({field.id, "too_long",
                        replace_all(config_text(config, locale, "form.error.too_long"), "{max}",
                                    std::to_string(maximum))});
    } else if (field.type == FormFieldType::email && !check_email(value, config.screening.email.lists).valid) {
      // One check of an address for the whole widget: the browser's syntax plus a plausible domain
      // (email/email_check.h), so "name@gmail" is caught before the server's syntax-only check.
      errors.push_back({field.id, "invalid_email", config_text(config, locale, "form.error.invalid_email")});
    }
  }
  return errors;
}

TicketDraft ticket_draft_from_form(const Config& config, const FlowRun& run, const FormValues& values) {
  TicketDraft draft;
  const FlowStep& step = run.current_step();
  const FlowContext context = run.context();
  draft.category = context.value_or("category");
  draft.product = context.value_or("product");
  draft.locale = run.locale();
  auto value_of = [&](const std::string& id) {
    auto it = values.find(id);
    return it == values.end() ? std::string() : it->second;
  };
  draft.name = value_of("name");
  draft.email = value_of("email");
  draft.description = value_of("description");
  draft.subject = value_of("subject");
  const std::string prefix = run.subject_prefix();
  // Add the prefix once: a customer may have typed it already.
  if (!prefix.empty() && draft.subject.compare(0, prefix.size(), prefix) != 0)
    draft.subject = draft.subject.empty() ? prefix : prefix + " " + draft.subject;

  if (step.type == StepType::form) {
    for (const FormField& field : step.fields) {
      if (is_standard_ticket_field(field.id) || field.type == FormFieldType::attachments) continue;
      auto it = values.find(field.id);
      if (it == values.end() || it->second.empty()) continue;
      draft.extra[field.id] = it->second;
    }
  }
  draft.troubleshooting = run.log();
  return draft;
}

}  // namespace support
