#include "search/search_index.h"

#include <algorithm>
#include <cmath>
#include <unordered_set>

#include "search/stop_words.h"
#include "search/tokenizer.h"
#include "search/typo.h"
#include "search/varint.h"
#include "search/vocabulary.h"
#include "text/utf8.h"

namespace support {
namespace {

constexpr std::size_t kMaxQueryWords = 64;  // one bit each in a 64-bit mask
constexpr std::uint32_t kGap = 0;           // forward-index code of a stop word / boundary

// How many completions of the word being typed to search, by prefix length: a one-letter
// prefix matches thousands of words, and only the most common ones are likely meant.
std::size_t max_completions(std::size_t prefix_bytes) {
  if (prefix_bytes <= 1) return 8;
  if (prefix_bytes == 2) return 16;
  return 32;
}

// At most this many postings are read for the completions of the word being typed (the
// exact word is not counted). A one-letter prefix in a 100k-article KB otherwise reads the
// lists of eight words found in most articles, half a million postings, for completions that
// barely move the ranking (their idf is near zero). Below ~8k articles it never binds.
constexpr std::size_t kCompletionPostingBudget = std::size_t{1} << 15;
constexpr std::size_t kCompletionPool = 64;  // most frequent completions considered for the budget

// A word as written, lower-cased but with its accents (for matched terms), if that differs
// from the folded form; empty otherwise (the common, ASCII case).
std::string accented_spelling(std::string_view original, std::string_view folded) {
  bool ascii = true;
  for (char c : original) ascii = ascii && static_cast<unsigned char>(c) < 0x80;
  if (ascii) return {};
  std::string lower;
  for (std::size_t pos = 0; pos < original.size();) {
    const char32_t cp = utf8_next(original, pos);
    if (cp != '\'' && cp != 0x2019) utf8_append(lower, fold_case(cp));
  }
  return lower == folded ? std::string() : lower;
}

}  // namespace

// One query word with the terms it may match.
struct SearchIndex::QueryWord {
  struct Alternative {
    std::uint32_t term;
    float weight;  // 1 for the word itself, less for completions and corrections
  };
  std::string folded;
  std::uint32_t exact_term = Vocabulary::kNone;
  std::size_t token = 0;  // position among the query's tokens
  bool prefix = false;
  float query_weight = 1;  // grows (slowly) when the word is repeated in the query
  float idf = 0;           // of the exact term, or the best alternative
  std::vector<Alternative> alternatives;
};

// The query's words, and the sum of their idf (times their weight in the query): what a
// title holding all of them would cover.
struct SearchIndex::QueryPlan {
  std::vector<QueryWord> words;
  float mass = 0;
};

// A scored document.
struct SearchIndex::Ranked {
  std::uint32_t doc;
  float score;
};

struct SearchIndex::Scratch {
  std::vector<float> score;     // by doc, 0 = untouched
  std::vector<float> word_best;  // by doc: best alternative of the current query word
  std::vector<float> title_cover;  // by doc: idf share of the query words matched in the title
  std::vector<std::uint8_t> in_title;  // by doc: the current query word matched in the title
  std::vector<std::uint32_t> touched;
  std::vector<std::uint32_t> touched_word;
  std::vector<std::uint8_t> allowed;  // by doc, when candidates are given
  std::vector<std::uint32_t> word_ids;
  std::vector<std::uint64_t> term_mask;  // by term, all zero between searches
  std::vector<std::uint32_t> term_slot;  // by term, all zero between searches (completion dedup)
  std::vector<QueryWord::Alternative> completions;
  std::vector<Ranked> ranked;  // kept between searches: a fresh multi-megabyte vector each time cost page faults

