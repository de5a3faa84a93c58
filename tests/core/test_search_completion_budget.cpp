#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "search/search_index.h"
#include "test_articles.h"

using namespace support;
using test_articles::article;
using test_articles::top_id;

// A one-letter prefix in a large KB must not read every long posting list it could complete
// to (search_index.cpp, kCompletionPostingBudget); these check what it still finds.
namespace {

// 40k articles that all say "select" and "settings"; one that says "sepia".
SearchIndex big_kb() {
  SearchIndex index;
  for (int i = 0; i < 40000; ++i)
    index.upsert(article("a" + std::to_string(i), "Article " + std::to_string(i), "Select the settings tab to change it."));
  index.upsert(article("sepia", "Sepia filter", "Photos can be turned sepia."));
  index.prepare();
  return index;
}

}  // namespace

TEST_CASE("completion budget: a short prefix still finds rare completions next to huge ones") {
  const SearchIndex index = big_kb();
  // "se" completes to select/settings (40k articles each: more than the budget allows)
  // and to sepia: the rare, telling completion is not crowded out.
  const auto hits = index.search("photos se");
  REQUIRE_FALSE(hits.empty());
  CHECK(hits[0].id == "sepia");
  // A prefix whose only completions are huge still matches one of them.
  const auto settings = index.search("setti");
  REQUIRE(settings.size() == 10);
  CHECK(settings[0].matched_terms == std::vector<std::string>{"settings"});
  // Whole words are never subject to the budget.
  CHECK(index.search("select", SearchOptions{5, false, nullptr}).size() == 5);
}

TEST_CASE("prepare() is optional and does not change results") {
  SearchIndex a, b;
  for (SearchIndex* index : {&a, &b}) {
    index->upsert(article("reset", "Reset your password", "Click forgot password."));
    index->upsert(article("pay", "Payments", "Refunds take five days."));
  }
  a.prepare();
  a.prepare();  // twice is harmless
  const auto with = a.search("pas"), without = b.search("pas");
  REQUIRE(with.size() == without.size());
  for (std::size_t i = 0; i < with.size(); ++i) CHECK(with[i].id == without[i].id);
  a.upsert(article("new", "Password rules", "At least twelve characters."));  // caches go stale, search refreshes them
  CHECK(top_id(a, "rules") == "new");
}
