#include "config/screening_settings_json.h"

#include "email/email_provider.h"

#include <utility>

namespace support {

namespace {

using json = nlohmann::json;

const std::pair<const char*, CompletenessCheck> kChecks[] = {
    {"filled", CompletenessCheck::filled},
    {"min_length", CompletenessCheck::min_length},
    {"url", CompletenessCheck::url},
    {"version_number", CompletenessCheck::version_number},
    {"ticket_number", CompletenessCheck::ticket_number},
    {"mentions", CompletenessCheck::mentions},
    {"flow_choice", CompletenessCheck::flow_choice},
};

bool is_known_provider(const std::string& id) {
  for (EmailProvider provider : all_email_providers())
    if (id == email_provider_id(provider)) return true;
  return false;
}

// A list of strings, each non-empty (lower-cased domains are the caller's concern).
void read_domain_list(const json& object, const char* key, const std::string& path, JsonReader& reader,
                      std::vector<std::string>& out) {
  std::vector<std::string> list;
  if (!reader.read_string_list(object, key, path, list)) return;
  for (std::size_t i = 0; i < list.size(); ++i) {
    if (list[i].empty() || list[i].find_first_of(" @/") != std::string::npos)
      reader.problem(JsonReader::index(JsonReader::child(path, key), i), "expected a domain part such as \"gmail.com\"");
  }
  out = std::move(list);
}

void parse_email(const json& value, const std::string& path, JsonReader& reader, EmailScreeningSettings& out) {
  if (!reader.expect_object(value, path)) return;
  reader.check_known_keys(value, path,
                          {"domains", "second_level_domains", "top_level_domains", "advice", "suggestion_key"});
  read_domain_list(value, "domains", path, reader, out.lists.domains);
  read_domain_list(value, "second_level_domains", path, reader, out.lists.second_level_domains);
  read_domain_list(value, "top_level_domains", path, reader, out.lists.top_level_domains);
  reader.read_string(value, "suggestion_key", path, out.suggestion_key);
  const json* advice = reader.member(value, "advice", path, false);
  if (!advice) return;
  const std::string advice_path = JsonReader::child(path, "advice");
  if (!reader.expect_object(*advice, advice_path)) return;
  for (auto it = advice->begin(); it != advice->end(); ++it) {
    const std::string item_path = JsonReader::child(advice_path, it.key());
    if (!is_known_provider(it.key())) {
      reader.problem(item_path, "unknown provider \"" + it.key() +
                                    "\" (known: gmail, outlook, yahoo, icloud, proton, gmx, yandex, zoho, other)");
      continue;
    }
    if (!reader.expect_object(it.value(), item_path)) continue;
    reader.check_known_keys(it.value(), item_path, {"where_key", "step_keys"});
    EmailProviderAdvice entry;
    entry.path = item_path;
    reader.read_string(it.value(), "where_key", item_path, entry.where_key, true);
    reader.read_string_list(it.value(), "step_keys", item_path, entry.step_keys, true);
    out.advice[it.key()] = std::move(entry);
  }
}

void parse_rule(const json& item, const std::string& path, JsonReader& reader, std::vector<CompletenessRule>& rules) {
  if (!reader.expect_object(item, path)) return;
  reader.check_known_keys(item, path, {"id", "check", "field", "min_length", "words", "level", "message_key", "reason_key"});
  CompletenessRule rule;
  rule.path = path;
  if (!reader.read_string(item, "id", path, rule.id, true)) return;
  reader.check_id(rule.id, JsonReader::child(path, "id"));
  std::string check;
  if (reader.read_string(item, "check", path, check, true)) {
    bool known = false;
    for (const auto& [name, value] : kChecks) {
      if (check == name) rule.check = value, known = true;
    }
    if (!known)
      reader.problem(JsonReader::child(path, "check"),
                     "unknown check \"" + check +
                         "\" (expected filled, min_length, url, version_number, ticket_number, mentions or flow_choice)");
  }
  reader.read_string(item, "field", path, rule.field, true);
  reader.read_int(item, "min_length", path, rule.min_length, 1, 100000, rule.check == CompletenessCheck::min_length);
  std::string level = "warning";
  if (reader.read_string(item, "level", path, level)) {
    if (level == "required") rule.level = RuleLevel::required;
    else if (level != "warning")
      reader.problem(JsonReader::child(path, "level"), "expected \"warning\" or \"required\", found \"" + level + "\"");
  }
  reader.read_string(item, "message_key", path, rule.message_key, true);
  reader.read_string(item, "reason_key", path, rule.reason_key, true);
  if (const json* words = reader.member(item, "words", path, rule.check == CompletenessCheck::mentions)) {
    const std::string words_path = JsonReader::child(path, "words");
    if (reader.expect_object(*words, words_path)) {
      for (auto it = words->begin(); it != words->end(); ++it)
        reader.read_string_list(*words, it.key(), words_path, rule.words[it.key()], true);
    }
  }
  rules.push_back(std::move(rule));
}

void parse_completeness(const json& value, const std::string& path, JsonReader& reader,
                        std::map<std::string, std::vector<CompletenessRule>>& out) {
  if (!reader.expect_object(value, path)) return;
  for (auto it = value.begin(); it != value.end(); ++it) {
    const std::string category_path = JsonReader::child(path, it.key());
    if (!reader.expect_array(it.value(), category_path)) continue;
    auto& rules = out[it.key()];
    for (std::size_t i = 0; i < it.value().size(); ++i)
      parse_rule(it.value()[i], JsonReader::index(category_path, i), reader, rules);
  }
}

void parse_tone(const json& value, const std::string& path, JsonReader& reader, ToneSettings& out) {
  if (!reader.expect_object(value, path)) return;
  reader.check_known_keys(value, path,
                          {"shouting_min_letters", "shouting_upper_percent", "punctuation_run", "shouting_key",
                           "punctuation_key", "insult_key", "threat_key", "words"});
  reader.read_int(value, "shouting_min_letters", path, out.shouting_min_letters, 1, 100000);
  int percent = static_cast<int>(out.shouting_upper_share * 100 + 0.5);
  if (reader.read_int(value, "shouting_upper_percent", path, percent, 1, 100)) out.shouting_upper_share = percent / 100.0;
  reader.read_int(value, "punctuation_run", path, out.punctuation_run, 2, 1000);
  reader.read_string(value, "shouting_key", path, out.shouting_key, true);
  reader.read_string(value, "punctuation_key", path, out.punctuation_key, true);
  reader.read_string(value, "insult_key", path, out.insult_key, true);
  reader.read_string(value, "threat_key", path, out.threat_key, true);
  const json* words = reader.member(value, "words", path, false);
  if (!words) return;
  const std::string words_path = JsonReader::child(path, "words");
  if (!reader.expect_object(*words, words_path)) return;
  for (auto it = words->begin(); it != words->end(); ++it) {
    const std::string locale_path = JsonReader::child(words_path, it.key());
    if (!reader.expect_object(it.value(), locale_path)) continue;
    reader.check_known_keys(it.value(), locale_path, {"insults", "threats"});
    ToneWords& entry = out.words[it.key()];
    reader.read_string_list(it.value(), "insults", locale_path, entry.insults);
    reader.read_string_list(it.value(), "threats", locale_path, entry.threats);
  }
}

void parse_ticket_number(const json& value, const std::string& path, JsonReader& reader, TicketNumberFormat& out) {
  if (!reader.expect_object(value, path)) return;
  reader.check_known_keys(value, path, {"prefix", "min_digits", "max_digits"});
  reader.read_string(value, "prefix", path, out.prefix);
  reader.read_int(value, "min_digits", path, out.min_digits, 1, 30);
  reader.read_int(value, "max_digits", path, out.max_digits, 1, 30);
  if (out.max_digits < out.min_digits)
    reader.problem(JsonReader::child(path, "max_digits"), "must not be smaller than min_digits");
}

void parse_duplicates(const json& value, const std::string& path, JsonReader& reader, DuplicateScreeningSettings& out) {
  if (!reader.expect_object(value, path)) return;
  reader.check_known_keys(value, path, {"threshold_percent", "similar_key", "resubmit_key"});
  int percent = static_cast<int>(out.threshold * 100 + 0.5);
  if (reader.read_int(value, "threshold_percent", path, percent, 1, 100)) out.threshold = percent / 100.0;
  reader.read_string(value, "similar_key", path, out.similar_key);
  reader.read_string(value, "resubmit_key", path, out.resubmit_key);
}

}  // namespace

const char* completeness_check_name(CompletenessCheck check) {
  for (const auto& [name, value] : kChecks)
    if (value == check) return name;
  return "filled";
}

void parse_screening(const json& value, const std::string& path, JsonReader& reader, ScreeningSettings& out) {
  if (!reader.expect_object(value, path)) return;
  reader.check_known_keys(value, path,
                          {"email", "completeness", "tone", "ticket_number", "duplicates", "queue_reminder_key"});
  reader.read_string(value, "queue_reminder_key", path, out.queue_reminder_key);
  if (const json* v = reader.member(value, "email", path, false)) parse_email(*v, JsonReader::child(path, "email"), reader, out.email);
  if (const json* v = reader.member(value, "completeness", path, false))
    parse_completeness(*v, JsonReader::child(path, "completeness"), reader, out.completeness);
  if (const json* v = reader.member(value, "tone", path, false)) parse_tone(*v, JsonReader::child(path, "tone"), reader, out.tone);
  if (const json* v = reader.member(value, "ticket_number", path, false))
    parse_ticket_number(*v, JsonReader::child(path, "ticket_number"), reader, out.ticket_number);
  if (const json* v = reader.member(value, "duplicates", path, false))
    parse_duplicates(*v, JsonReader::child(path, "duplicates"), reader, out.duplicates);
}

}  // namespace support
