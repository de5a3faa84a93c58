#include "config/config_lint.h"

#include "config/attachment_lint.h"
#include "config/config_parser.h"
#include "config/screening_lint.h"
#include "json/json_reader.h"
#include "flow/flow_json.h"
#include "text/canvas_text.h"
#include "text/utf8_codec.h"

#include <algorithm>
#include <map>
#include <set>

namespace support {

namespace {


const char* answers_key(StepType type) {
  switch (type) {
    case StepType::checklist: return "outcomes";
    case StepType::choice: return "options";
    default: return "";
  }
}

// JSON path of a step's answer, matching where the parser read it from.
std::string answer_path(const std::string& step_path, const FlowStep& step, std::size_t answer_index) {
  if (step.type == StepType::checklist || step.type == StepType::choice)
    return JsonReader::index(JsonReader::child(step_path, answers_key(step.type)), answer_index);
  return step_path;
}

// Where a label key was written; a built-in default label is reported at the step itself.
std::string label_key_path(const std::string& step_path, const FlowStep& step, std::size_t answer_index) {
  const std::string& key = step.answers[answer_index].label_key;
  if (key == kContinueLabelKey || key == kKbAnsweredLabelKey || key == kKbNotAnsweredLabelKey) return step_path;
  switch (step.type) {
    case StepType::info:
    case StepType::advice: return JsonReader::child(step_path, "continue_label_key");
    case StepType::kb_check:
      return JsonReader::child(step_path, answer_index == 0 ? "answered_label_key" : "not_answered_label_key");
    default: return JsonReader::child(answer_path(step_path, step, answer_index), "label_key");
  }
}

// The JSON path of a branch's condition: "...next[2].to" -> "...next[2].if".
std::string condition_path(const FlowBranch& branch) {
  const std::string suffix = ".to";
  if (branch.path.size() > suffix.size() && branch.path.compare(branch.path.size() - suffix.size(), suffix.size(), suffix) == 0)
    return branch.path.substr(0, branch.path.size() - suffix.size()) + ".if";
  return branch.path;
}

// "{brand.company_name}", "{min}": the placeholders a text uses.
std::set<std::string> placeholders_in(const std::string& text) {
  std::set<std::string> names;
  for (std::size_t open = text.find('{'); open != std::string::npos; open = text.find('{', open + 1)) {
    const std::size_t close = text.find('}', open + 1);
    if (close == std::string::npos) break;
    names.insert(text.substr(open, close - open + 1));
  }
  return names;
}

class Linter {
 public:
  Linter(const Config& config, ConfigProblems& problems) : config_(config), report_(problems) {}

  void run() {
    check_locales();
    check_categories();
    check_products();
    check_email();
    check_policy();
    check_article_locales();
    check_drawable_texts();
    for (const auto& [id, flow] : config_.flows) check_flow(flow);
    if (!config_.flows.empty())
      for (const std::string& key : builtin_text_keys()) require_text(key, "texts." + config_.texts.default_locale);
  }

 private:
  void require_text(const std::string& key, const std::string& path) {
    if (key.empty()) return;
    const auto& texts = config_.texts.texts;
    auto table = texts.find(config_.texts.default_locale);
    if (table != texts.end() && table->second.count(key)) return;
    report_.problem(path, "text \"" + key + "\" is missing in the default locale \"" +
                              config_.texts.default_locale + "\"");
  }

