#pragma once
// Duplicate screening: how much a draft (subject + description) looks like each of the
// customer's earlier tickets. Built for the widget's "pause in typing" check: the earlier
// tickets are analysed once when added; a check analyses only the draft (docs/screening.md:
// design, measured quality and speed).
//
// Each text becomes Snowball stems (stop words dropped; neighbouring words also as their known
// concatenation), subject words counted subject_boost times. Word rarity (idf) comes from the
// earlier tickets plus optional background texts such as the KB articles, so it is known even
// for a customer with two tickets. An earlier ticket with the same normalised text is an exact
// resubmit: score 1, certain.
#include "screening/duplicate_params.h"

#include <cstdint>
#include <memory>
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

  // A text that only teaches word rarity (a KB article, other customers' questions).
  void add_background(std::string_view title, std::string_view body);
  void add_ticket(EarlierTicket ticket);
  void clear_tickets();

  const std::vector<EarlierTicket>& tickets() const { return tickets_; }
  const DuplicateParams& params() const { return params_; }

  // Every earlier ticket, best first (ties keep insertion order). A draft without words
  // matches nothing: all scores 0, nothing flagged.
  std::vector<DuplicateCandidate> check(std::string_view subject, std::string_view description) const;

 private:
  using TermVector = std::vector<std::pair<std::uint32_t, float>>;  // (term id, value), sorted by id
  struct Analysed {
    TermVector terms;    // subject (x subject_boost) and description
    TermVector subject;  // subject only
    float length = 0;    // weighted word count, for BM25's length normalisation
    std::string normalized;
  };
  struct Weighted {  // weights of one text, kept until the word statistics change
    TermVector terms;      // tf-idf, in the order of Analysed::terms
    double norm = 0;
    TermVector term_idf;   // idf of each term, same order
    TermVector subject_idf;
  };

  Analysed analyse(std::string_view subject, std::string_view description, bool add_terms) const;
  void count_document(const Analysed& analysed);
  float idf(std::uint32_t term) const;
  Weighted weigh(const Analysed& analysed) const;
  void refresh_weights() const;

  DuplicateParams params_;
  std::unique_ptr<Stemmer> stemmer_;
  mutable std::unordered_map<std::string, std::uint32_t> term_ids_;
  std::vector<std::uint32_t> doc_freq_;  // by term id
  std::uint32_t doc_count_ = 0;
  double total_length_ = 0;  // of all counted documents
  std::uint64_t statistics_version_ = 0;
  std::vector<EarlierTicket> tickets_;
  std::vector<Analysed> analysed_;
  mutable std::vector<Weighted> weighted_;  // by ticket
  mutable std::uint64_t weighted_version_ = UINT64_MAX;
  mutable std::vector<float> draft_weight_, draft_idf_;  // by term id, zero outside a check
};

}  // namespace support
