#include "flow/flow_condition.h"

#include <algorithm>

namespace support {

namespace {
bool contains(const std::vector<std::string>& list, const std::string& value) {
  return std::find(list.begin(), list.end(), value) != list.end();
}
}  // namespace

bool evaluate_condition(const FlowCondition& condition, const ConditionInputs& inputs) {
  switch (condition.kind) {
    case FlowCondition::Kind::always:
      return true;
    case FlowCondition::Kind::answer: {
      const std::string* answer = inputs.answer_of ? inputs.answer_of(condition.key) : nullptr;
      return answer && contains(condition.accepted, *answer);
    }
    case FlowCondition::Kind::context: {
      const std::string* value = inputs.context_value ? inputs.context_value(condition.key) : nullptr;
      // An unset boolean context value counts as false, so {"logged_in": false} matches a guest.
      if (!value) return contains(condition.accepted, "false") || contains(condition.accepted, "");
      return contains(condition.accepted, *value);
    }
    case FlowCondition::Kind::all:
      for (const FlowCondition& child : condition.children)
        if (!evaluate_condition(child, inputs)) return false;
      return true;
    case FlowCondition::Kind::any:
      for (const FlowCondition& child : condition.children)
        if (evaluate_condition(child, inputs)) return true;
      return false;
    case FlowCondition::Kind::negate:
      return condition.children.empty() || !evaluate_condition(condition.children.front(), inputs);
  }
  return false;
}

}  // namespace support