  void check_locales() {
    const LocaleTexts& texts = config_.texts;
    std::set<std::string> listed;
    for (std::size_t i = 0; i < texts.locales.size(); ++i) {
      if (!listed.insert(texts.locales[i]).second)
        report_.problem("locales.available", "locale \"" + texts.locales[i] + "\" is listed twice");
    }
    auto reference = texts.texts.find(texts.default_locale);
    if (reference == texts.texts.end()) {
      report_.problem("texts", "no texts for the default locale \"" + texts.default_locale + "\"");
      return;
    }
    // Every locale with texts, inline or in a file (a file that was read is in both maps: once).
    std::set<std::string> with_texts;
    for (const auto& [locale, table] : texts.texts) with_texts.insert(locale);
    for (const auto& [locale, file] : texts.files) with_texts.insert(locale);
    for (const std::string& locale : with_texts) {
      if (!listed.count(locale))
        report_.problem("texts." + locale, "locale \"" + locale + "\" is not listed in locales.available");
    }
    for (const std::string& locale : listed) {
      if (locale == texts.default_locale) continue;
      auto table = texts.texts.find(locale);
      if (table == texts.texts.end()) {
        // A texts file nobody read (the preview has no files): supportctl lint reads and checks it.
        if (!texts.files.count(locale))
          report_.problem("texts." + locale, "missing: locale \"" + locale + "\" is listed in locales.available");
        continue;
      }
      for (const auto& [key, text] : reference->second) {
        auto translated = table->second.find(key);
        if (translated == table->second.end()) {
          report_.problem("texts." + locale + "." + key,
                          "missing (present in the default locale \"" + texts.default_locale + "\")");
          continue;
        }
        // A translation that drops {min} or misspells {product.name} shows the wrong words.
        const std::set<std::string> wanted = placeholders_in(text), got = placeholders_in(translated->second);
        for (const std::string& name : wanted)
          if (!got.count(name))
            report_.problem("texts." + locale + "." + key, "placeholder " + name + " of the default locale is missing");
        for (const std::string& name : got)
          if (!wanted.count(name))
            report_.problem("texts." + locale + "." + key, "placeholder " + name + " is not in the default locale's text");
      }
    }
  }

  // Every configured text the canvas draws must come out right: the customer's fonts have the
  // glyphs, but the canvas lays them out one by one, left to right (text/canvas_text.h). One
  // problem per text and kind of limit, naming the characters (the first few, then how many more).
  void check_drawn_characters(const std::string& text, const std::string& path) {
    std::vector<std::pair<CanvasLimit, std::vector<char32_t>>> found;
    for (std::size_t pos = 0; pos < text.size();) {
      const char32_t cp = utf8_next(text, pos);
      const CanvasLimit limit = canvas_limit(cp);
      if (limit == CanvasLimit::none) continue;
      auto group = std::find_if(found.begin(), found.end(), [&](const auto& g) { return g.first == limit; });
      if (group == found.end()) group = found.insert(found.end(), {limit, {}});
      if (std::find(group->second.begin(), group->second.end(), cp) == group->second.end()) group->second.push_back(cp);
    }
    for (const auto& [limit, chars] : found) {
      constexpr std::size_t kNamed = 3;
      std::string names;
      for (std::size_t i = 0; i < chars.size() && i < kNamed; ++i) names += (i ? ", " : "") + describe_code_point(chars[i]);
      if (chars.size() > kNamed) names += " and " + std::to_string(chars.size() - kNamed) + " more";
      const bool plural = chars.size() > 1;
      report_.problem(path, std::string(plural ? "characters " : "character ") + names + " " + canvas_limit_reason(limit, plural));
    }
  }

  void check_drawable_texts() {
    for (const auto& [locale, table] : config_.texts.texts)
      for (const auto& [key, text] : table) check_drawn_characters(text, "texts." + locale + "." + key);
    // Values that placeholders put into texts, and inline articles, are drawn too.
    check_drawn_characters(config_.brand.company_name, "brand.company_name");
    check_drawn_characters(config_.brand.product_family, "brand.product_family");
    for (std::size_t i = 0; i < config_.products.size(); ++i) {
      check_drawn_characters(config_.products[i].name, JsonReader::index("products", i) + ".name");
      check_drawn_characters(config_.products[i].tutorial_url, JsonReader::index("products", i) + ".tutorial_url");
    }
    check_drawn_characters(config_.email.support_domain, "email.support_domain");
    check_drawn_characters(config_.escalation.contact_name, "escalation.contact_name");
    check_drawn_characters(config_.escalation.contact_role, "escalation.contact_role");
    check_drawn_characters(config_.escalation.shift_hours, "escalation.shift_hours");
    for (std::size_t i = 0; i < config_.kb.articles.size(); ++i) {
      const KbArticle& article = config_.kb.articles[i];
      const std::string path = JsonReader::index("kb.articles", i);
      check_drawn_characters(article.title, path + ".title");
      check_drawn_characters(article.body, path + ".body");
    }
  }

