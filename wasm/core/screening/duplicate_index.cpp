#include "screening/duplicate_index.h"

#include "screening/duplicate_text.h"
#include "screening/questions.h"
#include "search/stemmer.h"
#include "search/stop_words.h"
#include "search/tokenizer.h"

#include <algorithm>
#include <cmath>
#include <map>

namespace support {

namespace {
constexpr std::uint32_t kFirstPrivateTerm = UINT32_MAX;
// Background texts' terms weighed per step of learning the topics (two logarithms each, into
// memory never touched before): about as long as a step of LatentTopicsBuilder.
constexpr std::size_t kTermsWeighedPerStep = std::size_t{1} << 13;
}  // namespace

// What the topics are learned from, fixed at the start, and how far the learning has come.
struct DuplicateIndex::TopicLearning {
  std::vector<std::uint32_t> doc_freq;   // the word rarity at the start
  std::uint32_t doc_count = 0;
  std::vector<const TermVector*> texts;  // the sample, by key
  std::vector<TermVector> columns;       // their tf-idf vectors, weighed so far
  LatentTopicsBuilder builder;           // once every column is weighed
  bool weighed = false;
};

DuplicateIndex::DuplicateIndex(DuplicateParams params)
    : params_(params),
      stemmer_(std::make_unique<Stemmer>()),
      topic_sample_(static_cast<std::size_t>(std::max(0, params.latent_max_documents))) {}
DuplicateIndex::~DuplicateIndex() = default;
DuplicateIndex::DuplicateIndex(DuplicateIndex&&) noexcept = default;
DuplicateIndex& DuplicateIndex::operator=(DuplicateIndex&&) noexcept = default;

DuplicateIndex::Analysed DuplicateIndex::analyse(std::string_view subject, std::string_view description, Role role,
                                                 bool add_terms) const {
  const DuplicateParams& p = params_;
  Analysed out;
  out.normalized = normalized_ticket_text(subject, description);
  // A draft's words unknown to the collection still count in its own length (they make it less
  // like everything): each gets a private id past the vocabulary, so it never matches.
  std::map<std::uint32_t, float> terms, subject_terms, topic_terms;
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
  const float question_boost = role == Role::draft ? p.question_boost : 0.0f;
  auto add_text = [&](std::string_view text, float weight, float topic_weight, bool is_subject) {
    const std::vector<Token> tokens = tokenize(text);
    // Only a draft's questions weigh more: in an earlier ticket they did not help (docs/screening.md).
    const std::vector<TextRange> questions =
        is_subject || question_boost == 0 ? std::vector<TextRange>{} : question_sentences(text);
    std::size_t question = 0;
    for (std::size_t i = 0; i < tokens.size(); ++i) {
      if (i + 1 < tokens.size() && p.join_weight > 0) {
        if (const std::uint32_t* joined = known_word(stemmer_->stem(tokens[i].folded + tokens[i + 1].folded))) {
          terms[*joined] += weight * p.join_weight;
          topic_terms[*joined] += topic_weight * p.join_weight;
          if (is_subject) subject_terms[*joined] += p.join_weight;
        }
      }
      const bool question_word = p.keep_question_words && is_question_word(tokens[i].folded);
      if (is_stop_word(tokens[i].folded) && !question_word) continue;
      const std::uint32_t word = id_for(stemmer_->stem(tokens[i].folded));
      while (question < questions.size() && questions[question].end <= tokens[i].begin) ++question;
      const bool in_question = question < questions.size() && questions[question].begin <= tokens[i].begin;
      terms[word] += weight + (in_question ? question_boost : 0.0f);
      out.length += weight;
      if (is_subject) subject_terms[word] += 1;
      if (!question_word) topic_terms[word] += topic_weight;
    }
  };
  // A background text is weighed as a ticket: it sets the average length tickets are normalised by.
  add_text(subject, role == Role::draft ? p.draft_subject_boost : p.ticket_subject_boost, p.topic_subject_boost, true);
  add_text(description, 1.0f, 1.0f, false);
  out.terms.assign(terms.begin(), terms.end());
  out.subject.assign(subject_terms.begin(), subject_terms.end());
  out.topic_terms.assign(topic_terms.begin(), topic_terms.end());
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
  Analysed analysed = analyse(title, body, Role::background, true);
  count_document(analysed);
  offer_to_topics(analysed.normalized, std::move(analysed.topic_terms));
}

// A learning in progress reads the sample's texts, which a new one may move: it starts again.
void DuplicateIndex::offer_to_topics(const std::string& normalized, TermVector topic_terms) {
  if (!topic_sample_.offer(BackgroundSample::key_of(normalized), std::move(topic_terms))) return;
  topic_learning_.reset();
  topics_current_ = false;
}

void DuplicateIndex::build_latent_topics() {
  start_latent_topics();
  while (learn_latent_topics_step()) {
  }
}

void DuplicateIndex::start_latent_topics() {
  topics_wanted_ = true;
  topics_current_ = false;
  topic_learning_.reset();
}

bool DuplicateIndex::begin_topic_learning() {
  const DuplicateParams& p = params_;
  if (topic_sample_.size() < static_cast<std::size_t>(std::max(1, p.latent_min_documents)) ||
      p.latent_dimensions <= 0)
    return false;
  topic_learning_ = std::make_unique<TopicLearning>();
  topic_learning_->doc_freq = doc_freq_;
  topic_learning_->doc_count = doc_count_;
  topic_learning_->texts = topic_sample_.texts();
  return true;
}

bool DuplicateIndex::learn_latent_topics_step() {
  if (!topic_learning_) {
    if (!topics_wanted_ || topics_current_) return false;
    if (!begin_topic_learning()) {   // too few texts: nothing to learn until more come
      topics_current_ = true;
      return false;
    }
  }
  ++latent_topic_steps_;
  TopicLearning& learning = *topic_learning_;
  if (!learning.weighed) {
    // Columns weighed as the texts will be: sublinear tf-idf with the word rarity of the start.
    std::size_t terms = 0;
    while (learning.columns.size() < learning.texts.size() && terms < kTermsWeighedPerStep) {
      const TermVector& counts = *learning.texts[learning.columns.size()];
      learning.columns.push_back(tf_idf(counts, learning.doc_freq, learning.doc_count));
      terms += counts.size() + 1;
    }
    if (learning.columns.size() < learning.texts.size()) return true;
    const DuplicateParams& p = params_;
    learning.builder = LatentTopicsBuilder(std::move(learning.columns), static_cast<std::size_t>(p.latent_dimensions),
                                           p.latent_rounds, static_cast<std::uint64_t>(p.latent_seed));
    learning.weighed = true;
    return true;
  }
  if (learning.builder.step()) return true;
  latent_topics_ = learning.builder.take();
  topic_learning_.reset();
  topics_current_ = true;
  ++statistics_version_;  // the tickets get their topic vectors at the next check
  return false;
}

void DuplicateIndex::add_ticket(EarlierTicket ticket) {
  Analysed analysed = analyse(ticket.subject, ticket.description, Role::ticket, true);
  count_document(analysed);
  // Once per ticket: a list rebuilt with the same tickets (clear_tickets, add_ticket) adds none.
  if (params_.latent_with_tickets && tickets_in_topics_.insert(ticket.number).second)
    offer_to_topics(analysed.normalized, analysed.topic_terms);
  analysed_.push_back(std::move(analysed));
  tickets_.push_back(std::move(ticket));
}

void DuplicateIndex::clear_tickets() {
  // Word counts of removed tickets stay: they only shade rarity, and a rebuild is cheap.
  tickets_.clear();
  analysed_.clear();
  weighted_.clear();
}

namespace {

float idf_in(std::uint32_t term, const std::vector<std::uint32_t>& doc_freq, std::uint32_t doc_count) {
  const double df = term < doc_freq.size() ? doc_freq[term] : 0;
  return static_cast<float>(std::max(0.0, std::log((doc_count + 1.0) / (df + 0.5))));
}

// Sublinear tf (1 + ln tf; a joined word's fractional count scales linearly) times idf.
double sublinear_tf_idf(float tf, float idf) {
  return (1.0 + std::log(std::max(1.0f, tf))) * std::min(1.0f, tf) * idf;
}

double length_of(const std::vector<float>& v) {
  double squares = 0;
  for (const float x : v) squares += static_cast<double>(x) * x;
  return std::sqrt(squares);
}

}  // namespace

float DuplicateIndex::idf(std::uint32_t term) const { return idf_in(term, doc_freq_, doc_count_); }

DuplicateIndex::TermVector DuplicateIndex::tf_idf(const TermVector& counts) const {
  return tf_idf(counts, doc_freq_, doc_count_);
}

DuplicateIndex::TermVector DuplicateIndex::tf_idf(const TermVector& counts, const std::vector<std::uint32_t>& doc_freq,
                                                  std::uint32_t doc_count) {
  TermVector out;
  out.reserve(counts.size());
  for (const auto& [term, tf] : counts)
    out.emplace_back(term, static_cast<float>(sublinear_tf_idf(tf, idf_in(term, doc_freq, doc_count))));
  return out;
}

DuplicateIndex::Weighted DuplicateIndex::weigh(const Analysed& analysed) const {
  Weighted out;
  out.terms.reserve(analysed.terms.size());
  double squares = 0;
  out.term_idf.reserve(analysed.terms.size());
  for (const auto& [term, tf] : analysed.terms) {
    const float term_idf = idf(term);
    const double w = sublinear_tf_idf(tf, term_idf);
    out.terms.emplace_back(term, static_cast<float>(w));
    out.term_idf.emplace_back(term, term_idf);
    squares += w * w;
  }
  out.norm = std::sqrt(squares);
  for (const auto& [term, tf] : analysed.subject) out.subject_idf.emplace_back(term, idf(term));
  if (!latent_topics_.empty()) {
    out.topics = latent_topics_.project(tf_idf(analysed.topic_terms));
    out.topics_norm = length_of(out.topics);
  }
  return out;
}

void DuplicateIndex::refresh_weights() const {
  if (weighted_version_ == statistics_version_ && weighted_.size() == analysed_.size()) return;
  weighted_.clear();
  for (const Analysed& analysed : analysed_) weighted_.push_back(weigh(analysed));
  weighted_version_ = statistics_version_;
}

std::vector<DuplicateCandidate> DuplicateIndex::check(std::string_view subject, std::string_view description) const {
  const Analysed draft = analyse(subject, description, Role::draft, false);
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
      double blend = p.cosine_weight * f.cosine + p.bm25_weight * f.bm25 + p.subject_coverage_weight * f.subject_coverage;
      double weights_used = p.cosine_weight + p.bm25_weight + p.subject_coverage_weight;
      // Without latent topics (or words in them) the measure is left out rather than counted as
      // 0: the mean of the others stays on the same scale, so one threshold serves both.
      const double topic_norms = draft_weights.topics_norm * weights.topics_norm;
      if (topic_norms > 0) {
        double topic_dot = 0;
        for (std::size_t d = 0; d < weights.topics.size(); ++d)
          topic_dot += static_cast<double>(draft_weights.topics[d]) * weights.topics[d];
        // Latent vectors can point apart (cosine < 0); that is no less like than unrelated.
        f.latent = std::clamp(topic_dot / topic_norms, 0.0, 1.0);
        f.latent_used = true;
        blend += p.latent_weight * f.latent;
        weights_used += p.latent_weight;
      }
      candidate.exact = ticket.normalized == draft.normalized;
      candidate.score = candidate.exact ? 1.0 : weights_used > 0 ? blend / weights_used : 0.0;
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
