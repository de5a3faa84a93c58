#include "screening/duplicate_index.h"

#include "screening/duplicate_text.h"
#include "search/stemmer.h"

#include <algorithm>
#include <cmath>
#include <map>

namespace support {

namespace {
constexpr std::uint32_t kUnknownTerm = UINT32_MAX;
}

DuplicateIndex::DuplicateIndex(DuplicateParams params) : params_(params), stemmer_(std::make_unique<Stemmer>()) {}
DuplicateIndex::~DuplicateIndex() = default;
DuplicateIndex::DuplicateIndex(DuplicateIndex&&) noexcept = default;
DuplicateIndex& DuplicateIndex::operator=(DuplicateIndex&&) noexcept = default;

DuplicateIndex::Analysed DuplicateIndex::analyse(std::string_view subject, std::string_view description,
                                                 bool add_terms) const {
  Analysed out;
  out.normalized = normalized_ticket_text(subject, description);
  // Terms unknown to the collection still count in the draft's own length (they make it less
  // similar to everything); they get private ids past the vocabulary so they never match.
  std::map<std::uint32_t, float> whole, title;
  std::uint32_t next_private = kUnknownTerm;
  auto id_of = [&](const std::string& term) -> std::uint32_t {
    const auto it = term_ids_.find(term);
    if (it != term_ids_.end()) return it->second;
    if (add_terms) {
      const auto id = static_cast<std::uint32_t>(term_ids_.size());
      term_ids_.emplace(term, id);
      return id;
    }
    return next_private--;
  };
  std::map<std::string, std::uint32_t> private_ids;  // one id per unknown term within this text
  auto id_for = [&](const std::string& term) {
    if (add_terms || term_ids_.count(term)) return id_of(term);
    const auto [it, added] = private_ids.emplace(term, 0);
    if (added) it->second = id_of(term);
    return it->second;
  };
  auto add_text = [&](std::string_view text, float weight, bool is_subject) {
    const std::vector<std::string> terms = duplicate_terms(text, *stemmer_);
    for (std::size_t i = 0; i < terms.size(); ++i) {
      const std::uint32_t word = id_for(terms[i]);
      whole[word] += weight;
      out.length += weight;
      if (is_subject) title[word] += 1;
      if (i + 1 < terms.size() && params_.bigram_weight > 0) {
        const std::uint32_t pair = id_for(terms[i] + " " + terms[i + 1]);
        whole[pair] += weight * params_.bigram_weight;
        if (is_subject) title[pair] += params_.bigram_weight;
      }
    }
  };
  add_text(subject, params_.subject_weight, true);
  add_text(description, 1.0f, false);
  out.whole.assign(whole.begin(), whole.end());
  out.subject.assign(title.begin(), title.end());
  return out;
}

void DuplicateIndex::count_document(const Analysed& analysed) {
  ++doc_count_;
  ++statistics_version_;
  total_length_ += analysed.length;
  if (doc_freq_.size() < term_ids_.size()) doc_freq_.resize(term_ids_.size(), 0);
  for (const auto& [term, tf] : analysed.whole) ++doc_freq_[term];
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
  return static_cast<float>(std::log((doc_count_ + 1.0) / (df + 0.5)));
}

namespace {

double dot(const std::vector<std::pair<std::uint32_t, float>>& a, const std::vector<std::pair<std::uint32_t, float>>& b) {
  double sum = 0;
  for (std::size_t i = 0, j = 0; i < a.size() && j < b.size();) {
    if (a[i].first < b[j].first) ++i;
    else if (b[j].first < a[i].first) ++j;
    else sum += static_cast<double>(a[i++].second) * b[j++].second;
  }
  return sum;
}

double cosine(const std::vector<std::pair<std::uint32_t, float>>& a, double norm_a,
              const std::vector<std::pair<std::uint32_t, float>>& b, double norm_b) {
  return norm_a > 0 && norm_b > 0 ? dot(a, b) / (norm_a * norm_b) : 0;
}

}  // namespace

DuplicateIndex::Weighted DuplicateIndex::weigh(const Analysed& analysed) const {
  // Sublinear tf (1 + ln tf; fractional weights below 1 scale linearly) times idf.
  auto weigh_vector = [&](const TermVector& in, TermVector& out, double& norm) {
    out.reserve(in.size());
    double squares = 0;
    for (const auto& [term, tf] : in) {
      const double w = (1.0 + std::log(std::max(1.0f, tf))) * std::min(1.0f, tf) * std::max(0.0f, idf(term));
      out.emplace_back(term, static_cast<float>(w));
      squares += w * w;
    }
    norm = std::sqrt(squares);
  };
  Weighted out;
  weigh_vector(analysed.whole, out.whole, out.whole_norm);
  weigh_vector(analysed.subject, out.subject, out.subject_norm);
  return out;
}

void DuplicateIndex::refresh_weights() const {
  if (weighted_version_ == statistics_version_ && weighted_.size() == analysed_.size()) return;
  weighted_.clear();
  for (const Analysed& analysed : analysed_) weighted_.push_back(weigh(analysed));
  weighted_version_ = statistics_version_;
}

double DuplicateIndex::bm25(const Weighted& draft, const Analysed& ticket) const {
  // Each distinct draft term counts once, weighted by its idf (draft.whole_tf holds the idf
  // here); the ticket's term frequency is saturated and length-normalised as in BM25, then
  // divided by k1 + 1 so that a term adds at most its idf.
  const double average = doc_count_ ? total_length_ / doc_count_ : 1.0;
  const double norm = params_.k1 * (1 - params_.b + params_.b * ticket.length / std::max(1.0, average));
  double score = 0, best = 0;
  std::size_t j = 0;
  for (std::size_t i = 0; i < draft.whole.size(); ++i) {
    const std::uint32_t term = draft.whole[i].first;
    const double w = draft.whole_tf[i];
    best += w;
    while (j < ticket.whole.size() && ticket.whole[j].first < term) ++j;
    if (j < ticket.whole.size() && ticket.whole[j].first == term) {
      const double tf = ticket.whole[j].second;
      score += w * tf / (tf + norm);
    }
  }
  return best > 0 ? score / best : 0;
}

std::vector<DuplicateCandidate> DuplicateIndex::check(std::string_view subject, std::string_view description) const {
  const Analysed draft = analyse(subject, description, false);
  const bool empty_draft = draft.whole.empty();
  refresh_weights();
  Weighted draft_weights = weigh(draft);
  for (const auto& [term, tf] : draft_weights.whole) draft_weights.whole_tf.push_back(std::max(0.0f, idf(term)));
  std::vector<DuplicateCandidate> out;
  out.reserve(tickets_.size());
  for (std::size_t i = 0; i < tickets_.size(); ++i) {
    DuplicateCandidate candidate;
    candidate.ticket = i;
    if (!empty_draft) {
      candidate.exact = analysed_[i].normalized == draft.normalized;
      candidate.score = candidate.exact ? 1.0
                                        : (1.0 - params_.bm25_share) *
                                                  ((1.0 - params_.title_share) * cosine(draft_weights.whole, draft_weights.whole_norm,
                                                                                        weighted_[i].whole, weighted_[i].whole_norm) +
                                                   params_.title_share * cosine(draft_weights.subject, draft_weights.subject_norm,
                                                                                weighted_[i].subject, weighted_[i].subject_norm)) +
                                              params_.bm25_share * bm25(draft_weights, analysed_[i]);
      candidate.duplicate = candidate.exact || candidate.score >= params_.duplicate_threshold;
    }
    out.push_back(candidate);
  }
  std::stable_sort(out.begin(), out.end(),
                   [](const DuplicateCandidate& a, const DuplicateCandidate& b) { return a.score > b.score; });
  return out;
}

}  // namespace support
