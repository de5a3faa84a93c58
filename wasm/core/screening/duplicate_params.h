#pragma once
// The few knobs of the duplicate engine (duplicate_index.h). Chosen on SemEval-2016 task 3B dev
// with a split-half check (docs/screening.md logs every step); round numbers, not fitted decimals.
namespace support {

struct DuplicateParams {
  // Score = bm25_share x BM25 + (1 - bm25_share) x [(1 - title_share) x cosine(whole texts) +
  // title_share x cosine(subject lines)], every part within 0..1.
  float title_share = 0.2f;
  // Inside the whole-text vector, a subject word counts this many times a body word.
  float subject_weight = 3.0f;
  // Adjacent-word pairs ("credit card") join the vectors with this weight relative to single
  // words. Off: 0.25 and 0.5 cost 0.7-1.7 MAP on SemEval dev (forum questions rephrase freely).
  float bigram_weight = 0.0f;
  // Share of a BM25 score (draft words found in the earlier ticket, saturated with k1 and
  // length-normalised with b, divided by its maximum so it stays within 0..1).
  float bm25_share = 0.7f;
  float k1 = 4.0f;
  float b = 0.5f;
  // At or above this score a candidate is flagged as a probable duplicate (SemEval dev: flag
  // precision 45 / recall 31 against true duplicates; 0.15: 39 / 48). Exact resubmits always are.
  float duplicate_threshold = 0.2f;
};

}  // namespace support
