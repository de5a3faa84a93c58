#include "screening/duplicate_index.h"

#include "screening/duplicate_text.h"
#include "search/stemmer.h"
#include "search/stop_words.h"
#include "search/tokenizer.h"

#include <algorithm>
#include <cmath>
#include <map>

namespace support {

namespace {

constexpr std::uint32_t kFirstPrivateTerm = UINT32_MAX;

double dot(const std::vector<std::pair<std::uint32_t, float>>& a, const std::vector<std::pair<std::uint32_t, float>>& b) {
  double sum = 0;
  for (std::size_t i = 0, j = 0; i < a.size() && j < b.size();) {
    if (a[i].first < b[j].first) ++i;
    else if (b[j].first < a[i].first) ++j;
    else sum += static_cast<double>(a[i++].second) * b[j++].second;
  }
  return sum;
}

}  // namespace

DuplicateIndex::DuplicateIndex(DuplicateParams params) : params_(params), stemmer_(std::make_unique<Stemmer>()) {}
DuplicateIndex::~DuplicateIndex() = default;
DuplicateIndex::DuplicateIndex(DuplicateIndex&&) noexcept = default;
DuplicateIndex& DuplicateIndex::operator=(DuplicateIndex&&) noexcept = default;

DuplicateIndex::Analysed DuplicateIndex::analyse(std::string_view subject, std::string_view description,
                                                 bool add_terms) const {
  Analysed out;
  out.normalized = normalized_ticket_text(subject, description);
  // A draft's words unknown to the collection still count in its own length (they make it less
  // like everything): each gets a private id past the vocabulary, so it never matches.
  std::map<std::uint32_t, float> terms, subject_terms;
  std::map<std::string, std::uint32_t> private_ids;
  std::uint32_t next_private = kFirstPrivateTerm;
  auto id_for = [&](const std::string& term) -> std::uint32_t {
    if (const auto it = term_ids_.find(term); it != term_ids_.end()) return it->second;
    if (add_terms) return term_ids_.emplace(term, static_cast<std::uint32_t>(term_ids_.size())).first->second;
    const auto [it, added] = private_ids.emplace(term, next_private);
    if (added) --next_private;
    return it->second;
  };
  auto known_word = [&](const std::string& term) -> const std::uint32_t* {
    const auto it = term_ids_.find(term);
    if (it == term_ids_.end() || it->second >= doc_freq_.size() || doc_freq_[it->second] == 0) return nullptr;
    return &it->second;
  };
  auto add_text = [&](std::string_view text, float weight, bool is_subject) {
    const std::vector<Token> tokens = tokenize(text);
    for (std::size_t i = 0; i < tokens.size(); ++i) {
      if (i + 1 < tokens.size() && params_.join_weight > 0) {
        if (const std::uint32_t* joined = known_word(stemmer_->stem(tokens[i].folded + tokens[i + 1].folded))) {
          terms[*joined] += weight * params_.join_weight;
          if (is_subject) subject_terms[*joined] += params_.join_weight;
        }
      }
      if (is_stop_word(tokens[i].folded)) continue;
      const std::uint32_t word = id_for(stemmer_->stem(tokens[i].folded));
      terms[word] += weight;
      out.length += weight;
      if (is_subject) subject_terms[word] += 1;
    }
  };
  add_text(subject, params_.subject_boost, true);
  add_text(description, 1.0f, false);
  out.terms.assign(terms.begin(), terms.end());
  out.subject.assign(subject_terms.begin(), subject_terms.end());
  return out;
}

void DuplicateIndex::count_document(const Analysed& analysed) {
  ++doc_count_;
  ++statistics_version_;
  total_length_ += analysed.length;
  if (doc_freq_.size() < term_ids_.size()) doc_freq_.resize(term_ids_.size(), 0);
  for (const auto& [term, tf] : analysed.terms) ++doc_freq_[term];
}

void DuplicateIndex::add_background(std::string_view title, std::string_view body) {
  count_document(analyse(title, body, true));
}

void DuplicateIndex::add_ticket(EarlierTicket ticket) {
  Analysed analysed = analyse(ticket.subject, ticket.description, true);
  count_document(analysed);
  analysed_.push_back(std::move(analysed));
  tickets_.push_back(std::move(ticket));
}

void DuplicateIndex::clear_tickets() {
  // Word counts of removed tickets stay: they only shade rarity, and a rebuild is cheap.
  tickets_.clear();
  analysed_.clear();
  weighted_.clear();
}

float DuplicateIndex::idf(std::uint32_t term) const {
  const double df = term < doc_freq_.size() ? doc_freq_[term] : 0;
  return static_cast<float>(std::max(0.0, std::log((doc_count_ + 1.0) / (df + 0.5))));
}

DuplicateIndex::Weighted DuplicateIndex::weigh(const Analysed& analysed) const {
  // Sublinear tf (1 + ln tf; a joined word's fractional count scales linearly) times idf.
  Weighted out;
  out.terms.reserve(analysed.terms.size());
  double squares = 0;
  out.term_idf.reserve(analysed.terms.size());
  for (const auto& [term, tf] : analysed.terms) {
    const float term_idf = idf(term);
    const double w = (1.0 + std::log(std::max(1.0f, tf))) * std::min(1.0f, tf) * term_idf;
    out.terms.emplace_back(term, static_cast<float>(w));
    out.term_idf.emplace_back(term, term_idf);
    squares += w * w;
  }
  out.norm = std::sqrt(squares);
  for (const auto& [term, tf] : analysed.subject) out.subject_idf.emplace_back(term, idf(term));
  return out;
}

void DuplicateIndex::refresh_weights() const {
  if (weighted_version_ == statistics_version_ && weighted_.size() == analysed_.size()) return;
  weighted_.clear();
  for (const Analysed& analysed : analysed_) weighted_.push_back(weigh(analysed));
  weighted_version_ = statistics_version_;
}

double DuplicateIndex::bm25(const TermVector& query_idf, const TermVector& target, float target_length) const {
  // Each distinct query term counts once, weighted by its idf; the target's term frequency is
  // saturated and length-normalised as in BM25 (without the k1 + 1 factor, so a term adds at
  // most its idf); the sum is divided by the query's total idf.
  const double average = doc_count_ ? total_length_ / doc_count_ : 1.0;
  const double norm = params_.k1 * (1 - params_.b + params_.b * target_length / std::max(1.0, average));
  double score = 0, best = 0;
  std::size_t j = 0;
  for (const auto& [term, w] : query_idf) {
    best += w;
    while (j < target.size() && target[j].first < term) ++j;
    if (j < target.size() && target[j].first == term) score += w * target[j].second / (target[j].second + norm);
  }
  return best > 0 ? score / best : 0;
}

double DuplicateIndex::coverage(const TermVector& part_idf, const TermVector& whole) {
  double found = 0, total = 0;
  std::size_t j = 0;
  for (const auto& [term, w] : part_idf) {
    total += w;
    while (j < whole.size() && whole[j].first < term) ++j;
    if (j < whole.size() && whole[j].first == term) found += w;
  }
  return total > 0 ? found / total : 0;
}

std::vector<DuplicateCandidate> DuplicateIndex::check(std::string_view subject, std::string_view description) const {
  const Analysed draft = analyse(subject, description, false);
  refresh_weights();
  const Weighted draft_weights = weigh(draft);
  const DuplicateParams& p = params_;
  std::vector<DuplicateCandidate> out;
  out.reserve(tickets_.size());
  for (std::size_t i = 0; i < tickets_.size(); ++i) {
    DuplicateCandidate candidate;
    candidate.ticket = i;
    if (!draft.terms.empty()) {
      const Analysed& ticket = analysed_[i];
      DuplicateFeatures& f = candidate.features;
      const double norms = draft_weights.norm * weighted_[i].norm;
      f.cosine = norms > 0 ? dot(draft_weights.terms, weighted_[i].terms) / norms : 0;
      f.bm25 = bm25(draft_weights.term_idf, ticket.terms, ticket.length);
      f.subject_coverage = coverage(weighted_[i].subject_idf, draft.terms);
      candidate.exact = ticket.normalized == draft.normalized;
      candidate.score = candidate.exact ? 1.0
                                        : p.cosine_weight * f.cosine + p.bm25_weight * f.bm25 +
                                              p.subject_coverage_weight * f.subject_coverage;
      candidate.duplicate = candidate.exact || candidate.score >= p.duplicate_threshold;
    }
    out.push_back(candidate);
  }
  std::stable_sort(out.begin(), out.end(),
                   [](const DuplicateCandidate& a, const DuplicateCandidate& b) { return a.score > b.score; });
  return out;
}

}  // namespace support
