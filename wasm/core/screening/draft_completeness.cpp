#include "screening/draft_completeness.h"

#include "config/config_text.h"
#include "screening/phrase_match.h"
#include "screening/web_address.h"
#include "text/utf8_codec.h"

#include <cctype>

namespace support {

namespace {

std::string_view trimmed(std::string_view text) {
  const auto first = text.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) return {};
  return text.substr(first, text.find_last_not_of(" \t\r\n") - first + 1);
}

bool is_digit(char c) { return c >= '0' && c <= '9'; }

const std::vector<std::string>& words_for(const CompletenessRule& rule, const std::string& locale,
                                          const std::string& default_locale) {
  static const std::vector<std::string> none;
  if (auto it = rule.words.find(locale); it != rule.words.end()) return it->second;
  if (auto it = rule.words.find(default_locale); it != rule.words.end()) return it->second;
  return none;
}

bool passes(const CompletenessRule& rule, std::string_view value, const Config& config, const std::string& locale,
            const nlohmann::json& flow_log) {
  switch (rule.check) {
    case CompletenessCheck::filled: return !value.empty();
    case CompletenessCheck::min_length: return utf8_length(value) >= static_cast<std::size_t>(rule.min_length);
    case CompletenessCheck::url: return is_web_address(value);
    case CompletenessCheck::version_number: return contains_version_number(value);
    case CompletenessCheck::ticket_number: return is_ticket_number(value, config.screening.ticket_number);
    case CompletenessCheck::mentions:
      return !PhraseList(words_for(rule, locale, config.texts.default_locale)).find_in(value).empty();
    case CompletenessCheck::flow_choice: return flow_log_sets(flow_log, rule.field);
  }
  return true;
}

}  // namespace

bool contains_version_number(std::string_view text) {
  // digits '.' digits, not glued to a longer word ("a1.2b" is not a version, "v1.2" is).
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (!is_digit(text[i])) continue;
    const bool starts_word = i == 0 || !std::isalnum(static_cast<unsigned char>(text[i - 1])) ||
                             ((text[i - 1] == 'v' || text[i - 1] == 'V') &&
                              (i == 1 || !std::isalnum(static_cast<unsigned char>(text[i - 2]))));
    std::size_t j = i;
    while (j < text.size() && is_digit(text[j])) ++j;
    if (starts_word && j + 1 < text.size() && text[j] == '.' && is_digit(text[j + 1])) return true;
    i = j;
  }
  return false;
}

bool is_ticket_number(std::string_view text, const TicketNumberFormat& format) {
  text = trimmed(text);
  if (!format.prefix.empty() && text.substr(0, format.prefix.size()) == format.prefix) text.remove_prefix(format.prefix.size());
  text = trimmed(text);
  if (text.size() < static_cast<std::size_t>(format.min_digits) || text.size() > static_cast<std::size_t>(format.max_digits))
    return false;
  for (char c : text)
    if (!is_digit(c)) return false;
  return true;
}

bool flow_log_sets(const nlohmann::json& flow_log, const std::string& key) {
  if (!flow_log.is_array()) return false;
  for (const nlohmann::json& entry : flow_log) {
    if (!entry.is_object()) continue;
    const auto set = entry.find("set");
    if (set == entry.end() || !set->is_object()) continue;
    const auto value = set->find(key);
    if (value != set->end() && value->is_string() && !value->get<std::string>().empty()) return true;
  }
  return false;
}

std::vector<DraftFinding> check_draft_completeness(const Config& config, const std::string& locale,
                                                   const std::string& category_id,
                                                   const std::map<std::string, std::string>& form_values,
                                                   const nlohmann::json& flow_log) {
  std::vector<DraftFinding> findings;
  const auto rules = config.screening.completeness.find(category_id);
  if (rules == config.screening.completeness.end()) return findings;
  for (const CompletenessRule& rule : rules->second) {
    const auto value = form_values.find(rule.field);
    const std::string_view text = value == form_values.end() ? std::string_view() : trimmed(value->second);
    if (passes(rule, text, config, locale, flow_log)) continue;
    findings.push_back({rule.field, rule.id, rule.level, config_text(config, locale, rule.message_key),
                        config_text(config, locale, rule.reason_key)});
  }
  return findings;
}

bool has_required_finding(const std::vector<DraftFinding>& findings) {
  for (const DraftFinding& finding : findings)
    if (finding.level == RuleLevel::required) return true;
  return false;
}

}  // namespace support