  void fit(std::size_t docs) {
    if (score.size() < docs) {
      score.resize(docs, 0), word_best.resize(docs, 0), allowed.resize(docs, 0);
      title_cover.resize(docs, 0), in_title.resize(docs, 0);
    }
  }
};

SearchIndex::SearchIndex() : vocab_(std::make_unique<Vocabulary>()), scratch_(std::make_unique<Scratch>()) {}
SearchIndex::~SearchIndex() = default;
SearchIndex::SearchIndex(SearchIndex&&) noexcept = default;
SearchIndex& SearchIndex::operator=(SearchIndex&&) noexcept = default;

void SearchIndex::set_params(const RankingParams& params) {
  params_ = params;
  norms_dirty_ = true;
}

bool SearchIndex::contains(std::string_view id) const { return doc_numbers_.count(std::string(id)) > 0; }

void SearchIndex::clear() {
  const RankingParams params = params_;
  *this = SearchIndex();
  params_ = params;
}

void SearchIndex::index_field(std::uint32_t doc_number, Field field, std::string_view text,
                              std::vector<std::uint64_t>& term_fields) {
  Doc& doc = docs_[doc_number];
  for (Token& token : tokenize(text)) {
    if (is_stop_word(token.folded)) {
      varint_append(doc.words, kGap);
      continue;
    }
    const std::uint32_t word = vocab_->add_word(token.folded);
    const std::string accented = accented_spelling(text.substr(token.begin, token.end - token.begin), token.folded);
    if (!accented.empty()) vocab_->set_display(word, accented);
    varint_append(doc.words, word + 1);
    term_fields.push_back((static_cast<std::uint64_t>(vocab_->term_of(word)) << 2) | field);
    ++doc.length[field];
  }
}

void SearchIndex::upsert(const KbArticle& article) {
  remove(article.id);
  const auto number = static_cast<std::uint32_t>(docs_.size());
  docs_.emplace_back();
  docs_.back().id = article.id;
  docs_.back().live = true;
  doc_numbers_.emplace(article.id, number);

  // (term << 2 | field) for every indexed word, then counted after sorting: no map per doc.
  std::vector<std::uint64_t> term_fields;
  const auto boundary = [&] {
    varint_append(docs_[number].words, kGap);
    varint_append(docs_[number].words, kGap);
  };
  index_field(number, kTitle, article.title, term_fields);
  boundary();
  for (const std::string& tag : article.tags) {
    index_field(number, kTags, tag, term_fields);
    boundary();
  }
  index_field(number, kBody, article.body, term_fields);
  docs_[number].words.shrink_to_fit();

  std::sort(term_fields.begin(), term_fields.end());
  if (postings_.size() < vocab_->term_count()) postings_.resize(vocab_->term_count());
  for (std::size_t i = 0; i < term_fields.size();) {
    const auto term = static_cast<std::uint32_t>(term_fields[i] >> 2);
    std::uint32_t tf[kFieldCount] = {0, 0, 0};
    for (; i < term_fields.size() && (term_fields[i] >> 2) == term; ++i) ++tf[term_fields[i] & 3];
    // Doc numbers only grow, so appending keeps every posting list sorted.
    postings_[term].push_back(Posting{number, static_cast<std::uint8_t>(std::min<std::uint32_t>(tf[kTitle], 255)),
                                      static_cast<std::uint8_t>(std::min<std::uint32_t>(tf[kTags], 255)),
                                      static_cast<std::uint16_t>(std::min<std::uint32_t>(tf[kBody], 65535))});
  }
  for (int f = 0; f < kFieldCount; ++f) total_length_[f] += docs_[number].length[f];
  ++live_docs_;
  norms_dirty_ = true;
}

bool SearchIndex::remove(std::string_view id) {
  const auto it = doc_numbers_.find(std::string(id));
  if (it == doc_numbers_.end()) return false;
  const std::uint32_t number = it->second;
  doc_numbers_.erase(it);
  Doc& doc = docs_[number];

  std::vector<std::uint32_t> terms;
  for (std::size_t pos = 0; pos < doc.words.size();) {
    const std::uint32_t code = varint_next(doc.words, pos);
    if (code != kGap) terms.push_back(vocab_->term_of(code - 1));
  }
  std::sort(terms.begin(), terms.end());
  terms.erase(std::unique(terms.begin(), terms.end()), terms.end());
  for (const std::uint32_t term : terms) {
    auto& list = postings_[term];
    const auto at = std::lower_bound(list.begin(), list.end(), number,
                                     [](const Posting& p, std::uint32_t n) { return p.doc < n; });
    if (at != list.end() && at->doc == number) list.erase(at);
  }
  for (int f = 0; f < kFieldCount; ++f) total_length_[f] -= doc.length[f];
  // The slot stays as a tombstone (doc numbers must keep growing); its memory goes.
  doc = Doc{};
  --live_docs_;
  norms_dirty_ = true;
  return true;
}

void SearchIndex::refresh_norms() const {
  if (!norms_dirty_ && norms_.size() == docs_.size()) return;
  norms_.resize(docs_.size());
  float average[kFieldCount];
  for (int f = 0; f < kFieldCount; ++f)
    average[f] = live_docs_ ? std::max(1.0f, static_cast<float>(total_length_[f]) / live_docs_) : 1.0f;
  for (std::size_t d = 0; d < docs_.size(); ++d) {
    for (int f = 0; f < kFieldCount; ++f) {
      const float b = params_.field_b[f];
      const float normaliser = 1.0f - b + b * static_cast<float>(docs_[d].length[f]) / average[f];
      norms_[d].field[f] = params_.field_weight[f] / normaliser;
    }
  }
  norms_dirty_ = false;
}

void SearchIndex::prepare() const {
  refresh_norms();
  vocab_->prepare();
}

// Best first; ties by document number, so equal scores always come out in the same order.
bool SearchIndex::ranks_before(const Ranked& a, const Ranked& b) {
  return a.score != b.score ? a.score > b.score : a.doc < b.doc;
}

std::vector<SearchHit> SearchIndex::search(std::string_view query, const SearchOptions& options) const {
  if (options.limit == 0 || live_docs_ == 0) return {};
  refresh_norms();
  scratch_->fit(docs_.size());

  QueryPlan plan = plan_query(query, options.prefix_last);                           // 1.
  const std::vector<std::uint32_t> allowed = allow_candidates(options.candidates);    // 2.
  score_documents(plan, options.candidates != nullptr);                               // 3.
  for (const std::uint32_t doc : allowed) scratch_->allowed[doc] = 0;
  keep_best(std::max<std::size_t>(options.limit, params_.rerank_depth));
  std::vector<std::vector<std::uint32_t>> matched_words = add_proximity(plan.words);  // 4.
  return best_hits(options.limit, matched_words);
}

// 1. Query words and what each may match.
SearchIndex::QueryPlan SearchIndex::plan_query(std::string_view query, bool prefix_last) const {
  QueryPlan plan;
  std::vector<QueryWord>& words = plan.words;
  const std::vector<Token> tokens = tokenize(query);
  const bool typing_last = prefix_last && !tokens.empty() && tokens.back().end == query.size();
  for (std::size_t i = 0; i < tokens.size() && words.size() < kMaxQueryWords; ++i) {
    const bool prefix = typing_last && i + 1 == tokens.size();
    const bool stop = is_stop_word(tokens[i].folded);
    if (stop && !prefix) continue;
    const std::uint32_t exact = stop ? Vocabulary::kNone : vocab_->find_term(tokens[i].folded);
    if (!prefix && exact != Vocabulary::kNone) {
      auto same = std::find_if(words.begin(), words.end(),
                               [&](const QueryWord& w) { return !w.prefix && w.exact_term == exact; });
      if (same != words.end()) {  // repeated word: more weight, but far from linear
        same->query_weight += 0.5f / same->query_weight;
        continue;
      }
    }
    QueryWord word;
    word.folded = tokens[i].folded;
    word.token = i;
    word.prefix = prefix;
    word.exact_term = exact;
    if (exact != Vocabulary::kNone && doc_freq(exact) > 0) word.alternatives.push_back({exact, 1.0f});
    words.push_back(std::move(word));
  }

  for (QueryWord& word : words) {
    if (word.prefix) add_completions(word);
    if (word.alternatives.empty()) add_corrections(word);
  }
  add_joined_words(words);
  const auto live = static_cast<std::uint32_t>(live_docs_);
  for (QueryWord& word : words)
    for (const auto& alternative : word.alternatives)
      word.idf = std::max(word.idf, bm25_idf(doc_freq(alternative.term), live));
  // Title coverage: the idf share of the query's words that a document's title contains.
  // Titles state what an article answers, so a title holding most of the question's
  // informative words is a better sign than many body mentions of a few of them.
  for (const QueryWord& word : words)
    if (!word.alternatives.empty()) plan.mass += word.idf * word.query_weight;
  return plan;
}

// The word being typed also matches its completions.
void SearchIndex::add_completions(QueryWord& word) const {
  Scratch& scratch = *scratch_;
  scratch.word_ids.clear();
  vocab_->words_with_prefix(word.folded, scratch.word_ids);
  // Several spellings can share a stem ("passwords", "password"): one completion per
  // term with its best weight, deduplicated through a dense by-term slot array (a
  // one-letter prefix has thousands of words; sorting them twice cost more than scoring).
  std::vector<QueryWord::Alternative>& completions = scratch.completions;
  completions.clear();
  if (scratch.term_slot.size() < vocab_->term_count()) scratch.term_slot.resize(vocab_->term_count(), 0);
  for (const std::uint32_t id : scratch.word_ids) {
    // Stop words never reach the vocabulary, so every word here is a candidate.
    const std::uint32_t term = vocab_->term_of(id);
    if (term == word.exact_term || doc_freq(term) == 0) continue;
    // Longer completions are less certain: "pass" is more likely "password" than "passwordless".
    const float ratio = static_cast<float>(word.folded.size()) / static_cast<float>(vocab_->word_text(id).size());
    const float weight = params_.prefix_weight * (0.5f + 0.5f * ratio);
    std::uint32_t& slot = scratch.term_slot[term];
    if (slot == 0) {
      completions.push_back({term, weight});
      slot = static_cast<std::uint32_t>(completions.size());
    } else {
      completions[slot - 1].weight = std::max(completions[slot - 1].weight, weight);
    }
  }
  for (const auto& completion : completions) scratch.term_slot[completion.term] = 0;
  // The most frequent completions are the likeliest meant (only the first kCompletionPool
  // are considered); within the posting budget, a completion too long to afford is passed
  // over for rarer, more telling ones. If none fits, the most frequent one alone is read,
  // so that "suppo" still finds "support".
  const auto more_frequent = [&](const auto& a, const auto& b) {
    return doc_freq(a.term) != doc_freq(b.term) ? doc_freq(a.term) > doc_freq(b.term) : a.term < b.term;
  };
  const std::size_t pool = std::min(completions.size(), kCompletionPool);
  std::partial_sort(completions.begin(), completions.begin() + static_cast<std::ptrdiff_t>(pool), completions.end(),
                    more_frequent);
  const std::size_t keep = max_completions(word.folded.size());
  std::size_t kept = 0, postings = 0;
  for (std::size_t c = 0; c < pool && kept < keep; ++c) {
    if (postings + doc_freq(completions[c].term) > kCompletionPostingBudget) continue;
    postings += doc_freq(completions[c].term);
    word.alternatives.push_back(completions[c]);
    ++kept;
  }
  if (kept == 0 && pool > 0) word.alternatives.push_back(completions.front());
}

// A long word the KB does not have matches the words a typo or two away.
void SearchIndex::add_corrections(QueryWord& word) const {
  const int typos = allowed_typos(word.folded.size());
  if (typos <= 0) return;
  Scratch& scratch = *scratch_;
  scratch.word_ids.clear();
  vocab_->similar_words(word.folded, typos, scratch.word_ids);
  for (const std::uint32_t id : scratch.word_ids) {
    const std::uint32_t term = vocab_->term_of(id);
    if (doc_freq(term) == 0) continue;
    const int distance = bounded_edit_distance(word.folded, vocab_->word_text(id), typos);
    const float weight = params_.typo_weight / static_cast<float>(distance);
    auto known = std::find_if(word.alternatives.begin(), word.alternatives.end(), [&](const auto& a) { return a.term == term; });
    if (known == word.alternatives.end()) word.alternatives.push_back({term, weight});
    else known->weight = std::max(known->weight, weight);
  }
}

// Split compounds: two neighbouring complete query words also match their concatenation
// if the KB has it ("git hub" -> "github"), as an alternative of both words.
void SearchIndex::add_joined_words(std::vector<QueryWord>& words) const {
  if (params_.join_weight <= 0) return;
  for (std::size_t q = 0; q + 1 < words.size(); ++q) {
    if (words[q].prefix || words[q + 1].prefix || words[q + 1].token != words[q].token + 1) continue;
    const std::uint32_t joined = vocab_->find_term(words[q].folded + words[q + 1].folded);
    if (joined == Vocabulary::kNone || doc_freq(joined) == 0) continue;
    for (QueryWord* w : {&words[q], &words[q + 1]}) {
      auto known = std::find_if(w->alternatives.begin(), w->alternatives.end(), [&](const auto& a) { return a.term == joined; });
      if (known == w->alternatives.end()) w->alternatives.push_back({joined, params_.join_weight});
    }
  }
}

// 2. Candidate restriction: marks the allowed documents; returns them so they can be unmarked.
std::vector<std::uint32_t> SearchIndex::allow_candidates(const std::vector<std::string>* candidates) const {
  std::vector<std::uint32_t> allowed_docs;
  if (!candidates) return allowed_docs;
  for (const std::string& id : *candidates) {
    const auto it = doc_numbers_.find(id);
    if (it != doc_numbers_.end()) scratch_->allowed[it->second] = 1, allowed_docs.push_back(it->second);
  }
  return allowed_docs;
}

// 3. BM25F, term at a time, into scratch.ranked (unsorted). Per query word a document counts
// its best alternative only, so twenty completions of "pa" cannot outscore one exact word.
void SearchIndex::score_documents(const QueryPlan& plan, bool restricted) const {
  Scratch& scratch = *scratch_;
  const auto live = static_cast<std::uint32_t>(live_docs_);
  const bool title_coverage = params_.title_coverage > 0;
  scratch.touched.clear();
  for (const QueryWord& word : plan.words) {
    scratch.touched_word.clear();
    const float share = plan.mass > 0 ? word.idf * word.query_weight / plan.mass : 0;
    for (const auto& alternative : word.alternatives) {
      const float idf = bm25_idf(doc_freq(alternative.term), live);
      const float factor = alternative.weight * word.query_weight * idf;
      for (const Posting& p : postings_[alternative.term]) {
        if (restricted && !scratch.allowed[p.doc]) continue;
        const Norms& n = norms_[p.doc];
        const float tf = p.tf_title * n.field[kTitle] + p.tf_tags * n.field[kTags] + p.tf_body * n.field[kBody];
        const float s = factor * bm25_saturate(tf, params_.k1);
        float& best = scratch.word_best[p.doc];
        if (best == 0) scratch.touched_word.push_back(p.doc);
        best = std::max(best, s);
        if (title_coverage && p.tf_title) scratch.in_title[p.doc] = 1;
      }
    }
    for (const std::uint32_t doc : scratch.touched_word) {
      if (scratch.score[doc] == 0) scratch.touched.push_back(doc);
      scratch.score[doc] += scratch.word_best[doc];
      scratch.word_best[doc] = 0;
      if (scratch.in_title[doc]) scratch.title_cover[doc] += share, scratch.in_title[doc] = 0;
    }
  }
  std::vector<Ranked>& ranked = scratch.ranked;
  ranked.clear();
  ranked.reserve(scratch.touched.size());
  for (const std::uint32_t doc : scratch.touched) {
    ranked.push_back({doc, scratch.score[doc] * (1.0f + params_.title_coverage * scratch.title_cover[doc])});
    scratch.title_cover[doc] = 0;
    scratch.score[doc] = 0;
  }
}

// Only the best `depth` documents go on to the proximity pass.
void SearchIndex::keep_best(std::size_t depth) const {
  std::vector<Ranked>& ranked = scratch_->ranked;
  depth = std::min(ranked.size(), depth);
  std::partial_sort(ranked.begin(), ranked.begin() + static_cast<std::ptrdiff_t>(depth), ranked.end(), ranks_before);
  ranked.resize(depth);
}

// 4. Proximity pass over the top documents: read each one's word sequence, note which
// query words occur where, and reward neighbouring query words found close together.
// Returns, per ranked document, the word ids that matched (for SearchHit::matched_terms).
std::vector<std::vector<std::uint32_t>> SearchIndex::add_proximity(const std::vector<QueryWord>& words) const {
  std::vector<Ranked>& ranked = scratch_->ranked;
  // term -> query words it answers, as a dense array (a hash lookup per document word was
  // the most expensive part of this pass); reset before returning.
  std::vector<std::uint64_t>& term_mask = scratch_->term_mask;
  if (term_mask.size() < vocab_->term_count()) term_mask.resize(vocab_->term_count(), 0);
  for (std::size_t q = 0; q < words.size(); ++q)
    for (const auto& alternative : words[q].alternatives) term_mask[alternative.term] |= std::uint64_t{1} << q;
  std::vector<std::vector<std::uint32_t>> matched_words(ranked.size());
  std::vector<long> last_seen(words.size());
  const long window = static_cast<long>(params_.proximity_window);
  for (std::size_t r = 0; r < ranked.size(); ++r) {
    const Doc& doc = docs_[ranked[r].doc];
    std::fill(last_seen.begin(), last_seen.end(), -100);
    std::uint64_t pairs_found = 0;  // bit q: words q and q+1 found within two positions
    long position = 0;
    for (std::size_t pos = 0; pos < doc.words.size(); ++position) {
      const std::uint32_t code = varint_next(doc.words, pos);
      if (code == kGap) continue;
      const std::uint64_t word_mask = term_mask[vocab_->term_of(code - 1)];
      if (word_mask == 0) continue;
      matched_words[r].push_back(code - 1);
      for (std::uint64_t mask = word_mask; mask; mask &= mask - 1) {
        const auto q = static_cast<std::size_t>(__builtin_ctzll(mask));
        last_seen[q] = position;
        if (q > 0 && position - last_seen[q - 1] <= window) pairs_found |= std::uint64_t{1} << (q - 1);
        if (q + 1 < words.size() && position - last_seen[q + 1] <= window && last_seen[q + 1] != position)
          pairs_found |= std::uint64_t{1} << q;
      }
    }
    float bonus = 0;
    for (std::uint64_t mask = pairs_found; mask; mask &= mask - 1) {
      const auto q = static_cast<std::size_t>(__builtin_ctzll(mask));
      bonus += 0.5f * (words[q].idf + words[q + 1].idf);
    }
    ranked[r].score += params_.proximity_weight * bonus;
  }
  for (const QueryWord& word : words)
    for (const auto& alternative : word.alternatives) term_mask[alternative.term] = 0;
  return matched_words;
}

// The final order, cut to `limit`, with each hit's matched words in display form.
std::vector<SearchHit> SearchIndex::best_hits(std::size_t limit,
                                              std::vector<std::vector<std::uint32_t>>& matched_words) const {
  const std::vector<Ranked>& ranked = scratch_->ranked;
  std::vector<std::size_t> order(ranked.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return ranks_before(ranked[a], ranked[b]); });

