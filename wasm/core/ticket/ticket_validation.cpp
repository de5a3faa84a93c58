#include "ticket/ticket_validation.h"

#include "ticket/attachment_check.h"

#include "email/email_syntax.h"
#include "text/utf8_codec.h"

#include <algorithm>
#include <optional>
#include <string_view>

namespace support {
namespace {

bool is_space(char32_t c) {
  return c == ' ' || (c >= '\t' && c <= '\r') || c == 0xA0 || c == 0x1680 ||
         (c >= 0x2000 && c <= 0x200B) || c == 0x2028 || c == 0x2029 || c == 0x202F ||
         c == 0x205F || c == 0x3000 || c == 0xFEFF;
}

bool is_control(char32_t c, bool multi_line) {
  if (multi_line && (c == '\n' || c == '\r' || c == '\t')) return false;
  return c < 0x20 || (c >= 0x7F && c <= 0x9F);
}

// What the checks need to know about one text, from a single pass over it.
struct TextFacts {
  bool well_formed = true;
  bool has_control = false;
  std::size_t length = 0;          // code points
  std::size_t trimmed_length = 0;  // code points without leading/trailing whitespace
};

TextFacts inspect_text(std::string_view text, bool multi_line) {
  TextFacts facts;
  std::size_t pos = 0;
  std::size_t first_content = 0;
  std::size_t last_content = 0;
  bool seen_content = false;
  while (pos < text.size()) {
    const std::optional<char32_t> c = utf8_next_strict(text, pos);
    if (!c) {
      facts.well_formed = false;
      return facts;
    }
    if (is_control(*c, multi_line)) facts.has_control = true;
    if (!is_space(*c)) {
      if (!seen_content) first_content = facts.length;
      seen_content = true;
      last_content = facts.length;
    }
    ++facts.length;
  }
  facts.trimmed_length = seen_content ? last_content - first_content + 1 : 0;
  return facts;
}

// Collects errors and knows which fields already have one (one message per field is enough).
class ErrorList {
 public:
  explicit ErrorList(const ValidationMessages& messages) : messages_(messages) {}

  bool has(const std::string& field) const {
    return std::any_of(errors_.begin(), errors_.end(),
                       [&](const FieldError& e) { return e.field == field; });
  }

  void add(std::string field, std::string code, const std::string& message_template,
           const std::map<std::string, std::string>& values = {}) {
    if (has(field)) return;
    errors_.push_back({std::move(field), std::move(code),
                       format_validation_message(message_template, values)});
  }

  const ValidationMessages& messages() const { return messages_; }
  FieldErrors take() { return std::move(errors_); }

