#pragma once
// Small KB articles and hit lists for the search tests.
#include <doctest/doctest.h>

#include "kb/kb_article.h"
#include "search/search_index.h"

#include <string>
#include <string_view>
#include <vector>

namespace support::test_articles {

inline KbArticle article(std::string id, std::string title, std::string body = {}, std::vector<std::string> tags = {}) {
  KbArticle a;
  a.id = std::move(id);
  a.title = std::move(title);
  a.body = std::move(body);
  a.tags = std::move(tags);
  return a;
}

// The article ids of the hits, best first.
inline std::vector<std::string> ids(const std::vector<SearchHit>& hits) {
  std::vector<std::string> out;
  for (const SearchHit& hit : hits) out.push_back(hit.id);
  return out;
}

// The best hit's id. No hit fails the test here instead of reading past the end of the list.
inline std::string top_id(const SearchIndex& index, std::string_view query, const SearchOptions& options = {}) {
  const std::vector<SearchHit> hits = index.search(query, options);
  REQUIRE_MESSAGE(!hits.empty(), "no hit for \"" << query << "\"");
  return hits[0].id;
}

}  // namespace support::test_articles
