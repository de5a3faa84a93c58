// screening/duplicate_index: ranking of earlier tickets against a draft, the duplicate flag,
// exact resubmits, and odd input (empty, Unicode, very long).
#include <doctest/doctest.h>

#include "screening/duplicate_index.h"
#include "screening/duplicate_text.h"

#include <string>

namespace {

support::DuplicateIndex sample_index() {
  support::DuplicateIndex index;
  index.add_background("Reset your password", "Use the reset link on the login page to choose a new password.");
  index.add_background("Renew a licence", "Licences renew every year from the account page.");
  index.add_ticket({"1001", "Licence key rejected", "The licence key from my order is rejected as invalid.", "2026-11-28", "open"});
  index.add_ticket({"1002", "Cache plugin breaks the checkout page",
                    "Since updating Speed Cache the checkout page shows a white screen.", "2026-11-29", "open"});
  index.add_ticket({"1003", "Refund question", "Can I get a refund for the yearly plan?", "2026-11-30", "answered"});
  return index;
}

}  // namespace

TEST_CASE("duplicates: the earlier ticket about the same problem comes first and is flagged") {
  const support::DuplicateIndex index = sample_index();
  const auto result = index.check("White screen on checkout after cache update",
                                  "After I updated the Speed Cache plugin my checkout page is a blank white screen.");
  REQUIRE(result.size() == 3);
  CHECK(index.tickets()[result[0].ticket].number == "1002");
  CHECK(result[0].duplicate);
  CHECK_FALSE(result[0].exact);
  CHECK(result[0].score > result[1].score);
  CHECK_FALSE(result[1].duplicate);  // unrelated tickets are returned, scored, not flagged
  CHECK_FALSE(result[2].duplicate);
}

TEST_CASE("duplicates: an exact resubmit is certain even with other case, spacing and punctuation") {
  const support::DuplicateIndex index = sample_index();
  const auto result = index.check("licence KEY rejected!", "The  licence key from my order is rejected, as invalid");
  REQUIRE_FALSE(result.empty());
  CHECK(index.tickets()[result[0].ticket].number == "1001");
  CHECK(result[0].exact);
  CHECK(result[0].duplicate);
  CHECK(result[0].score == doctest::Approx(1.0));
  CHECK(support::normalized_ticket_text("a b", "c") != support::normalized_ticket_text("a", "b c"));
}

TEST_CASE("duplicates: an empty draft or an empty history matches nothing") {
  const support::DuplicateIndex index = sample_index();
  for (const auto& c : index.check("", "")) {
    CHECK(c.score == 0);
    CHECK_FALSE(c.duplicate);
  }
  for (const auto& c : index.check("!!! ???", "...")) CHECK_FALSE(c.duplicate);  // no words at all
  support::DuplicateIndex empty;
  CHECK(empty.check("Licence key rejected", "The key is invalid").empty());
}

TEST_CASE("duplicates: Unicode text is folded, and a very long draft stays bounded") {
  support::DuplicateIndex index;
  index.add_ticket({"7", "Café-Menü lädt nicht", "Das Menü auf der Café-Seite lädt nach dem Update nicht.", "", "open"});
  index.add_ticket({"8", "Rechnung fehlt", "Ich habe keine Rechnung bekommen.", "", "open"});
  const auto result = index.check("CAFE MENU LADT NICHT", "das menu auf der cafe seite ladt nach dem update nicht");
  REQUIRE(result.size() == 2);
  CHECK(index.tickets()[result[0].ticket].number == "7");
  CHECK(result[0].exact);  // folding makes it the same text

  std::string long_text;
  for (int i = 0; i < 20000; ++i) long_text += "word" + std::to_string(i % 500) + " ";
  const auto long_result = index.check(long_text, long_text + "😀 ünïcödé");
  REQUIRE(long_result.size() == 2);
  for (const auto& c : long_result) {
    CHECK(c.score >= 0);
    CHECK(c.score <= 1.0);
  }
}
