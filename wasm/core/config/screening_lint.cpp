#include "config/screening_lint.h"

#include "json/json_reader.h"

#include <set>

namespace support {

namespace {

class ScreeningLinter {
 public:
  ScreeningLinter(const Config& config, ConfigProblems& problems) : config_(config), report_(problems) {}

  void run() {
    const ScreeningSettings& s = config_.screening;
    require_text(s.queue_reminder_key, "screening.queue_reminder_key");
    require_text(s.email.suggestion_key, "screening.email.suggestion_key");
    require_text(s.duplicates.similar_key, "screening.duplicates.similar_key");
    require_text(s.duplicates.resubmit_key, "screening.duplicates.resubmit_key");
    check_advice();
    check_tone();
    for (const auto& [category_id, rules] : s.completeness) check_rules(category_id, rules);
  }

 private:
  void require_text(const std::string& key, const std::string& path) {
    if (key.empty()) return;
    const auto table = config_.texts.texts.find(config_.texts.default_locale);
    if (table != config_.texts.texts.end() && table->second.count(key)) return;
    report_.problem(path, "text \"" + key + "\" is missing in the default locale \"" + config_.texts.default_locale + "\"");
  }

  void check_advice() {
    const auto& advice = config_.screening.email.advice;
    if (!advice.empty() && !advice.count("other"))
      report_.problem("screening.email.advice", "missing \"other\": the advice for every provider not listed");
    for (const auto& [provider, entry] : advice) {
      require_text(entry.where_key, JsonReader::child(entry.path, "where_key"));
      for (std::size_t i = 0; i < entry.step_keys.size(); ++i)
        require_text(entry.step_keys[i], JsonReader::index(JsonReader::child(entry.path, "step_keys"), i));
    }
  }

  void check_tone() {
    const ToneSettings& tone = config_.screening.tone;
    require_text(tone.shouting_key, "screening.tone.shouting_key");
    require_text(tone.punctuation_key, "screening.tone.punctuation_key");
    require_text(tone.insult_key, "screening.tone.insult_key");
    require_text(tone.threat_key, "screening.tone.threat_key");
    const std::set<std::string> locales(config_.texts.locales.begin(), config_.texts.locales.end());
    for (const auto& [locale, words] : tone.words) {
      if (!locales.count(locale))
        report_.problem("screening.tone.words." + locale, "locale \"" + locale + "\" is not listed in locales.available");
    }
    if (!tone.words.empty()) {
      for (const std::string& locale : config_.texts.locales) {
        if (!tone.words.count(locale))
          report_.problem("screening.tone.words", "no word lists for locale \"" + locale + "\"");
      }
    }
  }

  // Field ids of every form in the category's flow (a flow may have several form steps).
  std::set<std::string> form_fields(const Flow& flow) const {
    std::set<std::string> fields;
    for (const FlowStep& step : flow.steps)
      for (const FormField& field : step.fields) fields.insert(field.id);
    return fields;
  }

  std::set<std::string> context_keys(const Flow& flow) const {
    std::set<std::string> keys;
    for (const FlowStep& step : flow.steps)
      for (const StepAnswer& answer : step.answers)
        for (const auto& [key, value] : answer.sets) keys.insert(key);
    return keys;
  }

  void check_rules(const std::string& category_id, const std::vector<CompletenessRule>& rules) {
    const std::string path = JsonReader::child("screening.completeness", category_id);
    const Category* category = config_.find_category(category_id);
    if (!category) report_.problem(path, "unknown category \"" + category_id + "\"");
    const Flow* flow = category ? config_.find_flow(category->flow) : nullptr;
    std::set<std::string> ids;
    for (const CompletenessRule& rule : rules) {
      if (!ids.insert(rule.id).second)
        report_.problem(JsonReader::child(rule.path, "id"), "duplicate rule id \"" + rule.id + "\" in this category");
      require_text(rule.message_key, JsonReader::child(rule.path, "message_key"));
      require_text(rule.reason_key, JsonReader::child(rule.path, "reason_key"));
      if (flow && rule.check == CompletenessCheck::flow_choice) {
        if (!context_keys(*flow).count(rule.field))
          report_.problem(JsonReader::child(rule.path, "field"),
                          "no answer in flow \"" + flow->id + "\" sets \"" + rule.field + "\"");
      } else if (flow && !form_fields(*flow).count(rule.field)) {
        report_.problem(JsonReader::child(rule.path, "field"),
                        "the form of flow \"" + flow->id + "\" has no field \"" + rule.field + "\"");
      }
      if (rule.check == CompletenessCheck::mentions) {
        const auto words = rule.words.find(config_.texts.default_locale);
        if (words == rule.words.end() || words->second.empty())
          report_.problem(JsonReader::child(rule.path, "words"),
                          "no words for the default locale \"" + config_.texts.default_locale + "\"");
      }
    }
  }

  const Config& config_;
  JsonReader report_;
};

}  // namespace

void lint_screening(const Config& config, ConfigProblems& problems) { ScreeningLinter(config, problems).run(); }

}  // namespace support
