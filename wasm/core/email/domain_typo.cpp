#include "email/domain_typo.h"

#include "email/string_distance.h"
#include "text/utf8_codec.h"

#include <algorithm>
#include <climits>
#include <vector>

namespace support {
namespace {

std::u32string code_points(std::string_view text) {
  std::u32string out;
  for (std::size_t pos = 0; pos < text.size();) out.push_back(utf8_next(text, pos));
  return out;
}

std::string ascii_lower(std::string_view text) {
  std::string out(text);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

bool contains(const std::vector<std::string>& list, const std::string& item) {
  return std::find(list.begin(), list.end(), item) != list.end();
}

// mailcheck's splitEmail: address = everything before the last '@'; second level = the
// domain's first label; top level = the rest ("co.uk"), or the whole domain if it has one label.
struct EmailParts {
  std::string address, domain, second_level, top_level;
};

std::optional<EmailParts> split_email(std::string_view email) {
  const auto first = email.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) return std::nullopt;
  email = email.substr(first, email.find_last_not_of(" \t\r\n") - first + 1);
  const std::size_t at = email.rfind('@');
  if (at == std::string_view::npos) return std::nullopt;
  // Every '@'-separated part must be non-empty.
  for (std::size_t start = 0;;) {
    const std::size_t next = email.find('@', start);
    if (next == start || (next == std::string_view::npos && start == email.size())) return std::nullopt;
    if (next == std::string_view::npos) break;
    start = next + 1;
  }
  EmailParts parts;
  parts.address = std::string(email.substr(0, at));
  parts.domain = std::string(email.substr(at + 1));
  const std::size_t dot = parts.domain.find('.');
  if (dot == std::string::npos) {
    parts.top_level = parts.domain;
  } else {
    parts.second_level = parts.domain.substr(0, dot);
    parts.top_level = parts.domain.substr(dot + 1);
  }
  return parts;
}

}  // namespace

std::optional<std::string> find_closest_domain(std::string_view domain, const std::vector<std::string>& known,
                                               int threshold) {
  if (domain.empty() || known.empty()) return std::nullopt;
  const std::u32string typed = code_points(domain);
  int best = INT_MAX;
  const std::string* closest = nullptr;
  for (const std::string& candidate : known) {
    if (candidate == domain) return candidate;
    const int distance = sift4_distance(typed, code_points(candidate));
    if (distance < best) {  // the first of equally close entries wins, as in mailcheck
      best = distance;
      closest = &candidate;
    }
  }
  if (closest && best <= threshold) return *closest;
  return std::nullopt;
}

std::optional<std::string> suggest_domain(std::string_view address, const DomainLists& lists,
                                          const DomainTypoThresholds& thresholds) {
  const std::optional<EmailParts> parts = split_email(ascii_lower(address));
  if (!parts) return std::nullopt;
  const bool both_lists = !lists.second_level_domains.empty() && !lists.top_level_domains.empty();
  if (both_lists && contains(lists.second_level_domains, parts->second_level) &&
      contains(lists.top_level_domains, parts->top_level))
    return std::nullopt;

  if (const auto closest = find_closest_domain(parts->domain, lists.domains, thresholds.domain)) {
    if (*closest == parts->domain) return std::nullopt;
    return closest;
  }

  const auto second = find_closest_domain(parts->second_level, lists.second_level_domains, thresholds.second_level);
  const auto top = find_closest_domain(parts->top_level, lists.top_level_domains, thresholds.top_level);
  std::string suggestion = parts->domain;
  bool changed = false;
  if (second && *second != parts->second_level) {
    suggestion.replace(suggestion.find(parts->second_level), parts->second_level.size(), *second);
    changed = true;
  }
  if (top && *top != parts->top_level && !parts->second_level.empty()) {
    suggestion.replace(suggestion.size() - parts->top_level.size(), parts->top_level.size(), *top);
    changed = true;
  }
  if (!changed) return std::nullopt;
  return suggestion;
}

std::optional<std::string> suggest_address(std::string_view address, const DomainLists& lists,
                                           const DomainTypoThresholds& thresholds) {
  const std::optional<std::string> domain = suggest_domain(address, lists, thresholds);
  if (!domain) return std::nullopt;
  const std::size_t at = address.rfind('@');
  std::string_view local = address.substr(0, at);
  const auto first = local.find_first_not_of(" \t\r\n");
  local = first == std::string_view::npos ? std::string_view() : local.substr(first);
  return std::string(local) + "@" + *domain;
}

}  // namespace support
