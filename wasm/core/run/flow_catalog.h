#pragma once
// Every step of every flow, in configured order, with the categories that lead to it: the staff
// preview's list of steps to jump to.
#include "config/config.h"

#include <nlohmann/json.hpp>

#include <string>

namespace support {

// [{"flow","step","type","title","categories":[ids]}], titles in `locale` (default when empty).
nlohmann::json flow_catalog_json(const Config& config, const std::string& locale = "");

}  // namespace support
