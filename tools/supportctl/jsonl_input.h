#pragma once
// Reading the JSON Lines files the batch subcommands (rank) take, with "file:line: problem" errors.
#include <fstream>
#include <string>

#include <nlohmann/json.hpp>

namespace supportctl {

struct InputError {
  std::string message;  // "file:line: what is wrong"
};

// Calls `on_line(json, where)` for every non-blank line; throws InputError on bad JSON.
template <typename OnLine>
void read_jsonl(const std::string& path, OnLine on_line) {
  std::ifstream in(path);
  if (!in) throw InputError{path + ": cannot open file"};
  std::string line;
  for (std::size_t number = 1; std::getline(in, line); ++number) {
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    const std::string where = path + ":" + std::to_string(number);
    nlohmann::json value = nlohmann::json::parse(line, nullptr, false);
    if (value.is_discarded()) throw InputError{where + ": not valid JSON"};
    if (!value.is_object()) throw InputError{where + ": expected a JSON object"};
    on_line(value, where);
  }
}

inline std::string required_string(const nlohmann::json& object, const char* key, const std::string& where) {
  const auto it = object.find(key);
  if (it == object.end() || !it->is_string()) throw InputError{where + ": \"" + key + "\" must be a string"};
  return it->get<std::string>();
}

}  // namespace supportctl
