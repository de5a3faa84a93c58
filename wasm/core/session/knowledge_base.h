#pragma once
// The articles the widget can offer, by id and in one search index: the configuration's own
// articles from the start, then those of the KB file as they are read. An id is taken once:
// the first article with it stays.
#include "kb/kb_article.h"
#include "search/search_index.h"

#include <deque>
#include <string>
#include <unordered_map>
#include <vector>

namespace support {

class KnowledgeBase {
 public:
  // `configured` (the configuration's articles) must outlive the knowledge base.
  explicit KnowledgeBase(const std::vector<KbArticle>& configured);
  KnowledgeBase(const KnowledgeBase&) = delete;   // the lookup points into itself
  KnowledgeBase& operator=(const KnowledgeBase&) = delete;

  // Adds and indexes an article; false (and nothing changes) when its id is already taken.
  bool add(KbArticle article);
  const KbArticle* find(const std::string& id) const;
  const SearchIndex& index() const { return index_; }
  SearchIndex& index() { return index_; }

 private:
  SearchIndex index_;
  std::unordered_map<std::string, const KbArticle*> by_id_;
  std::deque<KbArticle> added_;   // a deque: pointers to its articles stay valid
};

}  // namespace support
