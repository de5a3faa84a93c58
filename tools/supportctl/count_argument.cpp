#include "count_argument.h"

#include <cstdio>

namespace supportctl {

std::optional<std::size_t> parse_count(const std::string& text, std::size_t max) {
  if (text.empty() || text.size() > 19) return std::nullopt;  // 19 digits fit in 64 bits
  std::size_t value = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return std::nullopt;
    value = value * 10 + static_cast<std::size_t>(c - '0');
  }
  if (value < 1 || value > max) return std::nullopt;
  return value;
}

bool read_count_option(const std::string& command, const std::string& option, const std::string* value,
                       std::size_t max, std::size_t& out) {
  const std::optional<std::size_t> count = value ? parse_count(*value, max) : std::nullopt;
  if (count) {
    out = *count;
    return true;
  }
  if (value) {
    std::fprintf(stderr, "supportctl %s: %s needs a whole number from 1 to %zu, not '%s'\n", command.c_str(),
                 option.c_str(), max, value->c_str());
  } else {
    std::fprintf(stderr, "supportctl %s: %s needs a whole number from 1 to %zu\n", command.c_str(), option.c_str(), max);
  }
  return false;
}

}  // namespace supportctl