 private:
  const ValidationMessages& messages_;
  FieldErrors errors_;
};

struct TextRule {
  bool required = false;
  bool multi_line = false;
  std::size_t min = 0;
  std::size_t max = 0;
};

void check_text(ErrorList& errors, const std::string& field, const std::string& value,
                const TextRule& rule) {
  if (errors.has(field)) return;  // e.g. already invalid_type
  const ValidationMessages& m = errors.messages();
  const TextFacts facts = inspect_text(value, rule.multi_line);
  if (!facts.well_formed) return errors.add(field, "invalid_encoding", m.invalid_encoding);
  if (facts.trimmed_length == 0) {
    if (rule.required) errors.add(field, "required", m.required);
    return;
  }
  if (facts.has_control) return errors.add(field, "invalid_characters", m.invalid_characters);
  if (rule.max > 0 && facts.length > rule.max) {
    return errors.add(field, "too_long", m.too_long, {{"max", std::to_string(rule.max)}});
  }
  if (facts.trimmed_length < rule.min) {
    errors.add(field, "too_short", m.too_short, {{"min", std::to_string(rule.min)}});
  }
}

void check_extra(ErrorList& errors, const nlohmann::json& extra, const ValidationRules& rules) {
  if (errors.has("extra") || !extra.is_object()) return;
  const ValidationMessages& m = errors.messages();
  if (extra.size() > rules.extra_fields_max) {
    return errors.add("extra", "too_many", m.too_many, {{"max", std::to_string(rules.extra_fields_max)}});
  }
  for (const auto& [key, value] : extra.items()) {
    const std::string field = "extra." + key;
    const TextFacts key_facts = inspect_text(key, false);
    if (!key_facts.well_formed || key_facts.has_control || key_facts.length == 0 ||
        key_facts.length > rules.extra_key_max) {
      errors.add("extra", "invalid_type", m.invalid_type);
      continue;
    }
    if (value.is_string()) {
      check_text(errors, field, value.get_ref<const std::string&>(),
                 {false, true, 0, rules.extra_value_max});
    } else if (!value.is_number() && !value.is_boolean() && !value.is_null()) {
      errors.add(field, "invalid_type", m.invalid_type);  // nested objects/arrays are not form fields
    }
  }
}

// The screening record: an object of the known members only, each of its type (docs/screening.md).
void check_screening(ErrorList& errors, const nlohmann::json& screening, const ValidationRules& rules) {
  if (screening.is_null()) return;
  const ValidationMessages& m = errors.messages();
  if (!screening.is_object()) return errors.add("screening", "invalid_type", m.invalid_type);
  for (const auto& [key, value] : screening.items()) {
    if (key == "duplicate_of" && value.is_string()) {
      const std::string& number = value.get_ref<const std::string&>();   // a ticket number: digits
      if (number.empty() || number.size() > 18 || number.find_first_not_of("0123456789") != std::string::npos)
        errors.add("screening.duplicate_of", "invalid_type", m.invalid_type);
    } else if (key == "choice" && value.is_string()) {
      const std::string& choice = value.get_ref<const std::string&>();
      if (choice != "different_problem") errors.add("screening.choice", "invalid_type", m.invalid_type);
    } else if (key == "score" && value.is_number()) {
      const double score = value.get<double>();
      if (!(score >= 0 && score <= 1)) errors.add("screening.score", "invalid_type", m.invalid_type);
    } else {
      errors.add("screening." + key, "invalid_type", m.invalid_type);
    }
  }
}

}  // namespace

std::size_t ValidationRules::description_min_for(const std::string& category) const {
  const auto found = description_min_by_category.find(category);
  return found != description_min_by_category.end() ? found->second : description_min;
}

FieldErrors validate_ticket_draft(const TicketDraft& draft, const ValidationRules& rules) {
  ErrorList errors(rules.messages);
  const ValidationMessages& m = rules.messages;
  for (const std::string& field : draft.wrong_type_fields) errors.add(field, "invalid_type", m.invalid_type);

  check_text(errors, "name", draft.name, {true, false, 0, rules.name_max});
  check_text(errors, "email", draft.email, {true, false, 0, rules.email_max});
  if (!errors.has("email") && !is_valid_email(draft.email)) {
    errors.add("email", "invalid_email", m.invalid_email);
  }
  check_text(errors, "subject", draft.subject, {true, false, 0, rules.subject_max});
  check_text(errors, "description", draft.description,
             {true, true, rules.description_min_for(draft.category), rules.description_max});

  check_text(errors, "category", draft.category, {false, false, 0, rules.id_field_max});
  check_text(errors, "product", draft.product, {false, false, 0, rules.id_field_max});
  check_text(errors, "locale", draft.locale, {false, false, 0, rules.id_field_max});
  check_text(errors, "idempotency_key", draft.idempotency_key,
             {false, false, 0, rules.idempotency_key_max});

  if (!errors.has("articles_opened")) {
    if (draft.articles_opened.size() > rules.articles_opened_max) {
      errors.add("articles_opened", "too_many", m.too_many,
                 {{"max", std::to_string(rules.articles_opened_max)}});
    }
    for (const std::string& id : draft.articles_opened) {
      check_text(errors, "articles_opened", id, {false, false, 0, rules.id_field_max});
    }
  }
  if (!errors.has("troubleshooting") && draft.troubleshooting.is_array() &&
      draft.troubleshooting.size() > rules.troubleshooting_max) {
    errors.add("troubleshooting", "too_many", m.too_many,
               {{"max", std::to_string(rules.troubleshooting_max)}});
  }
  check_extra(errors, draft.extra, rules);
  check_screening(errors, draft.screening, rules);
  FieldErrors found = errors.take();
  for (FieldError& e : validate_attachments(draft.attachments, draft.category, rules.attachments))
    found.push_back(std::move(e));
  return found;
}

}  // namespace support
