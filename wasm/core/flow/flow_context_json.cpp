#include "flow/flow_context_json.h"

namespace support {

namespace {
constexpr std::size_t kMaxValues = 64;
constexpr std::size_t kMaxLength = 200;
}  // namespace

FlowContext flow_context_from_json(const nlohmann::json& value, std::vector<std::string>& problems) {
  FlowContext context;
  if (value.is_null()) return context;
  if (!value.is_object()) {
    problems.push_back("context: must be an object such as {\"logged_in\": true}");
    return context;
  }
  for (auto it = value.begin(); it != value.end(); ++it) {
    const std::string path = "context." + it.key();
    if (context.values.size() >= kMaxValues) {
      problems.push_back("context: more than " + std::to_string(kMaxValues) + " values; the rest are ignored");
      break;
    }
    if (it.key() == "category") {
      problems.push_back(path + ": is set by the widget from the category the customer picks");
      continue;
    }
    const nlohmann::json& v = it.value();
    std::string text;
    if (v.is_string()) text = v.get<std::string>();
    else if (v.is_boolean()) text = v.get<bool>() ? "true" : "false";
    else if (v.is_number_integer()) text = v.dump();
    else {
      problems.push_back(path + ": must be a string, a whole number or true/false");
      continue;
    }
    if (it.key().empty() || it.key().size() > kMaxLength || text.size() > kMaxLength) {
      problems.push_back(path + ": names and values are at most " + std::to_string(kMaxLength) + " bytes");
      continue;
    }
    context.set(it.key(), text);
  }
  return context;
}

}  // namespace support
