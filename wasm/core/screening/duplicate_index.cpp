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

std::vector<DuplicateCandidate> DuplicateIndex::check(std::string_view subject, std::string_view description) const {
  const Analysed draft = analyse(subject, description, false);
  refresh_weights();
  const Weighted draft_weights = weigh(draft);
  const DuplicateParams& p = params_;

  // The draft's weights in tables indexed by term id, so that each ticket is scored in one pass
  // over its own terms (its private ids, words unknown to the collection, match nothing).
  if (draft_weight_.size() < term_ids_.size()) {
    draft_weight_.resize(term_ids_.size(), 0);
    draft_idf_.resize(term_ids_.size(), 0);
  }
  double draft_idf_total = 0;
  for (std::size_t k = 0; k < draft_weights.terms.size(); ++k) {
    const std::uint32_t term = draft_weights.terms[k].first;
    draft_idf_total += draft_weights.term_idf[k].second;
    if (term >= draft_weight_.size()) continue;
    draft_weight_[term] = draft_weights.terms[k].second;
    draft_idf_[term] = draft_weights.term_idf[k].second;
  }
  const double average_length = doc_count_ ? total_length_ / doc_count_ : 1.0;

  std::vector<DuplicateCandidate> out;
  out.reserve(tickets_.size());
  for (std::size_t i = 0; i < tickets_.size(); ++i) {
    DuplicateCandidate candidate;
    candidate.ticket = i;
    if (!draft.terms.empty()) {
      const Analysed& ticket = analysed_[i];
      const Weighted& weights = weighted_[i];
      // BM25 of the draft's words in the ticket: the ticket's term frequency saturated and
      // length-normalised, without the k1 + 1 factor, so a word adds at most its idf; divided by
      // the draft's total idf (a perfect match) to stay within 0..1.
      const double saturation = p.k1 * (1 - p.b + p.b * ticket.length / std::max(1.0, average_length));
      double dot = 0, bm25 = 0;
      for (std::size_t k = 0; k < ticket.terms.size(); ++k) {
        const std::uint32_t term = ticket.terms[k].first;
        if (term >= draft_idf_.size() || draft_idf_[term] == 0) continue;
        const double tf = ticket.terms[k].second;
        dot += static_cast<double>(draft_weight_[term]) * weights.terms[k].second;
        bm25 += draft_idf_[term] * tf / (tf + saturation);
      }
      double subject_found = 0, subject_total = 0;
      for (const auto& [term, term_idf] : weights.subject_idf) {
        subject_total += term_idf;
        if (term < draft_idf_.size() && draft_idf_[term] > 0) subject_found += term_idf;
      }
      DuplicateFeatures& f = candidate.features;
      const double norms = draft_weights.norm * weights.norm;
      f.cosine = norms > 0 ? dot / norms : 0;
      f.bm25 = draft_idf_total > 0 ? bm25 / draft_idf_total : 0;
      f.subject_coverage = subject_total > 0 ? subject_found / subject_total : 0;
      candidate.exact = ticket.normalized == draft.normalized;
      candidate.score = candidate.exact ? 1.0
                                        : p.cosine_weight * f.cosine + p.bm25_weight * f.bm25 +
                                              p.subject_coverage_weight * f.subject_coverage;
      candidate.duplicate = candidate.exact || candidate.score >= p.duplicate_threshold;
    }
    out.push_back(candidate);
  }
  for (const auto& [term, weight] : draft_weights.terms) {
    if (term < draft_weight_.size()) draft_weight_[term] = draft_idf_[term] = 0;
  }
  std::stable_sort(out.begin(), out.end(),
                   [](const DuplicateCandidate& a, const DuplicateCandidate& b) { return a.score > b.score; });
  return out;
}

}  // namespace support
