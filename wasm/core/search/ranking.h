#pragma once
// BM25F scoring (Robertson & Zaragoza, "The Probabilistic Relevance Framework: BM25 and
// Beyond", 2009): each field's term frequency is length-normalised with its own b, weighted,
// summed, and only then saturated with k1, so a word found in both title and body is not
// counted as two independent pieces of evidence.
#include <cmath>
#include <cstdint>

namespace support {

enum Field : std::uint8_t { kTitle = 0, kTags = 1, kBody = 2, kFieldCount = 3 };

// Defaults were chosen on the StackFAQ and SemEval dev sets (tests/eval/README.md logs
// each step); they are deliberately round numbers rather than fitted decimals.
struct RankingParams {
  // A high k1 keeps term frequency nearly linear: in KB articles a word repeated across
  // several paragraphs is strong evidence of the topic (k1 1.2 -> 4: StackFAQ MRR +3.5).
  float k1 = 4.0f;
  float field_weight[kFieldCount] = {4.0f, 2.0f, 1.0f};  // title, tags, body
  float field_b[kFieldCount] = {0.5f, 0.5f, 0.75f};
  float prefix_weight = 0.8f;   // a completion of the word being typed counts this much
  float typo_weight = 0.6f;     // a one-edit correction counts this much
  float proximity_weight = 0.3f;  // bonus per adjacent query-word pair found close together
  std::uint32_t rerank_depth = 30;  // how many top docs get the proximity pass (100 gained nothing on the eval sets)
  std::uint32_t proximity_window = 2;  // neighbouring query words count as close within this many positions
  // Title coverage: score x (1 + title_coverage x idf share of the query's words found in the
  // title). 0 -> 1: StackFAQ MRR +1.8, SemEval MAP +0.3; flat from 1 to 10 on StackFAQ.
  float title_coverage = 1.0f;
  // Two neighbouring query words also match their concatenation if the KB has it ("git hub"
  // -> "github"), with this weight (SemEval MAP +1.8; the same from 0.5 to 1).
  float join_weight = 0.5f;
};

// Robertson–Spärck Jones idf, floored at zero by the +1 inside the log (as in Lucene).
inline float bm25_idf(std::uint32_t doc_freq, std::uint32_t doc_count) {
  const double n = doc_count, df = doc_freq;
  return static_cast<float>(std::log(1.0 + (n - df + 0.5) / (df + 0.5)));
}

// Saturation of the combined, weighted, length-normalised term frequency.
inline float bm25_saturate(float weighted_tf, float k1) { return weighted_tf * (k1 + 1.0f) / (k1 + weighted_tf); }

}  // namespace support
