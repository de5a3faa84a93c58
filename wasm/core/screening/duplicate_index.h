#pragma once
// Duplicate screening: how much a draft (subject + description) looks like each of the
// customer's earlier tickets. Built for the widget's "pause in typing" check: the earlier
// tickets are analysed once when added; a check analyses only the draft (see docs/screening.md
// for the design and its measured quality and speed).
//
// Model: each text is a tf-idf vector of Snowball stems and adjacent-stem pairs (sublinear tf,
// idf from the earlier tickets plus optional background texts such as the KB, so that word
// rarity is known even for a customer with two tickets). The score blends the cosine of the
// whole texts (subject words weighted up) with the cosine of the subject lines. An earlier
// ticket with the same normalised text is an exact resubmit: score 1, certain.
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

struct DuplicateCandidate {
  std::size_t ticket = 0;  // index into tickets()
  double score = 0;        // 0..1
  bool duplicate = false;  // score >= duplicate_threshold, or exact
  bool exact = false;      // same normalised subject and description: a resubmit
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

  // Every earlier ticket, best first (ties keep insertion order). An empty draft matches nothing:
  // all scores 0, nothing flagged.
  std::vector<DuplicateCandidate> check(std::string_view subject, std::string_view description) const;

 private:
  using TermVector = std::vector<std::pair<std::uint32_t, float>>;  // (term id, tf), sorted by id
  struct Analysed {
    TermVector whole;    // subject x subject_weight + description, words and pairs
    TermVector subject;  // subject only
    std::string normalized;
    float length = 0;  // weighted word count, for BM25's length normalisation
  };

  // Tf-idf weights of one text, computed once per change of the word statistics.
  struct Weighted {
    TermVector whole, subject;  // (term id, weight)
    double whole_norm = 0, subject_norm = 0;
    std::vector<float> whole_tf;  // for a draft: the idf beside each whole entry, for BM25
  };

  Analysed analyse(std::string_view subject, std::string_view description, bool add_terms) const;
  void count_document(const Analysed& analysed);
  float idf(std::uint32_t term) const;
  Weighted weigh(const Analysed& analysed) const;
  void refresh_weights() const;
  double bm25(const Weighted& draft, const Analysed& ticket) const;

  DuplicateParams params_;
  std::unique_ptr<Stemmer> stemmer_;
  mutable std::unordered_map<std::string, std::uint32_t> term_ids_;
  std::vector<std::uint32_t> doc_freq_;  // by term id
  std::uint32_t doc_count_ = 0;
  double total_length_ = 0;  // of all counted documents
  std::vector<EarlierTicket> tickets_;
  std::vector<Analysed> analysed_;
  mutable std::vector<Weighted> weighted_;  // by ticket; rebuilt when statistics_version_ moves
  mutable std::uint64_t weighted_version_ = UINT64_MAX;
  std::uint64_t statistics_version_ = 0;
};

}  // namespace support
