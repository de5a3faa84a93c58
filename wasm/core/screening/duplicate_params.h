#pragma once
// The few knobs of the duplicate engine (duplicate_index.h). Chosen on SemEval-2016 task 3B dev
// with a split-half check (docs/screening.md logs every step); round numbers, not fitted decimals.
namespace support {

struct DuplicateParams {
  // Score = the weighted mean of the measures (see DuplicateFeatures), each within 0..1:
  // (cosine_weight x cosine + bm25_weight x BM25 + subject_coverage_weight x subject coverage
  //  + latent_weight x latent cosine) / the sum of the weights used. The latent cosine is used
  // only when the index has latent topics and both texts have words in them; otherwise it is left
  // out of both sums, so a score without it stays on the same 0..1 scale.
  float cosine_weight = 0.4f;
  float bm25_weight = 0.4f;
  float subject_coverage_weight = 0.2f;
  float latent_weight = 0.15f;

  // How many times a subject word counts against a description word: in an earlier ticket (and
  // a background text), in the draft, and in the texts' latent-topic vectors.
  float ticket_subject_boost = 1.0f;
  float draft_subject_boost = 2.0f;
  float topic_subject_boost = 3.0f;
  // Each word of a draft's sentence ending in '?' counts this much more: it says what is asked.
  float question_boost = 1.0f;
  // Question words (what, where, when, which, who, why, how, whom) are terms, not stop words
  // (in the latent topics they stay stop words).
  bool keep_question_words = true;

  // BM25's saturation and length normalisation (high k1: a repeated word stays evidence).
  float k1 = 4.0f;
  float b = 0.5f;
  // Two neighbouring words also count as their concatenation when the collection knows it
  // ("day care" -> "daycare"), with this weight.
  float join_weight = 0.5f;

  // Latent topics (latent_topics.h), learned from at most latent_max_documents texts (a fixed
  // sample of the background texts and, with latent_with_tickets, the earlier tickets) and only
  // from at least latent_min_documents: this many dimensions, found in this many rounds of
  // subspace iteration from the start drawn with latent_seed. With the tickets among them, the
  // topics also know how this customer's own tickets use their words (SemEval dev: MAP +0.7 on
  // average over five seeds), and are learned again whenever the tickets change.
  int latent_dimensions = 25;
  int latent_rounds = 16;
  int latent_max_documents = 2000;
  int latent_min_documents = 300;
  int latent_seed = 1;
  bool latent_with_tickets = true;

  // At or above this score a candidate is flagged as a probable duplicate (SemEval dev, against
  // the true duplicates; see docs/screening.md). Exact resubmits always are.
  float duplicate_threshold = 0.3f;
};

}  // namespace support
