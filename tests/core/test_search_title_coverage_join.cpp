#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "search/search_index.h"
#include "test_articles.h"

using namespace support;
using test_articles::article;
using test_articles::ids;
using test_articles::top_id;

// Title coverage and split-compound joining (search_index.cpp, RankingParams).
TEST_CASE("a title holding all the query's words beats body mentions of them") {
  SearchIndex index;
  // "export" and "messages" each appear in a title, but only one title has both.
  index.upsert(article("both", "Export private messages", "Use the download tool in settings."));
  std::string repeated;
  for (int i = 0; i < 8; ++i) repeated += "Export messages nightly. ";
  index.upsert(article("body", "Archive tool", repeated));
  index.upsert(article("other", "Export contacts", "Contacts export as CSV."));
  const auto hits = index.search("export messages", SearchOptions{10, false, nullptr});
  REQUIRE(!hits.empty());
  CHECK(hits[0].id == "both");

  // Without the title-coverage factor the repeated body words win: the factor is what decides.
  RankingParams params = index.params();
  params.title_coverage = 0;
  index.set_params(params);
  CHECK(top_id(index, "export messages", SearchOptions{10, false, nullptr}) == "body");
}

TEST_CASE("two query words also match their concatenation in the KB") {
  SearchIndex index;
  index.upsert(article("gh", "Strikethrough on GitHub", "Wrap the text in two tildes."));
  index.upsert(article("other", "Cross-posting to another hub", "Share the text on the hub page."));
  const auto hits = index.search("cross out text on git hub", SearchOptions{10, false, nullptr});
  const auto found = ids(hits);
  REQUIRE(std::find(found.begin(), found.end(), "gh") != found.end());
  // "github" is credited and highlighted.
  for (const SearchHit& hit : hits)
    if (hit.id == "gh") CHECK(std::find(hit.matched_terms.begin(), hit.matched_terms.end(), "github") != hit.matched_terms.end());

  // Not joined: words that were not neighbours in the query, and joining switched off.
  CHECK(index.search("hub git", SearchOptions{10, false, nullptr}).size() == 1);
  RankingParams params = index.params();
  params.join_weight = 0;
  index.set_params(params);
  CHECK(ids(index.search("git hub", SearchOptions{10, false, nullptr})) == std::vector<std::string>{"other"});
}
