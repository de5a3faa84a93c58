#pragma once
// What the widget knows about the customer while a flow runs: the category they picked, the
// product (often set by a choice step), whether they are logged in, and any value a choice
// option sets. Conditions read it; everything is a string ("true"/"false" for booleans).
#include <map>
#include <string>

namespace support {

struct FlowContext {
  std::map<std::string, std::string> values;

  void set(const std::string& key, const std::string& value) { values[key] = value; }
  void set_logged_in(bool logged_in) { values["logged_in"] = logged_in ? "true" : "false"; }
  const std::string* get(const std::string& key) const {
    auto it = values.find(key);
    return it == values.end() ? nullptr : &it->second;
  }
  std::string value_or(const std::string& key, const std::string& fallback = "") const {
    const std::string* value = get(key);
    return value ? *value : fallback;
  }
};

}  // namespace support
