#pragma once
// Duplicate screening: how much a draft (subject + description) looks like each of the
// customer's earlier tickets. Built for the widget's "pause in typing" check: the earlier
// tickets are analysed once when added; a check analyses only the draft (docs/screening.md:
// design, measured quality and speed).
//
// Each text becomes Snowball stems (stop words dropped, question words kept; neighbouring words
// also as their known concatenation), subject words counted more, and in the draft the words of
// its questions too. Word rarity (idf) comes from the earlier tickets plus optional background
// texts such as the KB articles, so it is known even for a customer with two tickets. The
// background texts can also teach latent topics (latent_topics.h): built once, when the
// background is complete, never inside a check. An earlier ticket with the same normalised text
// is an exact resubmit: score 1, certain.
#include "screening/background_sample.h"
#include "screening/duplicate_params.h"
#include "screening/latent_topics.h"

#include <cstdint>
#include <memory>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace support {

class Stemmer;

struct EarlierTicket {
  std::string number;  // as the customer sees it, e.g. "1234"
  std::string subject;
  std::string description;
  std::string date;    // ISO 8601, shown as given ("2026-11-30T09:12:00Z")
  std::string status;  // "open", "answered", ... as the backend names it
};

// The similarity measures a score blends, each within 0..1.
struct DuplicateFeatures {
  double cosine = 0;            // tf-idf cosine of the two texts (sublinear tf)
  double bm25 = 0;              // draft words found in the ticket: BM25 over the idf the draft could reach
  double subject_coverage = 0;  // idf share of the ticket's subject words found in the draft
  double latent = 0;            // cosine of the two texts' latent-topic vectors (0 when not used)
  bool latent_used = false;     // the index has latent topics and both texts have words in them
};

struct DuplicateCandidate {
  std::size_t ticket = 0;  // index into tickets()
  double score = 0;        // 0..1
  bool duplicate = false;  // score >= duplicate_threshold, or exact
  bool exact = false;      // same normalised subject and description: a resubmit
  DuplicateFeatures features;
};

class DuplicateIndex {
 public:
  explicit DuplicateIndex(DuplicateParams params = {});
  ~DuplicateIndex();
  DuplicateIndex(DuplicateIndex&&) noexcept;
  DuplicateIndex& operator=(DuplicateIndex&&) noexcept;

  // A text that only teaches word rarity and topics (a KB article, other customers' questions).
  void add_background(std::string_view title, std::string_view body);
  // Learns latent topics from the texts added so far (a fixed sample of at most
  // latent_max_documents background texts and, with latent_with_tickets, tickets; none from
  // fewer than latent_min_documents). Call once the background is complete: it costs far more
  // than a check. Until then checks score without them. start_latent_topics() and every step
  // at once.
  void build_latent_topics();
  // The same a bounded step at a time, so the widget can learn them between frames: after
  // start_latent_topics(), each learn_latent_topics_step() is half a millisecond's work in wasm;
  // true while steps remain. A learning fixes the sample and the word rarity of its first step.
  // A text that joins the sample afterwards (background, or a ticket with latent_with_tickets)
  // makes the topics out of date: the learning starts again at the next step, and checks keep
  // the last topics learned (none before the first) until it ends.
  void start_latent_topics();
  bool learn_latent_topics_step();
  bool learning_latent_topics() const { return topics_wanted_ && !topics_current_; }
  std::size_t latent_topic_steps() const { return latent_topic_steps_; }  // taken so far
  bool has_latent_topics() const { return !latent_topics_.empty(); }
  std::size_t latent_dimensions() const { return latent_topics_.dimensions(); }
  void add_ticket(EarlierTicket ticket);
  void clear_tickets();

  const std::vector<EarlierTicket>& tickets() const { return tickets_; }
  const DuplicateParams& params() const { return params_; }

  // Every earlier ticket, best first (ties keep insertion order). A draft without words
  // matches nothing: all scores 0, nothing flagged.
  std::vector<DuplicateCandidate> check(std::string_view subject, std::string_view description) const;

 private:
  using TermVector = TermWeights;  // (term id, value), sorted by id
  enum class Role { background, ticket, draft };
  struct TopicLearning;
  struct Analysed {
    TermVector terms;        // subject (x the role's subject boost), description, a draft's questions
    TermVector subject;      // subject only
    TermVector topic_terms;  // as the latent topics see the text (topic_subject_boost, no question words)
    float length = 0;        // weighted word count (subject x ticket_subject_boost), for BM25
    std::string normalized;
  };
  struct Weighted {  // weights of one text, kept until the word statistics change
    TermVector terms;      // tf-idf, in the order of Analysed::terms
    double norm = 0;
    TermVector term_idf;   // idf of each term, same order
    TermVector subject_idf;
    std::vector<float> topics;  // latent-topic vector (empty without latent topics)
    double topics_norm = 0;
  };

  Analysed analyse(std::string_view subject, std::string_view description, Role role, bool add_terms) const;
  void offer_to_topics(const std::string& normalized, TermVector topic_terms);
  bool begin_topic_learning();
  void count_document(const Analysed& analysed);
  float idf(std::uint32_t term) const;
  TermVector tf_idf(const TermVector& counts) const;
  static TermVector tf_idf(const TermVector& counts, const std::vector<std::uint32_t>& doc_freq,
                           std::uint32_t doc_count);
  Weighted weigh(const Analysed& analysed) const;
  void refresh_weights() const;

  DuplicateParams params_;
  std::unique_ptr<Stemmer> stemmer_;
  mutable std::unordered_map<std::string, std::uint32_t> term_ids_;
  std::vector<std::uint32_t> doc_freq_;  // by term id
  std::uint32_t doc_count_ = 0;
  double total_length_ = 0;  // of all counted documents
  std::uint64_t statistics_version_ = 0;  // also moves when latent topics are learned
  BackgroundSample topic_sample_;
  LatentTopics latent_topics_;
  std::unique_ptr<TopicLearning> topic_learning_;  // from a learning's first step to its last
  bool topics_wanted_ = false;   // start_latent_topics() was called: the background is complete
  bool topics_current_ = false;  // the topics (or their absence) match the sample as it is
  std::set<std::string> tickets_in_topics_;   // numbers of the tickets offered to the sample
  std::size_t latent_topic_steps_ = 0;
  std::vector<EarlierTicket> tickets_;
  std::vector<Analysed> analysed_;
  mutable std::vector<Weighted> weighted_;  // by ticket
  mutable std::uint64_t weighted_version_ = UINT64_MAX;
  mutable std::vector<float> draft_weight_, draft_idf_;  // by term id, zero outside a check
};

}  // namespace support
