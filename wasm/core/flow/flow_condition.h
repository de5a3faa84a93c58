#pragma once
// A condition on a transition, written as JSON data (no expression language to parse):
//   {"answer":  {"step": "pick_plugin", "is": "seo_pro"}}            latest answer on the path
//   {"answer":  {"step": "pick_plugin", "in": ["seo_pro", "forms"]}}
//   {"context": {"logged_in": true, "product": "seo_pro"}}           every listed key must match;
//                                                                    a list value means "any of"
//   {"all": [c1, c2]}   {"any": [c1, c2]}   {"not": c}
#include <functional>
#include <string>
#include <vector>

namespace support {

struct FlowCondition {
  enum class Kind { always, answer, context, all, any, negate };
  Kind kind = Kind::always;
  std::string key;                      // answer: step id; context: context key
  std::vector<std::string> accepted;    // answer ids / context values ("true"/"false" for booleans)
  std::vector<FlowCondition> children;  // all / any / negate (one child)
};

// What a condition may look at. Lookups return nullptr when the step was not answered on the
// current path or the context value is unset.
struct ConditionInputs {
  std::function<const std::string*(const std::string& step_id)> answer_of;
  std::function<const std::string*(const std::string& context_key)> context_value;
};

bool evaluate_condition(const FlowCondition& condition, const ConditionInputs& inputs);

// Nesting limit for all/any/not, enforced by the parser: keeps evaluation and destruction shallow.
constexpr int kMaxConditionDepth = 8;

}  // namespace support
