#include "cache_policy.h"

#include <string_view>

namespace support::server {
namespace {

constexpr std::size_t kHashDigits = 12;   // what the build's publish step writes

bool is_lower_hex(std::string_view s) {
  for (char c : s)
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
  return true;
}

bool ends_with(std::string_view text, std::string_view suffix) {
  return text.size() >= suffix.size() && text.substr(text.size() - suffix.size()) == suffix;
}

}  // namespace

bool has_content_hash(const std::string& path) {
  const std::size_t slash = path.rfind('/');
  const std::string_view name = std::string_view(path).substr(slash == std::string::npos ? 0 : slash + 1);
  const std::size_t last_dot = name.rfind('.');
  if (last_dot == std::string_view::npos || last_dot < kHashDigits + 1) return false;
  const std::size_t hash_dot = last_dot - kHashDigits - 1;
  if (name[hash_dot] != '.' || hash_dot == 0) return false;
  return is_lower_hex(name.substr(hash_dot + 1, kHashDigits));
}

const char* cache_control_for(const std::string& path) {
  if (has_content_hash(path)) return "public, max-age=31536000, immutable";
  if (ends_with(path, ".html") || ends_with(path, ".htm")) return "no-cache";
  // Five minutes: a changed loader or configuration reaches every visitor within that time,
  // and a visitor who opens the widget twice in a visit asks the server nothing the second time.
  return "public, max-age=300";
}

}  // namespace support::server
