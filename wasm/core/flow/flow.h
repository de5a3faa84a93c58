#pragma once
// A troubleshooting flow as configured: an id, a start step and the steps.
#include "flow/flow_step.h"

#include <string>
#include <vector>

namespace support {

struct Flow {
  std::string id;
  std::string title_key;
  std::string start;             // step id; defaults to the first step
  std::vector<FlowStep> steps;
  std::string path;              // JSON path of this flow ("flows.plugin_issue"), for lint

  const FlowStep* find_step(const std::string& step_id) const;
};

}  // namespace support