  void check_categories() {
    std::map<std::string, std::string> seen;
    for (const Category& category : config_.categories) {
      if (!seen.emplace(category.id, category.path).second)
        report_.problem(JsonReader::child(category.path, "id"),
                        "duplicate category id \"" + category.id + "\" (also at " + seen[category.id] + ")");
      if (!category.flow.empty() && !config_.find_flow(category.flow))
        report_.problem(JsonReader::child(category.path, "flow"), "unknown flow \"" + category.flow + "\"");
      require_text(category.title_key, JsonReader::child(category.path, "title_key"));
      require_text(category.description_key, JsonReader::child(category.path, "description_key"));
    }
  }

  void check_products() {
    std::set<std::string> seen;
    for (std::size_t i = 0; i < config_.products.size(); ++i) {
      if (!seen.insert(config_.products[i].id).second)
        report_.problem(JsonReader::index("products", i) + ".id",
                        "duplicate product id \"" + config_.products[i].id + "\"");
    }
  }

  void check_email() {
    std::set<std::string> seen;
    for (std::size_t i = 0; i < config_.email.spam_folder_advice.size(); ++i) {
      const SpamFolderAdvice& advice = config_.email.spam_folder_advice[i];
      const std::string path = JsonReader::index("email.spam_folder_advice", i);
      if (!seen.insert(advice.provider).second)
        report_.problem(JsonReader::child(path, "provider"), "duplicate provider \"" + advice.provider + "\"");
      require_text(advice.text_key, JsonReader::child(path, "text_key"));
    }
  }

  // An article written for a locale the widget never speaks would never be shown.
  void check_article_locales() {
    const auto& locales = config_.texts.locales;
    for (std::size_t i = 0; i < config_.kb.articles.size(); ++i) {
      const std::string& locale = config_.kb.articles[i].locale;
      if (locale.empty() || std::find(locales.begin(), locales.end(), locale) != locales.end()) continue;
      std::string known;
      for (const std::string& l : locales) known += (known.empty() ? "" : ", ") + l;
      report_.problem(JsonReader::index("kb.articles", i) + ".locale",
                      "\"" + locale + "\" is not a configured locale (" + known + "): the article would never be shown");
    }
  }

  void check_policy() {
    for (const auto& [category_id, minimum] : config_.policy.category_min_description_length) {
      if (!config_.find_category(category_id))
        report_.problem("policy.category_overrides." + category_id, "unknown category \"" + category_id + "\"");
    }
  }

  bool article_ids_checkable() const { return config_.kb.file.empty(); }

  bool known_article(const std::string& id) const {
    for (const KbArticle& article : config_.kb.articles)
      if (article.id == id) return true;
    return false;
  }

  // References inside a condition: steps and their answers, products and categories.
  void check_condition(const Flow& flow, const FlowCondition& condition, const std::string& path) {
    switch (condition.kind) {
      case FlowCondition::Kind::answer: {
        const FlowStep* step = flow.find_step(condition.key);
        if (!step) {
          report_.problem(path, "condition refers to unknown step \"" + condition.key + "\"");
          break;
        }
        for (const std::string& answer : condition.accepted) {
          if (!step->find_answer(answer))
            report_.problem(path, "step \"" + condition.key + "\" has no answer \"" + answer + "\"");
        }
        break;
      }
      case FlowCondition::Kind::context:
        check_context_values(condition.key, condition.accepted, path);
        break;
      default:
        for (const FlowCondition& child : condition.children) check_condition(flow, child, path);
    }
  }

  void check_context_values(const std::string& key, const std::vector<std::string>& values, const std::string& path) {
    for (const std::string& value : values) {
      if (key == "product" && !config_.find_product(value))
        report_.problem(path, "unknown product \"" + value + "\"");
      if (key == "category" && !config_.find_category(value))
        report_.problem(path, "unknown category \"" + value + "\"");
      if (key == "logged_in" && value != "true" && value != "false")
        report_.problem(path, "logged_in is true or false");
    }
  }

  void check_flow(const Flow& flow) {
    require_text(flow.title_key, JsonReader::child(flow.path, "title_key"));
    std::map<std::string, std::size_t> index_of;
    for (std::size_t i = 0; i < flow.steps.size(); ++i) {
      const FlowStep& step = flow.steps[i];
      if (step.id.empty()) continue;
      auto [it, inserted] = index_of.emplace(step.id, i);
      if (!inserted)
        report_.problem(step_path(flow, i) + ".id", "duplicate step id \"" + step.id + "\" (also at " +
                                                        step_path(flow, it->second) + ")");
    }
    if (flow.steps.empty()) return;
    if (!index_of.count(flow.start)) {
      report_.problem(JsonReader::child(flow.path, "start"), "unknown step \"" + flow.start + "\"");
      return;
    }
    for (std::size_t i = 0; i < flow.steps.size(); ++i) check_step(flow, i, index_of);
    check_reachability(flow, index_of);
  }

