#pragma once
// Reads the configuration's "screening" section (docs/config.md, "screening").
#include "json/json_reader.h"
#include "config/screening_settings.h"

#include <nlohmann/json.hpp>

#include <string>

namespace support {

void parse_screening(const nlohmann::json& value, const std::string& path, JsonReader& reader, ScreeningSettings& out);

}  // namespace support
