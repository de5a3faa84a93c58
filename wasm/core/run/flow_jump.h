#pragma once
// Puts a flow run on any step, for the staff preview's "jump to". The run takes the shortest
// real route there (the first answers, in configured order, whose transitions lead towards the
// step, with conditions and context honoured), so the step shows the texts, product and log it
// would show a customer who walked there. A step no route reaches (lint calls it unreachable)
// is shown on its own, as if the flow started there.
#include "run/flow_run.h"

#include <optional>
#include <string>

namespace support {

// nullopt if the flow has no step `step_id`.
std::optional<FlowRun> run_to_step(const Config& config, const Flow& flow, const std::string& step_id,
                                   const FlowContext& context, const std::string& locale = "");

}  // namespace support