  std::string step_path(const Flow& flow, std::size_t index) const {
    return JsonReader::index(JsonReader::child(flow.path, "steps"), index);
  }

  void check_step(const Flow& flow, std::size_t index, const std::map<std::string, std::size_t>& index_of) {
    const FlowStep& step = flow.steps[index];
    const std::string path = step_path(flow, index);
    require_text(step.title_key, JsonReader::child(path, "title_key"));
    require_text(step.text_key, JsonReader::child(path, "text_key"));
    for (std::size_t i = 0; i < step.item_keys.size(); ++i)
      require_text(step.item_keys[i], JsonReader::index(JsonReader::child(path, "items"), i));

    std::set<std::string> answer_ids;
    bool any_way_forward = false;
    for (std::size_t a = 0; a < step.answers.size(); ++a) {
      const StepAnswer& answer = step.answers[a];
      const std::string apath = answer_path(path, step, a);
      if (!answer_ids.insert(answer.id).second)
        report_.problem(JsonReader::child(apath, "id"), "duplicate answer id \"" + answer.id + "\"");
      require_text(answer.label_key, label_key_path(path, step, a));
      for (const auto& [key, value] : answer.sets)
        check_context_values(key, {value}, JsonReader::child(JsonReader::child(apath, "set"), key));
      for (const FlowBranch& branch : answer.next.branches) {
        if (!index_of.count(branch.to))
          report_.problem(branch.path, "unknown step \"" + branch.to + "\"");
        if (branch.condition.kind != FlowCondition::Kind::always)
          check_condition(flow, branch.condition, condition_path(branch));
      }
      if (answer.next.empty() && !answer.resolves) {
        report_.problem(apath, "answer \"" + answer.id + "\" has no next step and does not resolve the flow");
      } else if (!answer.next.empty() && !answer.next.has_fallback() && !answer.resolves) {
        report_.problem(JsonReader::child(apath, "next"),
                        "no branch applies when none of the conditions hold: add a last branch without \"if\"");
      }
      any_way_forward = any_way_forward || !answer.next.empty() || answer.resolves;
    }
    if (!step.is_terminal() && !any_way_forward)
      report_.problem(path, "dead end: step \"" + step.id + "\" has no way forward and is not an end or form");

    if (step.type == StepType::kb_check && article_ids_checkable()) {
      for (std::size_t i = 0; i < step.article_ids.size(); ++i) {
        if (!known_article(step.article_ids[i]))
          report_.problem(JsonReader::index(JsonReader::child(path, "article_ids"), i),
                          "unknown article \"" + step.article_ids[i] + "\"");
      }
    }
    if (step.type == StepType::form) check_form(step, path);
  }

  void check_form(const FlowStep& step, const std::string& path) {
    std::set<std::string> field_ids;
    bool has_email = false;
    for (std::size_t f = 0; f < step.fields.size(); ++f) {
      const FormField& field = step.fields[f];
      const std::string fpath = JsonReader::index(JsonReader::child(path, "fields"), f);
      if (!field_ids.insert(field.id).second)
        report_.problem(JsonReader::child(fpath, "id"), "duplicate field id \"" + field.id + "\"");
      require_text(field.label_key, JsonReader::child(fpath, "label_key"));
      require_text(field.help_key, JsonReader::child(fpath, "help_key"));
      if (field.id == "email") has_email = field.required;
    }
    if (!has_email) report_.problem(JsonReader::child(path, "fields"), "a form needs a required \"email\" field to reply to");
    if (step.subject_prefix.find("{escalation.") != std::string::npos && config_.escalation.contact_name.empty())
      report_.problem(JsonReader::child(path, "subject_prefix"), "uses the escalation contact, but escalation.contact_name is not set");
  }

