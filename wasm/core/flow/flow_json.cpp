#include "flow/flow_json.h"


namespace support {

namespace {

using json = nlohmann::json;

std::string context_value_text(const json& value) {
  if (value.is_boolean()) return value.get<bool>() ? "true" : "false";
  return value.get<std::string>();
}

bool context_condition_from_json(const json& value, const std::string& path, JsonReader& reader,
                                 FlowCondition& out) {
  if (!reader.expect_object(value, path)) return false;
  if (value.empty()) {
    reader.problem(path, "expected at least one context key");
    return false;
  }
  FlowCondition all;
  all.kind = FlowCondition::Kind::all;
  bool ok = true;
  for (auto it = value.begin(); it != value.end(); ++it) {
    const std::string item_path = JsonReader::child(path, it.key());
    FlowCondition single;
    single.kind = FlowCondition::Kind::context;
    single.key = it.key();
    const json& expected = it.value();
    if (expected.is_string() || expected.is_boolean()) {
      single.accepted.push_back(context_value_text(expected));
    } else if (expected.is_array() && !expected.empty()) {
      for (std::size_t i = 0; i < expected.size(); ++i) {
        if (expected[i].is_string() || expected[i].is_boolean()) {
          single.accepted.push_back(context_value_text(expected[i]));
        } else {
          reader.problem(JsonReader::index(item_path, i),
                         "expected a string or true/false, found " + describe_json_type(expected[i]));
          ok = false;
        }
      }
    } else {
      reader.problem(item_path, "expected a string, true/false or a non-empty list of strings, found " +
                                    describe_json_type(expected));
      ok = false;
      continue;
    }
    all.children.push_back(std::move(single));
  }
  if (!ok) return false;
  out = all.children.size() == 1 ? std::move(all.children.front()) : std::move(all);
  return true;
}

bool answer_condition_from_json(const json& value, const std::string& path, JsonReader& reader,
                                FlowCondition& out) {
  if (!reader.expect_object(value, path)) return false;
  reader.check_known_keys(value, path, {"step", "is", "in"});
  FlowCondition condition;
  condition.kind = FlowCondition::Kind::answer;
  bool ok = reader.read_string(value, "step", path, condition.key, true);
  std::string single;
  const bool has_is = value.contains("is");
  const bool has_in = value.contains("in");
  if (has_is == has_in) {
    reader.problem(path, "expected exactly one of \"is\" (an answer id) or \"in\" (a list of answer ids)");
    return false;
  }
  if (has_is) {
    ok = reader.read_string(value, "is", path, single, true) && ok;
    condition.accepted.push_back(single);
  } else {
    ok = reader.read_string_list(value, "in", path, condition.accepted, true) && ok;
    if (ok && condition.accepted.empty()) {
      reader.problem(JsonReader::child(path, "in"), "expected at least one answer id");
      ok = false;
    }
  }
  if (ok) out = std::move(condition);
  return ok;
}

}  // namespace

bool condition_from_json(const json& value, const std::string& path, JsonReader& reader,
                         FlowCondition& out, int depth) {
  if (depth >= kMaxConditionDepth) {
    reader.problem(path, "condition nested too deeply (limit " + std::to_string(kMaxConditionDepth) + ")");
    return false;
  }
  if (!reader.expect_object(value, path)) return false;
  if (value.size() != 1) {
    reader.problem(path, "a condition has exactly one of \"answer\", \"context\", \"all\", \"any\", \"not\"");
    return false;
  }
  const std::string& kind = value.begin().key();
  const json& body = value.begin().value();
  const std::string body_path = JsonReader::child(path, kind);
  if (kind == "answer") return answer_condition_from_json(body, body_path, reader, out);
  if (kind == "context") return context_condition_from_json(body, body_path, reader, out);
  if (kind == "not") {
    FlowCondition child;
    if (!condition_from_json(body, body_path, reader, child, depth + 1)) return false;
    out = FlowCondition{};
    out.kind = FlowCondition::Kind::negate;
    out.children.push_back(std::move(child));
    return true;
  }
  if (kind == "all" || kind == "any") {
    if (!reader.expect_array(body, body_path)) return false;
    if (body.empty()) {
      reader.problem(body_path, "expected at least one condition");
      return false;
    }
    FlowCondition group;
    group.kind = kind == "all" ? FlowCondition::Kind::all : FlowCondition::Kind::any;
    bool ok = true;
    for (std::size_t i = 0; i < body.size(); ++i) {
      FlowCondition child;
      if (condition_from_json(body[i], JsonReader::index(body_path, i), reader, child, depth + 1)) {
        group.children.push_back(std::move(child));
      } else {
        ok = false;
      }
    }
    if (ok) out = std::move(group);
    return ok;
  }
  reader.problem(body_path, "unknown condition kind (use \"answer\", \"context\", \"all\", \"any\" or \"not\")");
  return false;
}

namespace {

// The HTML autofill hints a support form can use (a subset of the HTML standard's list): the
// browser fills these from what it knows about the customer.
constexpr const char* kAutocompleteTokens[] = {"off", "name", "given-name", "family-name", "nickname", "email",
                                               "username", "organization", "organization-title", "tel", "url",
                                               "street-address", "postal-code", "country-name"};

bool is_autocomplete_token(const std::string& token) {
  for (const char* known : kAutocompleteTokens)
    if (token == known) return true;
  return false;
}

std::string autocomplete_token_list() {
  std::string list;
  for (const char* known : kAutocompleteTokens) list += (list.empty() ? "" : ", ") + std::string(known);
  return list;
}

// `next`: a step id, or a list of {"if": condition, "to": step id} branches.
FlowTransition transition_from_json(const json& value, const std::string& path, JsonReader& reader) {
  FlowTransition transition;
  if (value.is_string()) {
    transition.branches.push_back({FlowCondition{}, value.get<std::string>(), path});
    return transition;
  }
  if (!value.is_array()) {
    reader.problem(path, "expected a step id or a list of {\"if\", \"to\"} branches, found " +
                             describe_json_type(value));
    return transition;
  }
  reader.for_each_object(value, path, {"if", "to"}, [&](const json& item, const std::string& branch_path) {
    FlowBranch branch;
    branch.path = JsonReader::child(branch_path, "to");
    if (!reader.read_string(item, "to", branch_path, branch.to, true)) return;
    if (const json* condition = reader.member(item, "if", branch_path, false)) {
      if (!condition_from_json(*condition, JsonReader::child(branch_path, "if"), reader, branch.condition))
        return;
    }
    transition.branches.push_back(std::move(branch));
  });
  return transition;
}

FlowTransition optional_next(const json& object, const std::string& path, JsonReader& reader) {
  if (const json* next = reader.member(object, "next", path, false))
    return transition_from_json(*next, JsonReader::child(path, "next"), reader);
  return {};
}

// Outcomes of a checklist or options of a choice: [{id, label_key, next, resolves, set}].
void answers_from_json(const json& step, const char* key, const std::string& step_path, bool allow_set,
                       JsonReader& reader, FlowStep& out) {
  const json* list = reader.member(step, key, step_path, true);
  if (!list) return;
  // Static, so the lists outlive the call (an initializer_list does not own its elements).
  static const std::initializer_list<const char*> kOptionKeys = {"id", "label_key", "next", "resolves", "set"};
  static const std::initializer_list<const char*> kOutcomeKeys = {"id", "label_key", "next", "resolves"};
  reader.for_each_object(*list, JsonReader::child(step_path, key), allow_set ? kOptionKeys : kOutcomeKeys,
                         [&](const json& item, const std::string& item_path) {
    StepAnswer answer;
    if (!reader.read_string(item, "id", item_path, answer.id, true)) return;
    reader.check_id(answer.id, JsonReader::child(item_path, "id"));
    reader.read_string(item, "label_key", item_path, answer.label_key, true);
    // "fixed" means the customer's problem is gone: it ends the flow unless told otherwise.
    answer.resolves = answer.id == "fixed";
    reader.read_bool(item, "resolves", item_path, answer.resolves);
    answer.next = optional_next(item, item_path, reader);
    if (allow_set) {
      if (const json* set = reader.member(item, "set", item_path, false)) {
        const std::string set_path = JsonReader::child(item_path, "set");
        if (reader.expect_object(*set, set_path)) {
          for (auto it = set->begin(); it != set->end(); ++it) {
            if (it.value().is_string() || it.value().is_boolean()) {
              answer.sets[it.key()] = context_value_text(it.value());
            } else {
              reader.problem(JsonReader::child(set_path, it.key()),
                             "expected a string or true/false, found " + describe_json_type(it.value()));
            }
          }
        }
      }
    }
    out.answers.push_back(std::move(answer));
  });
}

void form_fields_from_json(const json& step, const std::string& step_path, JsonReader& reader, FlowStep& out) {
  const json* list = reader.member(step, "fields", step_path, true);
  if (!list) return;
  reader.for_each_object(*list, JsonReader::child(step_path, "fields"),
                         {"id", "label_key", "help_key", "type", "autocomplete", "required", "min_length",
                          "max_length"},
                         [&](const json& item, const std::string& item_path) {
    FormField field;
    if (!reader.read_string(item, "id", item_path, field.id, true)) return;
    reader.check_id(field.id, JsonReader::child(item_path, "id"));
    reader.read_string(item, "label_key", item_path, field.label_key, true);
    reader.read_string(item, "help_key", item_path, field.help_key);
    std::string type = field.id == "email" ? "email" : field.id == "description" ? "textarea" : "text";
    if (reader.read_string(item, "type", item_path, type)) {
      if (type != "text" && type != "textarea" && type != "email" && type != "attachments") {
        reader.problem(JsonReader::child(item_path, "type"),
                       "unknown field type \"" + type + "\" (use text, textarea, email or attachments)");
        type = "text";
      }
    }
    field.type = type == "email" ? FormFieldType::email
                 : type == "textarea" ? FormFieldType::textarea
                 : type == "attachments" ? FormFieldType::attachments : FormFieldType::text;
    const FieldPurpose purpose = field_purpose(field.id);
    field.autocomplete = purpose == FieldPurpose::name ? "name" : purpose == FieldPurpose::email ? "email" : "off";
    std::string autocomplete;
    if (reader.read_string(item, "autocomplete", item_path, autocomplete)) {
      if (is_autocomplete_token(autocomplete)) {
        field.autocomplete = autocomplete;
      } else {
        reader.problem(JsonReader::child(item_path, "autocomplete"),
                       "unknown autofill hint \"" + autocomplete + "\" (use " + autocomplete_token_list() + ")");
      }
    }
    reader.read_bool(item, "required", item_path, field.required);
    reader.read_int(item, "min_length", item_path, field.min_length, 0, 100000);
    reader.read_int(item, "max_length", item_path, field.max_length, 0, 100000);
    if (field.max_length > 0 && field.min_length > field.max_length)
      reader.problem(item_path, "min_length is larger than max_length");
    out.fields.push_back(std::move(field));
  });
}

// One way forward for info/advice, labelled "Continue" unless the step says otherwise.
void continue_answer_from_json(const json& step, const std::string& step_path, JsonReader& reader,
                               FlowStep& out) {
  StepAnswer answer;
  answer.id = "continue";
  answer.label_key = kContinueLabelKey;
  reader.read_string(step, "continue_label_key", step_path, answer.label_key);
  if (!reader.member(step, "next", step_path, true)) return;
  answer.next = optional_next(step, step_path, reader);
  out.answers.push_back(std::move(answer));
}

void kb_check_answers_from_json(const json& step, const std::string& step_path, JsonReader& reader,
                                FlowStep& out) {
  StepAnswer answered;
  answered.id = "answered";
  answered.label_key = kKbAnsweredLabelKey;
  answered.resolves = true;
  reader.read_string(step, "answered_label_key", step_path, answered.label_key);
  StepAnswer not_answered;
  not_answered.id = "not_answered";
  not_answered.label_key = kKbNotAnsweredLabelKey;
  reader.read_string(step, "not_answered_label_key", step_path, not_answered.label_key);
  if (reader.member(step, "next", step_path, true))
    not_answered.next = optional_next(step, step_path, reader);
  out.answers.push_back(std::move(answered));
  out.answers.push_back(std::move(not_answered));
}

FlowStep step_from_json(const json& value, const std::string& path, JsonReader& reader) {
  FlowStep step;
  if (!reader.expect_object(value, path)) return step;
  if (reader.read_string(value, "id", path, step.id, true))
    reader.check_id(step.id, JsonReader::child(path, "id"));
  std::string type_name;
  if (!reader.read_string(value, "type", path, type_name, true)) return step;
  if (!step_type_from_name(type_name, step.type)) {
    reader.problem(JsonReader::child(path, "type"),
                   "unknown step type \"" + type_name +
                       "\" (use info, checklist, choice, kb_check, form, advice or end)");
    return step;
  }
  reader.read_string(value, "title_key", path, step.title_key);
  reader.read_string(value, "text_key", path, step.text_key);
  switch (step.type) {
    case StepType::info:
      reader.check_known_keys(value, path, {"id", "type", "title_key", "text_key", "next", "continue_label_key"});
      continue_answer_from_json(value, path, reader, step);
      break;
    case StepType::advice:
      reader.check_known_keys(value, path,
                              {"id", "type", "title_key", "text_key", "items", "next", "continue_label_key"});
      reader.read_string_list(value, "items", path, step.item_keys);
      continue_answer_from_json(value, path, reader, step);
      break;
    case StepType::checklist:
      reader.check_known_keys(value, path, {"id", "type", "title_key", "text_key", "items", "outcomes"});
      reader.read_string_list(value, "items", path, step.item_keys);
      answers_from_json(value, "outcomes", path, false, reader, step);
      break;
    case StepType::choice:
      reader.check_known_keys(value, path, {"id", "type", "title_key", "text_key", "options"});
      answers_from_json(value, "options", path, true, reader, step);
      break;
    case StepType::kb_check:
      reader.check_known_keys(value, path,
                              {"id", "type", "title_key", "text_key", "query", "article_ids", "next",
                               "answered_label_key", "not_answered_label_key"});
      reader.read_string(value, "query", path, step.kb_query);
      reader.read_string_list(value, "article_ids", path, step.article_ids);
      if (step.kb_query.empty() && step.article_ids.empty())
        reader.problem(path, "a kb_check needs a \"query\" or \"article_ids\"");
      kb_check_answers_from_json(value, path, reader, step);
      break;
    case StepType::form:
      reader.check_known_keys(value, path,
                              {"id", "type", "title_key", "text_key", "fields", "subject_prefix",
                               "asks_login_details"});
      form_fields_from_json(value, path, reader, step);
      reader.read_string(value, "subject_prefix", path, step.subject_prefix);
      reader.read_bool(value, "asks_login_details", path, step.asks_login_details);
      break;
    case StepType::end:
      reader.check_known_keys(value, path, {"id", "type", "title_key", "text_key", "resolved"});
      reader.read_bool(value, "resolved", path, step.resolved, true);
      break;
  }
  return step;
}

}  // namespace

Flow flow_from_json(const json& value, const std::string& flow_id, const std::string& path, JsonReader& reader) {
  Flow flow;
  flow.id = flow_id;
  flow.path = path;
  if (!reader.expect_object(value, path)) return flow;
  reader.check_known_keys(value, path, {"title_key", "start", "steps"});
  reader.read_string(value, "title_key", path, flow.title_key);
  const json* steps = reader.member(value, "steps", path, true);
  if (steps) {
    const std::string steps_path = JsonReader::child(path, "steps");
    if (reader.expect_array(*steps, steps_path)) {
      if (steps->empty()) reader.problem(steps_path, "a flow needs at least one step");
      for (std::size_t i = 0; i < steps->size(); ++i)
        flow.steps.push_back(step_from_json((*steps)[i], JsonReader::index(steps_path, i), reader));
    }
  }
  if (!reader.read_string(value, "start", path, flow.start) && !flow.steps.empty())
    flow.start = flow.steps.front().id;
  return flow;
}

}  // namespace support
