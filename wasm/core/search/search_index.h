#pragma once
// Knowledge-base search: an in-memory inverted index over KB articles that answers
// as-you-type queries.
//
//   support::SearchIndex index;
//   index.upsert(article);                        // add or replace (by article.id)
//   index.remove("kb-17");                        // gone from results at once
//   support::SearchOptions options;               // limit 10, last word is a prefix
//   for (const support::SearchHit& hit : index.search("reset pasw", options))
//     show(hit.id, hit.score, hit.matched_terms);
//
// What a query matches: every word is folded (case, accents), stemmed (English Snowball)
// and looked up in title, tags and body; stop words ("how", "the") are ignored. With
// `prefix_last` the last word also matches completions ("pasw" -> "password") unless the
// query ends with a space. Words of 5+ letters that are not in the KB match words one edit
// away ("pasword" -> "password"; two edits from 9 letters). Ranking is BM25F (title and tags
// weigh more than body), raised when the title holds a large share of the query's words,
// plus a bonus when query words occur next to each other. Two neighbouring query words also
// match their concatenation ("git hub" -> "github").
//
// SearchHit::matched_terms lists the document's own words that matched, in folded form
// (lower case; accents kept as first written, e.g. "café"), for highlighting: compare them
// with support::fold_text(word) of the displayed text, or case-insensitively.
//
// Cost: upsert/remove touch only the postings of that article's words (no rebuild).
// Not thread-safe: search() updates internal caches (sorted vocabulary, length norms).
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "kb/kb_article.h"
#include "search/ranking.h"

namespace support {

struct SearchHit {
  std::string id;                          // KbArticle::id
  double score = 0;                        // higher is better; only comparable within one search
  std::vector<std::string> matched_terms;  // document words that matched (folded), for highlighting
};

struct SearchOptions {
  std::size_t limit = 10;
  bool prefix_last = true;  // the last word is still being typed: also match its completions
  const std::vector<std::string>* candidates = nullptr;  // if set, rank only these article ids
};

class Vocabulary;

class SearchIndex {
 public:
  SearchIndex();
  ~SearchIndex();
  SearchIndex(const SearchIndex&) = delete;
  SearchIndex& operator=(const SearchIndex&) = delete;
  SearchIndex(SearchIndex&&) noexcept;
  SearchIndex& operator=(SearchIndex&&) noexcept;

  void upsert(const KbArticle& article);  // adds, or replaces the article with the same id
  bool remove(std::string_view id);       // false if no such article
  void clear();
  std::size_t size() const { return live_docs_; }
  bool contains(std::string_view id) const;

  std::vector<SearchHit> search(std::string_view query, const SearchOptions& options = {}) const;

  // Brings the caches search() refreshes lazily (sorted vocabulary, length norms) up to date,
  // so that the first keystroke after loading a KB does not pay for them (about 7 ms natively
  // at 100k articles). Optional: call it when the KB has been loaded and the UI is idle.
  void prepare() const;

  // Scoring knobs (defaults are the tuned ones); changes apply to the next search.
  const RankingParams& params() const { return params_; }
  void set_params(const RankingParams& params);

  std::size_t memory_bytes() const;  // approximate heap use of the index

 private:
  struct Posting {
    std::uint32_t doc;
    std::uint8_t tf_title;
    std::uint8_t tf_tags;
    std::uint16_t tf_body;
  };
  struct Doc {
    std::string id;
    std::uint32_t length[kFieldCount] = {0, 0, 0};  // indexed words per field (BM25 length)
    bool live = false;
    // The document's words in order, as varint(word id + 1); 0 stands for a stop word or a
    // field/tag boundary. Read back for proximity and matched terms; also lists the terms
    // to unlink on removal.
    std::vector<std::uint8_t> words;
  };
  struct Scratch;  // per-search buffers, reused between searches
  struct QueryWord;
  struct QueryPlan;
  struct Ranked;

  // search() in its four stages, in order (each reads and writes the shared scratch buffers).
  // 1. The query's words and the terms each may match (itself, completions, corrections, joins).
  QueryPlan plan_query(std::string_view query, bool prefix_last) const;
  void add_completions(QueryWord& word) const;
  void add_corrections(QueryWord& word) const;
  void add_joined_words(std::vector<QueryWord>& words) const;
  // 2. The documents a caller's candidate list allows.
  std::vector<std::uint32_t> allow_candidates(const std::vector<std::string>* candidates) const;
  // 3. BM25F scores with title coverage, then the best few kept for the next stage.
  void score_documents(const QueryPlan& plan, bool restricted) const;
  void keep_best(std::size_t depth) const;
  // 4. The proximity bonus; then the final order and the matched words of each hit.
  std::vector<std::vector<std::uint32_t>> add_proximity(const std::vector<QueryWord>& words) const;
  std::vector<SearchHit> best_hits(std::size_t limit, std::vector<std::vector<std::uint32_t>>& matched_words) const;
  static bool ranks_before(const Ranked& a, const Ranked& b);

  void index_field(std::uint32_t doc, Field field, std::string_view text, std::vector<std::uint64_t>& term_fields);
  void refresh_norms() const;
  std::uint32_t doc_freq(std::uint32_t term) const {
    return term < postings_.size() ? static_cast<std::uint32_t>(postings_[term].size()) : 0;
  }

  RankingParams params_;
  std::unique_ptr<Vocabulary> vocab_;
  std::vector<std::vector<Posting>> postings_;  // by term id, sorted by doc
  std::vector<Doc> docs_;                       // by internal doc number; removed ones stay as tombstones
  std::unordered_map<std::string, std::uint32_t> doc_numbers_;
  std::size_t live_docs_ = 0;
  std::uint64_t total_length_[kFieldCount] = {0, 0, 0};

  struct Norms {
    float field[kFieldCount];  // field weight / BM25 length normalisation, per doc
  };
  mutable std::vector<Norms> norms_;
  mutable bool norms_dirty_ = true;
  mutable std::unique_ptr<Scratch> scratch_;
};

}  // namespace support
