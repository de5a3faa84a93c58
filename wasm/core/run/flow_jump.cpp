#include "run/flow_jump.h"

#include <deque>
#include <map>
#include <set>

namespace support {

namespace {

// A real flow has tens of states; this bounds time and memory (each queued run holds its path).
constexpr std::size_t kMaxExpanded = 5000;

// What decides where a run can go from here: the step, the last answer given at each step, and
// the context values set so far.
std::string state_key(const FlowRun& run) {
  std::map<std::string, std::string> answers;
  for (std::size_t i = 0; i < run.position(); ++i)
    if (run.path()[i].answer) answers[run.path()[i].step_id] = *run.path()[i].answer;
  std::string key = run.current_step().id;
  for (const auto& [step, answer] : answers) key += '\n' + step + '=' + answer;
  key += '\n';
  for (const auto& [name, value] : run.context().values) key += '\n' + name + '=' + value;
  return key;
}

}  // namespace

std::optional<FlowRun> run_to_step(const Config& config, const Flow& flow, const std::string& step_id,
                                   const FlowContext& context, const std::string& locale) {
  if (!flow.find_step(step_id)) return std::nullopt;
  // Breadth first over runs, so every branch is evaluated exactly as the engine would. Later
  // branches may test earlier answers and context values, so a state is the step plus those;
  // the same state reached again is not expanded again. Flows are tens of steps, but a bound
  // keeps a pathological configuration from taking long.
  std::deque<FlowRun> queue;
  std::set<std::string> seen;
  queue.emplace_back(config, flow, context, locale);
  seen.insert(state_key(queue.front()));
  for (std::size_t expanded = 0; !queue.empty() && expanded < kMaxExpanded; ++expanded) {
    FlowRun run = std::move(queue.front());
    queue.pop_front();
    if (run.current_step().id == step_id) return run;
    for (const StepAnswer* answer : run.available_answers()) {
      FlowRun next = run;
      if (!next.answer(answer->id)) continue;
      if (!seen.insert(state_key(next)).second) continue;
      queue.push_back(std::move(next));
    }
  }
  return FlowRun::starting_at(config, flow, step_id, context, locale);
}

}  // namespace support
