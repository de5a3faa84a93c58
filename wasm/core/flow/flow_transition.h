#pragma once
// Where an answer leads. `next` in JSON is either a step id ("check_cache") or an ordered list of
// branches [{"if": <condition>, "to": "a"}, {"to": "b"}]: the first branch whose condition holds wins.
#include "flow/flow_condition.h"

#include <string>
#include <vector>

namespace support {

struct FlowBranch {
  FlowCondition condition;  // Kind::always when the branch has no "if"
  std::string to;           // step id
  std::string path;         // JSON path of the branch target, for lint messages
};

struct FlowTransition {
  std::vector<FlowBranch> branches;  // empty: the answer leads nowhere (only valid if it resolves)

  bool empty() const { return branches.empty(); }
  // True when some branch has no condition, so the transition can never come up empty.
  bool has_fallback() const;
  // The target for these inputs, or nullptr when no branch matches.
  const std::string* resolve(const ConditionInputs& inputs) const;
};

}  // namespace support
