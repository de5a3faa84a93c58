#include "screening/web_address.h"

#include "text/utf8_codec.h"

#include <cctype>
#include <string>

namespace support {

namespace {

bool is_host_label(std::string_view label) {
  if (label.empty() || label.size() > 63 || label.front() == '-' || label.back() == '-') return false;
  for (std::size_t pos = 0; pos < label.size();) {
    const std::optional<char32_t> c = utf8_next_strict(label, pos);
    if (!c) return false;
    const bool ascii_ok = (*c >= 'a' && *c <= 'z') || (*c >= 'A' && *c <= 'Z') || (*c >= '0' && *c <= '9') || *c == '-';
    if (*c < 0x80 ? !ascii_ok : *c < 0xA1) return false;
  }
  return true;
}

}  // namespace

bool is_web_address(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t' || text.back() == '\r' || text.back() == '\n'))
    text.remove_suffix(1);
  if (text.empty() || text.size() > 2048) return false;
  for (char c : text)
    if (static_cast<unsigned char>(c) <= 0x20 || c == 0x7F) return false;
  std::string lower(text.substr(0, 8));
  for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (lower.rfind("https://", 0) == 0) text.remove_prefix(8);
  else if (lower.rfind("http://", 0) == 0) text.remove_prefix(7);
  else if (text.find("://") != std::string_view::npos) return false;  // ftp://, file://, ...
  const std::size_t end = text.find_first_of("/?#");
  std::string_view authority = text.substr(0, end);
  if (authority.find('@') != std::string_view::npos) return false;  // user@host: an email, or a trick
  if (const std::size_t colon = authority.rfind(':'); colon != std::string_view::npos) {
    const std::string_view port = authority.substr(colon + 1);
    if (port.empty() || port.size() > 5) return false;
    for (char c : port)
      if (c < '0' || c > '9') return false;
    authority = authority.substr(0, colon);
  }
  if (!authority.empty() && authority.back() == '.') authority.remove_suffix(1);
  if (authority.find('.') == std::string_view::npos) return false;
  std::size_t start = 0;
  while (true) {
    const std::size_t dot = authority.find('.', start);
    if (!is_host_label(authority.substr(start, dot == std::string_view::npos ? std::string_view::npos : dot - start)))
      return false;
    if (dot == std::string_view::npos) break;
    start = dot + 1;
  }
  // The last label is a top-level domain: never all digits (a bare IP address is not a site a
  // customer names; it is accepted only as four numeric labels).
  const std::string_view last = authority.substr(authority.rfind('.') + 1);
  bool digits = true;
  for (char c : last) digits = digits && c >= '0' && c <= '9';
  if (digits) {
    int labels = 1;
    for (char c : authority) labels += c == '.';
    return labels == 4;
  }
  return true;
}

}  // namespace support
