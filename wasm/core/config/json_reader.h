#pragma once
// Typed, forgiving access to a parsed JSON document: every read either succeeds or records a
// ConfigProblem at the exact path and leaves the target untouched. Nothing here throws.
#include "config/config_problem.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <initializer_list>
#include <string>
#include <vector>

namespace support {

class JsonReader {
 public:
  explicit JsonReader(ConfigProblems& problems) : problems_(problems) {}

  void problem(const std::string& path, std::string message);

  // Path helpers: child("flows", "x") -> "flows.x"; index("steps", 3) -> "steps[3]".
  static std::string child(const std::string& path, const std::string& key);
  static std::string index(const std::string& path, std::size_t i);

  // Looks a key up in an object; nullptr when absent (records "missing" if required).
  const nlohmann::json* member(const nlohmann::json& object, const std::string& key,
                               const std::string& path, bool required);

  bool expect_object(const nlohmann::json& value, const std::string& path);
  bool expect_array(const nlohmann::json& value, const std::string& path);

  // Reads object[key] into out. Absent optional keys leave out unchanged and return false.
  bool read_string(const nlohmann::json& object, const std::string& key, const std::string& path,
                   std::string& out, bool required = false);
  bool read_bool(const nlohmann::json& object, const std::string& key, const std::string& path,
                 bool& out, bool required = false);
  bool read_int(const nlohmann::json& object, const std::string& key, const std::string& path,
                int& out, int min_value, int max_value, bool required = false);
  bool read_string_list(const nlohmann::json& object, const std::string& key, const std::string& path,
                        std::vector<std::string>& out, bool required = false);

  // Reports keys that are not in `known` (typos are the commonest config mistake). Keys starting
  // with '$' or '_' are left alone so owners can add "$schema" and "_comment".
  void check_known_keys(const nlohmann::json& object, const std::string& path,
                        std::initializer_list<const char*> known);

  // Ids become map keys and text keys: keep them to a safe, readable alphabet.
  bool check_id(const std::string& id, const std::string& path);

 private:
  ConfigProblems& problems_;
};

// A short, printable description of a JSON value's type for messages ("a number", "an array").
std::string describe_json_type(const nlohmann::json& value);

// Upper bound on problems collected from one document, so a hostile file cannot make lint output huge.
constexpr std::size_t kMaxConfigProblems = 500;

}  // namespace support
