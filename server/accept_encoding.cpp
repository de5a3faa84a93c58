#include "accept_encoding.h"

#include <cctype>
#include <cstdlib>

namespace support::server {
namespace {

std::string_view trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

bool iequals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i)
    if (std::tolower(static_cast<unsigned char>(a[i])) != std::tolower(static_cast<unsigned char>(b[i]))) return false;
  return true;
}

// The q-value of one list element's parameters ("q=0.5"); 1 when absent, 0 when unreadable.
double quality(std::string_view params) {
  while (!params.empty()) {
    const std::size_t semicolon = params.find(';');
    std::string_view param = trim(params.substr(0, semicolon));
    params = semicolon == std::string_view::npos ? std::string_view() : params.substr(semicolon + 1);
    if (param.size() >= 2 && (param[0] == 'q' || param[0] == 'Q') && param[1] == '=') {
      const std::string value(param.substr(2));
      char* end = nullptr;
      const double q = std::strtod(value.c_str(), &end);
      return end && *end == '\0' && q >= 0 && q <= 1 ? q : 0;
    }
  }
  return 1;
}

}  // namespace

bool accepts_encoding(const std::string& header, std::string_view coding) {
  double named = -1, wildcard = -1;
  std::string_view rest = header;
  while (!rest.empty()) {
    const std::size_t comma = rest.find(',');
    const std::string_view element = rest.substr(0, comma);
    rest = comma == std::string_view::npos ? std::string_view() : rest.substr(comma + 1);
    const std::size_t semicolon = element.find(';');
    const std::string_view name = trim(element.substr(0, semicolon));
    const double q = semicolon == std::string_view::npos ? 1 : quality(element.substr(semicolon + 1));
    if (iequals(name, coding)) named = q;
    else if (name == "*") wildcard = q;
  }
  return named >= 0 ? named > 0 : wildcard > 0;
}

}  // namespace support::server
