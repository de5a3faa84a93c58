#pragma once
// Reading a flow from the config document. Structural problems (wrong types, missing keys,
// unknown step types) are reported here with exact paths; references between steps are
// checked by lint, which sees the whole config.
#include "json/json_reader.h"
#include "flow/flow.h"

#include <nlohmann/json.hpp>

#include <string>

namespace support {

// `path` is the flow's JSON path, e.g. "flows.plugin_issue".
Flow flow_from_json(const nlohmann::json& value, const std::string& flow_id, const std::string& path,
                    JsonReader& reader);

// Exposed for tests and for anything else that wants the same condition syntax.
bool condition_from_json(const nlohmann::json& value, const std::string& path, JsonReader& reader,
                         FlowCondition& out, int depth = 0);

// Default label keys used when a step does not name its own.
constexpr const char* kContinueLabelKey = "button.continue";
constexpr const char* kKbAnsweredLabelKey = "kb_check.answered";
constexpr const char* kKbNotAnsweredLabelKey = "kb_check.not_answered";

}  // namespace support
