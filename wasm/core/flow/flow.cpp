#include "flow/flow.h"

namespace support {

const FlowStep* Flow::find_step(const std::string& step_id) const {
  for (const FlowStep& step : steps)
    if (step.id == step_id) return &step;
  return nullptr;
}

}  // namespace support