  std::vector<SearchHit> hits;
  const std::size_t count = std::min(limit, order.size());
  hits.reserve(count);
  for (std::size_t i = 0; i < count; ++i) {
    const std::size_t r = order[i];
    SearchHit hit;
    hit.id = docs_[ranked[r].doc].id;
    hit.score = ranked[r].score;
    std::vector<std::uint32_t>& ids = matched_words[r];
    std::sort(ids.begin(), ids.end());
    ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
    for (const std::uint32_t id : ids) hit.matched_terms.emplace_back(vocab_->display(id));
    hits.push_back(std::move(hit));
  }
  return hits;
}

std::size_t SearchIndex::memory_bytes() const {
  std::size_t bytes = vocab_->memory_bytes();
  bytes += postings_.capacity() * sizeof(std::vector<Posting>);
  for (const auto& list : postings_) bytes += list.capacity() * sizeof(Posting);
  bytes += docs_.capacity() * sizeof(Doc) + norms_.capacity() * sizeof(Norms);
  for (const Doc& doc : docs_) bytes += doc.words.capacity() + (doc.id.size() > 22 ? doc.id.capacity() : 0);
  bytes += doc_numbers_.bucket_count() * sizeof(void*) + doc_numbers_.size() * (sizeof(std::string) + 16);
  return bytes;
}

}  // namespace support
