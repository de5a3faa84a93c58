#pragma once
// Turns the site owner's JSON document into a Config. Never throws and never gives up early:
// whatever can be read is read, and every problem is reported with its JSON path.
#include "config/config.h"
#include "config/config_problem.h"

#include <nlohmann/json.hpp>

#include <string_view>

namespace support {

struct ConfigParseResult {
  Config config;
  ConfigProblems problems;  // structural problems only; run lint_config for cross-references
  bool document_read = false;  // false when the text was not a JSON object at all

  bool ok() const { return problems.empty(); }
};

ConfigParseResult parse_config(std::string_view json_text);
ConfigParseResult parse_config_json(const nlohmann::json& document);

// Largest document accepted, to keep a hostile or mistaken upload from exhausting memory.
constexpr std::size_t kMaxConfigBytes = 8 * 1024 * 1024;

}  // namespace support