  // Unreachable steps, and reachable steps from which no form/end/resolution can be reached
  // (a cycle with no exit). Conditions are ignored: any branch might be taken.
  void check_reachability(const Flow& flow, const std::map<std::string, std::size_t>& index_of) {
    const std::size_t count = flow.steps.size();
    std::vector<std::vector<std::size_t>> successors(count), predecessors(count);
    std::vector<bool> exits(count, false);
    for (std::size_t i = 0; i < count; ++i) {
      const FlowStep& step = flow.steps[i];
      if (step.is_terminal()) exits[i] = true;
      for (const StepAnswer& answer : step.answers) {
        if (answer.resolves) exits[i] = true;
        for (const FlowBranch& branch : answer.next.branches) {
          auto target = index_of.find(branch.to);
          if (target == index_of.end()) continue;
          successors[i].push_back(target->second);
          predecessors[target->second].push_back(i);
        }
      }
    }
    std::vector<bool> reachable(count, false);
    std::vector<std::size_t> stack{index_of.at(flow.start)};
    reachable[stack.back()] = true;
    while (!stack.empty()) {
      std::size_t at = stack.back();
      stack.pop_back();
      for (std::size_t next : successors[at])
        if (!reachable[next]) reachable[next] = true, stack.push_back(next);
    }
    std::vector<bool> leads_out(count, false);
    for (std::size_t i = 0; i < count; ++i)
      if (exits[i]) leads_out[i] = true, stack.push_back(i);
    while (!stack.empty()) {
      std::size_t at = stack.back();
      stack.pop_back();
      for (std::size_t previous : predecessors[at])
        if (!leads_out[previous]) leads_out[previous] = true, stack.push_back(previous);
    }
    // Among steps that cannot get out, peel off those whose successors all got peeled (they end
    // at a dead end or a broken reference, reported elsewhere). What stays is stuck in a loop.
    std::vector<std::size_t> stuck_successors(count, 0);
    std::vector<bool> peeled(count, false);
    for (std::size_t i = 0; i < count; ++i) {
      if (leads_out[i]) continue;
      stuck_successors[i] = successors[i].size();
      if (stuck_successors[i] == 0) peeled[i] = true, stack.push_back(i);
    }
    while (!stack.empty()) {
      std::size_t at = stack.back();
      stack.pop_back();
      for (std::size_t previous : predecessors[at]) {
        if (leads_out[previous] || peeled[previous]) continue;
        if (--stuck_successors[previous] == 0) peeled[previous] = true, stack.push_back(previous);
      }
    }
    for (std::size_t i = 0; i < count; ++i) {
      const FlowStep& step = flow.steps[i];
      if (!reachable[i]) {
        report_.problem(step_path(flow, i), "step \"" + step.id + "\" is unreachable from the start step \"" + flow.start + "\"");
      } else if (!leads_out[i] && !peeled[i]) {
        report_.problem(step_path(flow, i), "step \"" + step.id + "\" loops without an exit: it never reaches a form or an end");
      }
    }
  }

  const Config& config_;
  JsonReader report_;
};

}  // namespace

const std::vector<std::string>& builtin_text_keys() {
  static const std::vector<std::string> keys = {
      "flow.resolved.title", "flow.resolved.text",  "flow.broken.title",     "flow.broken.text",
      "form.error.required", "form.error.too_short", "form.error.too_long", "form.error.invalid_email",
  };
  return keys;
}

ConfigProblems lint_config(const Config& config) {
  ConfigProblems problems;
  Linter(config, problems).run();
  lint_screening(config, problems);
  lint_attachments(config, problems);
  return problems;
}

ConfigProblems lint_config_text(std::string_view json_text, const TextsFileReader& read_texts_file) {
  ConfigParseResult parsed = parse_config(json_text);
  ConfigProblems problems = std::move(parsed.problems);
  if (!parsed.document_read) return problems;
  if (read_texts_file)
    for (ConfigProblem& problem : load_locale_files(parsed.config.texts, read_texts_file)) problems.push_back(std::move(problem));
  for (ConfigProblem& problem : lint_config(parsed.config)) {
    if (problems.size() > kMaxJsonProblems) break;
    problems.push_back(std::move(problem));
  }
  return problems;
}

std::vector<std::string> format_problems(const ConfigProblems& problems) {
  std::vector<std::string> lines;
  lines.reserve(problems.size());
  for (const ConfigProblem& problem : problems) lines.push_back(format_problem(problem));
  return lines;
}

}  // namespace support
