#pragma once
// The articles the widget can offer, by id and in one search index: the configuration's own
// articles from the start, then those of the KB file as they are read. An article may be written
// for one locale ("locale": "de"); for each id the knowledge base offers the version that fits the
// customer's locale best — theirs, else one for every locale, else the default locale's — and
// nothing in a third language. Versions of every locale are kept, so a change of language
// re-chooses without reading anything again.
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
  KnowledgeBase(const std::vector<KbArticle>& configured, std::string locale, std::string default_locale);
  KnowledgeBase(const KnowledgeBase&) = delete;   // the lookup points into itself
  KnowledgeBase& operator=(const KnowledgeBase&) = delete;

  // Adds an article, indexed when it is the best version of its id for the locale; false (and
  // nothing changes) when its id is already taken in its locale.
  bool add(KbArticle article);
  // The version of `id` offered in the current locale; nullptr when none fits.
  const KbArticle* find(const std::string& id) const;
  // Offers the versions that fit `locale` from now on (the index is rebuilt).
  void set_locale(std::string locale);
  const std::string& locale() const { return locale_; }
  const SearchIndex& index() const { return index_; }
  SearchIndex& index() { return index_; }

 private:
  int fit(const KbArticle& article) const;   // 0: not offered; higher fits better
  void offer(const KbArticle& article);      // indexes it when it fits better than what is offered

  std::string locale_, default_locale_;
  SearchIndex index_;
  std::unordered_map<std::string, const KbArticle*> offered_;   // id -> version in the index
  std::unordered_map<std::string, std::vector<const KbArticle*>> versions_;   // id -> every locale's
  std::deque<KbArticle> added_;   // a deque: pointers to its articles stay valid
};

}  // namespace support
