#include "session/sent_history.h"

#include "json/json_member.h"

#include <algorithm>
#include <cctype>

namespace support {

namespace {

bool digits(std::string_view text, std::size_t at, std::size_t count, int& out) {
  if (at + count > text.size()) return false;
  out = 0;
  for (std::size_t i = at; i < at + count; ++i) {
    if (!std::isdigit(static_cast<unsigned char>(text[i]))) return false;
    out = out * 10 + (text[i] - '0');
  }
  return true;
}

// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's civil-date algorithm).
std::int64_t days_from_civil(std::int64_t y, unsigned m, unsigned d) {
  y -= m <= 2;
  const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

std::string lower_ascii(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

}  // namespace

std::optional<std::int64_t> parse_utc_seconds(std::string_view iso) {
  int year, month, day, hour = 0, minute = 0, second = 0;
  if (!digits(iso, 0, 4, year) || iso.size() < 10 || iso[4] != '-' || iso[7] != '-' || !digits(iso, 5, 2, month) ||
      !digits(iso, 8, 2, day) || month < 1 || month > 12 || day < 1 || day > 31)
    return std::nullopt;
  if (iso.size() >= 19 && (iso[10] == 'T' || iso[10] == ' ')) {
    if (!digits(iso, 11, 2, hour) || !digits(iso, 14, 2, minute) || !digits(iso, 17, 2, second)) return std::nullopt;
  }
  return days_from_civil(year, static_cast<unsigned>(month), static_cast<unsigned>(day)) * 86400 + hour * 3600 +
         minute * 60 + second;
}

void SentHistory::add(SentHistoryEntry entry) {
  if (entry.number <= 0) return;
  entries_.erase(std::remove_if(entries_.begin(), entries_.end(),
                                [&](const SentHistoryEntry& e) { return e.number == entry.number; }),
                 entries_.end());
  entries_.push_back(std::move(entry));
  if (entries_.size() > kMaxEntries) entries_.erase(entries_.begin(), entries_.end() - kMaxEntries);
}

void SentHistory::expire(std::int64_t now_unix_seconds) {
  entries_.erase(std::remove_if(entries_.begin(), entries_.end(),
                                [&](const SentHistoryEntry& e) {
                                  const auto at = parse_utc_seconds(e.created_at);
                                  return at && now_unix_seconds - *at > kMaxAgeSeconds;
                                }),
                 entries_.end());
}

bool SentHistory::knows_email(std::string_view address) const {
  if (address.empty()) return false;
  const std::string wanted = lower_ascii(address);
  for (const auto& e : entries_)
    if (lower_ascii(e.email) == wanted) return true;
  return false;
}

nlohmann::json SentHistory::to_json() const {
  nlohmann::json list = nlohmann::json::array();
  for (const auto& e : entries_)
    list.push_back({{"number", e.number}, {"subject", e.subject}, {"description", e.description},
                    {"created_at", e.created_at}, {"email", e.email}});
  return list;
}

SentHistory SentHistory::from_json(const nlohmann::json& saved) {
  SentHistory history;
  if (!saved.is_array()) return history;
  for (const auto& item : saved) {
    if (!item.is_object()) continue;
    auto n = item.find("number");
    if (n == item.end() || !n->is_number_integer() || n->get<long>() <= 0) continue;
    history.add({n->get<long>(), text_member(item, "subject"), text_member(item, "description"),
                 text_member(item, "created_at"), text_member(item, "email")});
  }
  return history;
}

}  // namespace support
