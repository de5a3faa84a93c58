#pragma once
// The tickets this browser sent, kept in the local draft so that a repeat of one is recognised
// after a reload (duplicate screening, docs/screening.md) and an address that already got our
// mail is not told again how to whitelist us. Capped and expiring: a browser keeps the recent
// few, not a record of everything.
#include <nlohmann/json.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace support {

struct SentHistoryEntry {
  long number = 0;
  std::string subject;
  std::string description;
  std::string created_at;   // ISO 8601 UTC, from the server's answer
  std::string email;        // the address it was sent from
};

// "2026-12-01T22:10:05Z" -> seconds since 1970 (UTC); nullopt when it is not such a date.
std::optional<std::int64_t> parse_utc_seconds(std::string_view iso);

class SentHistory {
 public:
  static constexpr std::size_t kMaxEntries = 20;
  static constexpr std::int64_t kMaxAgeSeconds = 90LL * 24 * 3600;

  // Newest last; the oldest goes when the cap is reached. A number already known is replaced.
  void add(SentHistoryEntry entry);
  // Drops the entries sent more than kMaxAgeSeconds before `now` (an undated entry stays).
  void expire(std::int64_t now_unix_seconds);
  const std::vector<SentHistoryEntry>& entries() const { return entries_; }
  bool knows_email(std::string_view address) const;   // case-insensitive

  nlohmann::json to_json() const;
  // Lenient: entries without a positive number are left out; the cap applies.
  static SentHistory from_json(const nlohmann::json& saved);

 private:
  std::vector<SentHistoryEntry> entries_;
};

}  // namespace support
