#include "run/flow_run.h"

#include "config/config_text.h"

#include <algorithm>

namespace support {

namespace {
FlowStep builtin_end(const char* id, bool resolved, const char* title_key, const char* text_key) {
  FlowStep step;
  step.id = id;
  step.type = StepType::end;
  step.resolved = resolved;
  step.title_key = title_key;
  step.text_key = text_key;
  return step;
}
}  // namespace

FlowRun::FlowRun(const Config& config, const Flow& flow, FlowContext context, std::string locale)
    : config_(&config),
      flow_(&flow),
      initial_context_(std::move(context)),
      locale_(locale.empty() ? config.texts.default_locale : std::move(locale)),
      resolved_step_(builtin_end(kResolvedStepId, true, "flow.resolved.title", "flow.resolved.text")),
      broken_step_(builtin_end(kBrokenStepId, false, "flow.broken.title", "flow.broken.text")) {
  path_.push_back({flow.start, std::nullopt});
}

std::optional<FlowRun> FlowRun::for_category(const Config& config, const std::string& category_id,
                                             FlowContext context, std::string locale) {
  const Category* category = config.find_category(category_id);
  if (!category) return std::nullopt;
  const Flow* flow = config.find_flow(category->flow);
  if (!flow) return std::nullopt;
  context.set("category", category_id);
  return FlowRun(config, *flow, std::move(context), std::move(locale));
}

FlowRun FlowRun::starting_at(const Config& config, const Flow& flow, const std::string& step_id,
                             FlowContext context, std::string locale) {
  FlowRun run(config, flow, std::move(context), std::move(locale));
  run.path_.front().step_id = step_id;
  return run;
}

const FlowStep* FlowRun::step_at(std::size_t index) const {
  if (index >= path_.size()) return nullptr;
  const std::string& id = path_[index].step_id;
  if (id == kResolvedStepId) return &resolved_step_;
  return flow_->find_step(id);
}

const FlowStep& FlowRun::current_step() const {
  const FlowStep* step = step_at(position_);
  return step ? *step : broken_step_;
}

FlowContext FlowRun::context_at(std::size_t index, const std::string* pending_answer) const {
  FlowContext context = initial_context_;
  auto apply = [&](std::size_t at, const std::string& answer_id) {
    const FlowStep* step = step_at(at);
    const StepAnswer* answer = step ? step->find_answer(answer_id) : nullptr;
    if (!answer) return;
    for (const auto& [key, value] : answer->sets) context.set(key, value);
  };
  for (std::size_t i = 0; i < index && i < path_.size(); ++i)
    if (path_[i].answer) apply(i, *path_[i].answer);
  if (pending_answer) apply(index, *pending_answer);
  return context;
}

const std::string* FlowRun::answer_before(std::size_t index, const std::string& step_id) const {
  for (std::size_t i = std::min(index, path_.size()); i-- > 0;)
    if (path_[i].step_id == step_id && path_[i].answer) return &*path_[i].answer;
  return nullptr;
}

std::optional<std::string> FlowRun::target_for(std::size_t index, const StepAnswer& answer) const {
  if (answer.next.empty()) {
    if (answer.resolves) return std::string(kResolvedStepId);
    return std::nullopt;
  }
  const FlowContext context = context_at(index, &answer.id);
  const std::string& here = path_[index].step_id;
  ConditionInputs inputs;
  // The answer being given counts as this step's answer, so a branch may test it directly.
  inputs.answer_of = [&](const std::string& step_id) -> const std::string* {
    if (step_id == here) return &answer.id;
    return answer_before(index, step_id);
  };
  inputs.context_value = [&](const std::string& key) { return context.get(key); };
  const std::string* target = answer.next.resolve(inputs);
  if (!target) {
    if (answer.resolves) return std::string(kResolvedStepId);
    return std::nullopt;
  }
  if (!flow_->find_step(*target)) return std::nullopt;  // broken reference: lint reports it
  return *target;
}

std::vector<const StepAnswer*> FlowRun::available_answers() const {
  std::vector<const StepAnswer*> result;
  const FlowStep& step = current_step();
  if (step.is_terminal()) return result;
  for (const StepAnswer& answer : step.answers)
    if (target_for(position_, answer)) result.push_back(&answer);
  return result;
}

const std::string* FlowRun::previous_answer() const {
  const FlowPathEntry& entry = path_[position_];
  if (entry.answer) return &*entry.answer;
  for (const auto& [step_id, answer] : remembered_)
    if (step_id == entry.step_id) return &answer;
  return nullptr;
}

void FlowRun::truncate_after(std::size_t index) {
  for (std::size_t i = index + 1; i < path_.size(); ++i) {
    if (!path_[i].answer) continue;
    auto it = std::find_if(remembered_.begin(), remembered_.end(),
                           [&](const auto& item) { return item.first == path_[i].step_id; });
    if (it != remembered_.end()) {
      it->second = *path_[i].answer;
    } else {
      remembered_.emplace_back(path_[i].step_id, *path_[i].answer);
    }
  }
  if (index + 1 < path_.size()) path_.resize(index + 1);
}

// After an answer changed, later answers may now lead elsewhere (conditions, context values).
// Walk the kept route and cut it where it no longer follows from the answers.
void FlowRun::revalidate_after(std::size_t index) {
  for (std::size_t i = index; i + 1 < path_.size(); ++i) {
    const FlowStep* step = step_at(i);
    const StepAnswer* answer = (step && path_[i].answer) ? step->find_answer(*path_[i].answer) : nullptr;
    std::optional<std::string> target = answer ? target_for(i, *answer) : std::nullopt;
    if (!target) {
      truncate_after(i);
      path_[i].answer.reset();
      return;
    }
    if (*target != path_[i + 1].step_id) {
      truncate_after(i);
      path_.push_back({*target, std::nullopt});
      return;
    }
  }
}

bool FlowRun::answer(const std::string& answer_id) {
  const FlowStep& step = current_step();
  if (step.is_terminal()) return false;
  const StepAnswer* answer = step.find_answer(answer_id);
  if (!answer) return false;
  std::optional<std::string> target = target_for(position_, *answer);
  if (!target) return false;
  const bool keeps_route = can_go_forward() && path_[position_ + 1].step_id == *target;
  // The length limit stops endless loops, but never blocks the way out ("fixed", a form, an end).
  const FlowStep* target_step = *target == kResolvedStepId ? &resolved_step_ : flow_->find_step(*target);
  const bool leads_out = target_step && target_step->is_terminal();
  if (!keeps_route && !leads_out && position_ + 1 >= kMaxPathLength) return false;
  path_[position_].answer = answer_id;
  if (keeps_route) {
    ++position_;
    revalidate_after(position_);
  } else {
    truncate_after(position_);
    path_.push_back({*target, std::nullopt});
    ++position_;
  }
  return true;
}

bool FlowRun::back() {
  if (!can_go_back()) return false;
  --position_;
  return true;
}

bool FlowRun::forward() {
  if (!can_go_forward()) return false;
  ++position_;
  return true;
}

bool FlowRun::is_resolved() const {
  const FlowStep& step = current_step();
  return step.type == StepType::end && step.resolved;
}

bool FlowRun::reached_form() const { return current_step().type == StepType::form; }

bool FlowRun::is_finished() const { return current_step().is_terminal(); }

FlowContext FlowRun::context() const { return context_at(position_, nullptr); }

std::string FlowRun::subject_prefix() const {
  const FlowStep& step = current_step();
  if (step.type != StepType::form) return "";
  return expand_config_placeholders(*config_, step.subject_prefix, context().value_or("product"));
}

std::string FlowRun::text(const std::string& key) const {
  return config_text(*config_, locale_, key, context().value_or("product"));
}

std::string FlowRun::title_for_log(const FlowStep& step, const std::string& product_id) const {
  const std::string& key = !step.title_key.empty() ? step.title_key : step.text_key;
  if (key.empty()) return step.id;
  return config_text(*config_, locale_, key, product_id);
}

nlohmann::json FlowRun::log() const {
  nlohmann::json entries = nlohmann::json::array();
  for (std::size_t i = 0; i <= position_ && i < path_.size(); ++i) {
    const FlowStep* step = step_at(i);
    if (!step) step = &broken_step_;
    const std::string product = context_at(i, nullptr).value_or("product");
    nlohmann::json entry = {
        {"step", path_[i].step_id},
        {"type", step_type_name(step->type)},
        {"title", title_for_log(*step, product)},
    };
    if (i < position_ && path_[i].answer) {
      const std::string& answer_id = *path_[i].answer;
      entry["answer"] = answer_id;
      const StepAnswer* answer = step->find_answer(answer_id);
      entry["label"] = answer ? config_text(*config_, locale_, answer->label_key, product) : answer_id;
      if (answer && !answer->sets.empty()) entry["set"] = answer->sets;
    } else if (i < position_) {
      continue;  // not answered: cannot happen on a walked route, but never log half an entry
    } else if (step->is_terminal()) {
      if (step->type == StepType::end) entry["resolved"] = step->resolved;
    } else {
      continue;  // the step the customer is looking at has no answer yet
    }
    entries.push_back(std::move(entry));
  }
  return entries;
}

}  // namespace support
