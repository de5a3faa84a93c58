#pragma once
// Typed, forgiving access to a parsed JSON document: every read either succeeds or records a
// JsonProblem at the exact path and leaves the target untouched. Nothing here throws. The
// configuration and its flows are read with it; it knows neither.
#include "json/json_problem.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <initializer_list>
#include <string>
#include <vector>

namespace support {

class JsonReader {
 public:
  explicit JsonReader(JsonProblems& problems) : problems_(problems) {}

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

  // The loop behind every list of objects in a document: `list` must be an array; each element
  // must be an object (reported otherwise, and skipped) whose keys are checked against `known`,
  // then goes to read_item(item, item_path), e.g. read_item(list[3], "categories[3]").
  template <typename ReadItem>
  void for_each_object(const nlohmann::json& list, const std::string& path,
                       std::initializer_list<const char*> known, ReadItem&& read_item) {
    if (!expect_array(list, path)) return;
    for (std::size_t i = 0; i < list.size(); ++i) {
      const std::string item_path = index(path, i);
      const nlohmann::json& item = list[i];
      if (!expect_object(item, item_path)) continue;
      check_known_keys(item, item_path, known);
      read_item(item, item_path);
    }
  }

  // Ids become map keys and text keys: keep them to a safe, readable alphabet.
  bool check_id(const std::string& id, const std::string& path);

 private:
  JsonProblems& problems_;
};

// A short, printable description of a JSON value's type for messages ("a number", "an array").
std::string describe_json_type(const nlohmann::json& value);

// Upper bound on problems collected from one document, so a hostile file cannot make lint output huge.
constexpr std::size_t kMaxJsonProblems = 500;

}  // namespace support
