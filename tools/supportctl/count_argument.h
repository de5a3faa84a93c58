#pragma once
// Parsing of counted options such as --top K: whole decimal numbers from 1 to a maximum, nothing
// else ("0", "-1", "10x", "1e3", " 5" are mistakes worth telling the user about, not numbers).
#include <cstddef>
#include <optional>
#include <string>

namespace supportctl {

constexpr std::size_t kMaxTop = 1000000;

std::optional<std::size_t> parse_count(const std::string& text, std::size_t max);

// Reads the value of `option` at args[i + 1] into `out`. On a missing or bad value prints
// "supportctl COMMAND: OPTION needs ..." to stderr and returns false; callers then exit with 2.
bool read_count_option(const std::string& command, const std::string& option, const std::string* value,
                       std::size_t max, std::size_t& out);

}  // namespace supportctl
