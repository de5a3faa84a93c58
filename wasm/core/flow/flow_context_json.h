#pragma once
// The customer context a site owner's page passes in (the loader's data-context, or the staff
// preview): {"logged_in": true, "plan": "pro"}. Flow conditions read these values.
#include "flow/flow_context.h"

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace support {

// Strings as they are, true/false as "true"/"false", integers in decimal. Anything else, and
// "category" (the widget sets it), is left out with a problem ("context.plan: ...").
FlowContext flow_context_from_json(const nlohmann::json& value, std::vector<std::string>& problems);

}  // namespace support
