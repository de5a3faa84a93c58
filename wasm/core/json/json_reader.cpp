#include "json/json_reader.h"

#include <cstring>

namespace support {

std::string describe_json_type(const nlohmann::json& value) {
  switch (value.type()) {
    case nlohmann::json::value_t::null: return "null";
    case nlohmann::json::value_t::object: return "an object";
    case nlohmann::json::value_t::array: return "an array";
    case nlohmann::json::value_t::string: return "a string";
    case nlohmann::json::value_t::boolean: return "a boolean";
    case nlohmann::json::value_t::number_integer:
    case nlohmann::json::value_t::number_unsigned: return "an integer";
    case nlohmann::json::value_t::number_float: return "a number";
    default: return "an unsupported value";
  }
}

void JsonReader::problem(const std::string& path, std::string message) {
  if (problems_.size() < kMaxJsonProblems) {
    problems_.push_back({path, std::move(message)});
  } else if (problems_.size() == kMaxJsonProblems) {
    problems_.push_back({"", "too many problems; stopped reporting"});
  }
}

std::string JsonReader::child(const std::string& path, const std::string& key) {
  return path.empty() ? key : path + "." + key;
}

std::string JsonReader::index(const std::string& path, std::size_t i) {
  return path + "[" + std::to_string(i) + "]";
}

const nlohmann::json* JsonReader::member(const nlohmann::json& object, const std::string& key,
                                         const std::string& path, bool required) {
  if (!object.is_object()) return nullptr;
  auto it = object.find(key);
  if (it == object.end()) {
    if (required) problem(child(path, key), "missing (required)");
    return nullptr;
  }
  return &*it;
}

bool JsonReader::expect_object(const nlohmann::json& value, const std::string& path) {
  if (value.is_object()) return true;
  problem(path, "expected an object, found " + describe_json_type(value));
  return false;
}

bool JsonReader::expect_array(const nlohmann::json& value, const std::string& path) {
  if (value.is_array()) return true;
  problem(path, "expected an array, found " + describe_json_type(value));
  return false;
}

bool JsonReader::read_string(const nlohmann::json& object, const std::string& key,
                             const std::string& path, std::string& out, bool required) {
  const nlohmann::json* value = member(object, key, path, required);
  if (!value) return false;
  if (!value->is_string()) {
    problem(child(path, key), "expected a string, found " + describe_json_type(*value));
    return false;
  }
  out = value->get_ref<const std::string&>();
  return true;
}

bool JsonReader::read_bool(const nlohmann::json& object, const std::string& key,
                           const std::string& path, bool& out, bool required) {
  const nlohmann::json* value = member(object, key, path, required);
  if (!value) return false;
  if (!value->is_boolean()) {
    problem(child(path, key), "expected true or false, found " + describe_json_type(*value));
    return false;
  }
  out = value->get<bool>();
  return true;
}

bool JsonReader::read_int(const nlohmann::json& object, const std::string& key,
                          const std::string& path, int& out, int min_value, int max_value,
                          bool required) {
  const nlohmann::json* value = member(object, key, path, required);
  if (!value) return false;
  const std::string range = " between " + std::to_string(min_value) + " and " + std::to_string(max_value);
  // Compare in 64 bits before narrowing so huge numbers are reported, not wrapped.
  if (value->is_number_unsigned()) {
    std::uint64_t v = value->get<std::uint64_t>();
    if (v > static_cast<std::uint64_t>(max_value)) {
      problem(child(path, key), "expected a whole number" + range);
      return false;
    }
    out = static_cast<int>(v);
    return true;
  }
  if (value->is_number_integer()) {
    std::int64_t v = value->get<std::int64_t>();
    if (v < min_value || v > max_value) {
      problem(child(path, key), "expected a whole number" + range);
      return false;
    }
    out = static_cast<int>(v);
    return true;
  }
  if (value->is_number()) {
    problem(child(path, key), "expected a whole number" + range);
  } else {
    problem(child(path, key), "expected a whole number" + range + ", found " + describe_json_type(*value));
  }
  return false;
}

bool JsonReader::read_string_list(const nlohmann::json& object, const std::string& key,
                                  const std::string& path, std::vector<std::string>& out,
                                  bool required) {
  const nlohmann::json* value = member(object, key, path, required);
  if (!value) return false;
  const std::string list_path = child(path, key);
  if (!expect_array(*value, list_path)) return false;
  std::vector<std::string> result;
  bool ok = true;
  for (std::size_t i = 0; i < value->size(); ++i) {
    const nlohmann::json& item = (*value)[i];
    if (!item.is_string()) {
      problem(index(list_path, i), "expected a string, found " + describe_json_type(item));
      ok = false;
      continue;
    }
    result.push_back(item.get<std::string>());
  }
  out = std::move(result);
  return ok;
}

void JsonReader::check_known_keys(const nlohmann::json& object, const std::string& path,
                                  std::initializer_list<const char*> known) {
  if (!object.is_object()) return;
  for (auto it = object.begin(); it != object.end(); ++it) {
    const std::string& key = it.key();
    if (!key.empty() && (key[0] == '$' || key[0] == '_')) continue;
    bool found = false;
    for (const char* k : known) {
      if (key == k) {
        found = true;
        break;
      }
    }
    if (!found) problem(child(path, key), "unknown key");
  }
}

bool JsonReader::check_id(const std::string& id, const std::string& path) {
  if (id.empty()) {
    problem(path, "id must not be empty");
    return false;
  }
  if (id.size() > 64) {
    problem(path, "id is longer than 64 characters");
    return false;
  }
  for (char c : id) {
    bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
              c == '_' || c == '-' || c == '.';
    if (!ok) {
      problem(path, "id \"" + id + "\" may only use letters, digits, '_', '-' and '.'");
      return false;
    }
  }
  return true;
}

}  // namespace support
