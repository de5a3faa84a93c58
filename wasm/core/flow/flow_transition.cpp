#include "flow/flow_transition.h"

namespace support {

bool FlowTransition::has_fallback() const {
  for (const FlowBranch& branch : branches)
    if (branch.condition.kind == FlowCondition::Kind::always) return true;
  return false;
}

const std::string* FlowTransition::resolve(const ConditionInputs& inputs) const {
  for (const FlowBranch& branch : branches)
    if (evaluate_condition(branch.condition, inputs)) return &branch.to;
  return nullptr;
}

}  // namespace support
