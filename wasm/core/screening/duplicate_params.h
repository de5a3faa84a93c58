#pragma once
// The few knobs of the duplicate engine (duplicate_index.h). Chosen on SemEval-2016 task 3B dev
// with a split-half check (docs/screening.md logs every step); round numbers, not fitted decimals.
namespace support {

struct DuplicateParams {
  // Score = cosine_weight x cosine + bm25_weight x BM25 + subject_weight x subject coverage
  // (see DuplicateFeatures), each within 0..1; the weights sum to 1 so the score does too.
  float cosine_weight = 0.4f;
  float bm25_weight = 0.4f;
  float subject_coverage_weight = 0.2f;
  // Inside a text's vector, a subject word counts this many times a description word.
  float subject_boost = 3.0f;
  // BM25's saturation and length normalisation (high k1: a repeated word stays evidence).
  float k1 = 4.0f;
  float b = 0.5f;
  // Two neighbouring words also count as their concatenation when the collection knows it
  // ("day care" -> "daycare"), with this weight.
  float join_weight = 0.5f;
  // At or above this score a candidate is flagged as a probable duplicate (SemEval dev, against
  // the true duplicates: precision 47 / recall 39; 0.25: 41 / 49; 0.4: 78 / 12). Exact
  // resubmits always are.
  float duplicate_threshold = 0.3f;
};

}  // namespace support
