#include "session/draft_screening.h"

#include "config/config_text.h"

namespace support {

namespace {

const std::string& value_of(const std::map<std::string, std::string>& values, const char* field) {
  static const std::string none;
  auto it = values.find(field);
  return it == values.end() ? none : it->second;
}

std::string fill(std::string text, const std::string& placeholder, const std::string& value) {
  for (auto at = text.find(placeholder); at != std::string::npos; at = text.find(placeholder, at + value.size()))
    text.replace(at, placeholder.size(), value);
  return text;
}

bool blank(const std::string& text) { return text.find_first_not_of(" \t\r\n") == std::string::npos; }

}  // namespace

std::vector<const DraftFinding*> DraftScreening::findings_for(const std::string& field) const {
  std::vector<const DraftFinding*> out;
  for (const auto& f : findings)
    if (f.field == field) out.push_back(&f);
  return out;
}

std::optional<EmailAdvice> email_advice_for(const Config& config, const std::string& locale, EmailProvider provider) {
  const auto& all = config.screening.email.advice;
  auto it = all.find(email_provider_id(provider));
  if (it == all.end()) it = all.find("other");
  if (it == all.end()) return std::nullopt;
  EmailAdvice advice;
  advice.provider = it->first;
  if (!it->second.where_key.empty()) advice.where = config_text(config, locale, it->second.where_key);
  for (const auto& key : it->second.step_keys) advice.steps.push_back(config_text(config, locale, key));
  return advice;
}

DraftScreening screen_draft(const Config& config, const std::string& locale, const std::string& category,
                            const std::map<std::string, std::string>& values, const nlohmann::json& flow_log,
                            bool address_known) {
  DraftScreening out;
  out.findings = check_draft_completeness(config, locale, category, values, flow_log);

  const std::string& subject = value_of(values, "subject");
  const std::string& description = value_of(values, "description");
  if (!blank(subject) || !blank(description)) out.tone = check_tone(config, locale, subject + "\n" + description);

  const std::string& address = value_of(values, "email");
  if (!blank(address)) {
    out.email = check_email(address, config.screening.email.lists);
    const std::string& key = config.screening.email.suggestion_key;
    if (out.email.suggestion && !key.empty())
      out.email_suggestion_text = fill(config_text(config, locale, key), "{suggestion}", *out.email.suggestion);
    // Advice for the address that will be used: the typed one when valid and not a likely typo.
    if (out.email.valid && !out.email.suggestion && !address_known)
      out.email_advice = email_advice_for(config, locale, out.email.provider);
  }
  if (!config.screening.queue_reminder_key.empty())
    out.queue_reminder = config_text(config, locale, config.screening.queue_reminder_key);
  return out;
}

}  // namespace support
