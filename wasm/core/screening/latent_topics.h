#pragma once
// Latent topics (LSA) for the duplicate engine (duplicate_index.h): which words go together in
// the background texts, so that two tickets about one problem in different words ("hire a car
// with a driver", "renting a bus for sight-seeing") still look alike.
//
// The basis is the top left singular subspace of a term x document matrix (columns: tf-idf
// vectors of the background texts), found by subspace iteration from a fixed pseudo-random start
// with modified Gram-Schmidt, so native and wasm builds learn the same topics. A text's topic
// vector is z = Q^T x for its tf-idf vector x. LatentTopicsBuilder learns the same basis a
// bounded step at a time, for the widget, which learns it a few milliseconds per frame.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <utility>
#include <vector>

namespace support {

using TermWeights = std::vector<std::pair<std::uint32_t, float>>;  // (term id, weight), sorted by id

class LatentTopics {
 public:
  LatentTopics() = default;  // no topics: every projection is empty

  // The top `dimensions` (at most as many as there are documents) left singular subspace of the
  // matrix whose columns are `documents`, after `rounds` rounds of subspace iteration from the
  // start drawn with `seed`. Directions the documents do not span are dropped, so dimensions()
  // can be smaller. All steps of a LatentTopicsBuilder at once.
  static LatentTopics build(const std::vector<TermWeights>& documents, std::size_t dimensions, int rounds,
                            std::uint64_t seed);

  bool empty() const { return dimensions_ == 0; }
  std::size_t dimensions() const { return dimensions_; }

  // z = Q^T x (dimensions() values; empty without topics). Terms no document had add nothing.
  std::vector<float> project(const TermWeights& x) const;

 private:
  friend class LatentTopicsBuilder;
  static constexpr std::uint32_t kNoRow = UINT32_MAX;
  std::size_t dimensions_ = 0;
  std::vector<std::uint32_t> row_of_term_;  // by term id: its row of the basis, or kNoRow
  std::vector<float> rows_;                 // the basis Q, row by row (dimensions_ values each)
};

// LatentTopics::build cut into steps of bounded work, so the widget can learn topics between
// frames instead of in one long task. The same arithmetic in the same order, so the same basis,
// bit for bit: the term rows and the matrix document by document, the random start column by
// column, then in each round the two products document by document and Gram-Schmidt one
// projection at a time, and the same for the final product on the term side.
class LatentTopicsBuilder {
 public:
  // Multiply-adds (or their like) per step: half a millisecond in wasm (tests/bench). A step
  // ends after the piece that reaches it, so one piece more at most (a document's column, one
  // projection).
  static constexpr std::size_t kStepWork = std::size_t{1} << 20;

  LatentTopicsBuilder();  // nothing to learn: done, and no topics
  // As LatentTopics::build; nothing is computed until step().
  LatentTopicsBuilder(std::vector<TermWeights> documents, std::size_t dimensions, int rounds, std::uint64_t seed);
  ~LatentTopicsBuilder();
  LatentTopicsBuilder(LatentTopicsBuilder&&) noexcept;
  LatentTopicsBuilder& operator=(LatentTopicsBuilder&&) noexcept;

  // Does the next step; true while steps remain (false once done(), and then it does nothing).
  bool step();
  bool done() const;
  // The topics once done() (no topics before); the builder is left empty.
  LatentTopics take();

 private:
  struct Work;
  std::unique_ptr<Work> work_;
};

}  // namespace support
