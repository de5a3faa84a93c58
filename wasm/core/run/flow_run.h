#pragma once
// Runs one flow for one customer: which step they are on, what they answered, where they came
// from. The path is kept so Back/Forward work like a browser's history, and so the log staff
// read later is exactly the route the customer took.
//
// Back never forgets: going back and then Forward returns through the same answers. Answering a
// step again with a different answer keeps later steps as long as they are still on the route;
// where the route changes, the steps that are no longer on it are dropped.
//
// The Config (and the Flow inside it) must outlive the run.
#include "config/config.h"
#include "flow/flow_context.h"

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <vector>

namespace support {

struct FlowPathEntry {
  std::string step_id;
  std::optional<std::string> answer;  // set once the customer answered this visit
};

class FlowRun {
 public:
  // Starts at the flow's start step. `locale` is used for the readable titles in the log.
  FlowRun(const Config& config, const Flow& flow, FlowContext context, std::string locale = "");

  // Starts the flow configured for a category; sets context "category". nullopt if the category
  // or its flow does not exist.
  static std::optional<FlowRun> for_category(const Config& config, const std::string& category_id,
                                             FlowContext context, std::string locale = "");

  // Starts at `step_id` instead of the flow's start step (staff preview of an unreachable step).
  static FlowRun starting_at(const Config& config, const Flow& flow, const std::string& step_id,
                             FlowContext context, std::string locale = "");

  const Flow& flow() const { return *flow_; }
  const std::string& locale() const { return locale_; }

  // The step to draw. Always valid: a finished "fixed it" shows a built-in resolved end step,
  // and a broken reference shows a built-in unresolved end step.
  const FlowStep& current_step() const;
  // Answers the UI may offer now (conditions on the route are evaluated; answers that lead
  // nowhere are left out).
  std::vector<const StepAnswer*> available_answers() const;
  // The answer given at this step earlier (after Back), or remembered from a dropped route; for
  // pre-selecting a button. nullptr if none.
  const std::string* previous_answer() const;

  // Gives an answer at the current step and moves on. false (and nothing changes) if the answer
  // is unknown here, the step is terminal, or the answer leads nowhere.
  bool answer(const std::string& answer_id);

  bool can_go_back() const { return position_ > 0; }
  bool back();
  bool can_go_forward() const { return position_ + 1 < path_.size(); }
  bool forward();

  bool is_resolved() const;    // at a resolved end, or "fixed it" / "this answered it"
  bool reached_form() const;   // at a form step
  bool is_finished() const;    // at a form or an end: nothing more to answer

  // The context as it stands at the current step (initial values + values set on the route).
  FlowContext context() const;
  // A text for the current step in the run's locale, with placeholders filled in (including
  // {product.name} / {product.tutorial_url} for the product chosen so far). Use for every key
  // a step exposes: title_key, text_key, item_keys, answer label_key, field label_key/help_key.
  std::string text(const std::string& key) const;
  // The form's subject prefix with placeholders filled in; empty when not at a form.
  std::string subject_prefix() const;

  // The route up to the current step, for the ticket's `troubleshooting` field:
  // [{"step","type","title","answer","label"[,"set"]}, ..., {"step","type":"form","title"}]
  nlohmann::json log() const;

  const std::vector<FlowPathEntry>& path() const { return path_; }
  std::size_t position() const { return position_; }

  static constexpr const char* kResolvedStepId = "#resolved";
  static constexpr const char* kBrokenStepId = "#broken";
  // A route longer than this is refused, except for a last step out (resolution, form, end):
  // flows may loop ("try again"), but not without bound.
  static constexpr std::size_t kMaxPathLength = 400;

 private:
  const FlowStep* step_at(std::size_t index) const;
  FlowContext context_at(std::size_t index, const std::string* pending_answer) const;
  const std::string* answer_before(std::size_t index, const std::string& step_id) const;
  // Where answering `answer` at path index `index` leads; nullopt when nowhere.
  std::optional<std::string> target_for(std::size_t index, const StepAnswer& answer) const;
  void revalidate_after(std::size_t index);
  void truncate_after(std::size_t index);
  std::string title_for_log(const FlowStep& step, const std::string& product_id) const;

  const Config* config_;
  const Flow* flow_;
  FlowContext initial_context_;
  std::string locale_;
  std::vector<FlowPathEntry> path_;
  std::size_t position_ = 0;
  std::vector<std::pair<std::string, std::string>> remembered_;  // step id -> answer on dropped routes
  FlowStep resolved_step_;
  FlowStep broken_step_;
};

}  // namespace support
