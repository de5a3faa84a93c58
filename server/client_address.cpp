#include "client_address.h"

#include <algorithm>

namespace support::server {
namespace {

std::string trimmed(const std::string& text) {
  const auto first = text.find_first_not_of(" \t");
  if (first == std::string::npos) return {};
  return text.substr(first, text.find_last_not_of(" \t") - first + 1);
}

bool is_trusted(const std::vector<std::string>& trusted, const std::string& address) {
  return std::find(trusted.begin(), trusted.end(), address) != trusted.end();
}

}  // namespace

std::string client_address(const httplib::Request& request, const std::vector<std::string>& trusted_proxies) {
  std::string address = request.remote_addr;
  if (!is_trusted(trusted_proxies, address)) return address;
  // Proxies append: "client, proxy1, proxy2". Walk from the right past our own proxies; several
  // headers count as one list, in order.
  std::vector<std::string> hops;
  const auto [first, last] = request.headers.equal_range("X-Forwarded-For");  // case-insensitive map
  for (auto header = first; header != last; ++header) {
    const std::string& value = header->second;
    std::size_t start = 0;
    while (start <= value.size()) {
      const std::size_t comma = value.find(',', start);
      const std::string hop = trimmed(value.substr(start, comma == std::string::npos ? std::string::npos : comma - start));
      if (!hop.empty()) hops.push_back(hop);
      if (comma == std::string::npos) break;
      start = comma + 1;
    }
  }
  for (auto hop = hops.rbegin(); hop != hops.rend(); ++hop) {
    address = *hop;
    if (!is_trusted(trusted_proxies, address)) break;
  }
  return address;
}

}  // namespace support::server
