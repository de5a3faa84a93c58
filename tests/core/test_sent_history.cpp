// This browser's sent-ticket history: capped, expiring, kept in the local draft JSON and read
// back from drafts written before it existed.
#include "session/draft_store.h"
#include "session/sent_history.h"

#include <doctest/doctest.h>

using namespace support;

namespace {
SentHistoryEntry entry(long number, const std::string& created_at = "2026-12-01T10:00:00Z") {
  return {number, "Subject " + std::to_string(number), "Description " + std::to_string(number), created_at,
          "ada@example.com"};
}
}  // namespace

TEST_CASE("sent history: dates parse as UTC seconds, anything else is not a date") {
  CHECK(parse_utc_seconds("1970-01-01T00:00:00Z") == 0);
  CHECK(parse_utc_seconds("2026-12-01T22:10:05.123Z") == 1796163005);
  CHECK(parse_utc_seconds("2024-02-29") == 1709164800);
  CHECK_FALSE(parse_utc_seconds(""));
  CHECK_FALSE(parse_utc_seconds("yesterday"));
  CHECK_FALSE(parse_utc_seconds("2026-13-01T00:00:00Z"));
}

TEST_CASE("sent history: keeps the newest 20, a number once") {
  SentHistory history;
  for (long n = 1; n <= 25; ++n) history.add(entry(n));
  REQUIRE(history.entries().size() == SentHistory::kMaxEntries);
  CHECK(history.entries().front().number == 6);
  CHECK(history.entries().back().number == 25);
  history.add(entry(10));   // the same ticket again (e.g. a replayed answer): moved, not doubled
  CHECK(history.entries().size() == SentHistory::kMaxEntries);
  CHECK(history.entries().back().number == 10);
  history.add(entry(0));    // no number: not a stored ticket
  CHECK(history.entries().back().number == 10);
}

TEST_CASE("sent history: entries older than 90 days expire, undated ones stay") {
  const std::int64_t now = *parse_utc_seconds("2026-12-01T12:00:00Z");
  SentHistory history;
  history.add(entry(1, "2026-09-01T11:59:59Z"));   // 91 days ago
  history.add(entry(2, "2026-09-03T12:00:00Z"));   // 89 days ago
  history.add(entry(3, ""));
  history.expire(now);
  REQUIRE(history.entries().size() == 2);
  CHECK(history.entries()[0].number == 2);
  CHECK(history.entries()[1].number == 3);
}

TEST_CASE("sent history: the address it knows, whatever its case") {
  SentHistory history;
  CHECK_FALSE(history.knows_email("ada@example.com"));
  history.add(entry(1));
  CHECK(history.knows_email("Ada@Example.COM"));
  CHECK_FALSE(history.knows_email("bob@example.com"));
  CHECK_FALSE(history.knows_email(""));
}

TEST_CASE("sent history: saved in the local draft and restored from it; malformed entries are left out") {
  SessionDraft draft;
  draft.sent_history.add(entry(7));
  draft.sent_history.add({8, "Ünïcode ✓ 日本語", std::string(5000, 'x'), "2026-12-01T10:00:00Z", "a@b.de"});
  nlohmann::json saved = draft_to_json(draft);
  saved["sent_history"].push_back({{"number", "nine"}});          // edited by hand
  saved["sent_history"].push_back(42);
  saved["sent_history"].push_back({{"number", -3}, {"subject", "x"}});
  const auto back = draft_from_json(saved);
  REQUIRE(back);
  REQUIRE(back->sent_history.entries().size() == 2);
  CHECK(back->sent_history.entries()[1].subject == "Ünïcode ✓ 日本語");
  CHECK(back->sent_history.entries()[1].description.size() == 5000);
  CHECK(back->sent_history.entries()[0].email == "ada@example.com");

  // A draft of an older widget has no history at all: read as an empty one.
  nlohmann::json older = {{"version", 1}, {"category", "sales"}, {"values", {{"subject", "Hi"}}}};
  const auto old = draft_from_json(older);
  REQUIRE(old);
  CHECK(old->sent_history.entries().empty());
  CHECK(old->values.at("subject") == "Hi");
  // A history that is not a list is ignored, not fatal.
  older["sent_history"] = "broken";
  REQUIRE(draft_from_json(older));
  CHECK(draft_from_json(older)->sent_history.entries().empty());
}
