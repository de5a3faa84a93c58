#include "screening/latent_topics.h"

#include <algorithm>
#include <cmath>

namespace support {

namespace {

// SplitMix64, our own rather than <random>'s distributions (which differ between standard
// libraries), so every build starts from the same numbers.
class SeededRandom {
 public:
  explicit SeededRandom(std::uint64_t seed) : state_(seed) {}
  std::uint64_t next() {
    std::uint64_t z = (state_ += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
  }
  double unit() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }
  // Close to a standard normal draw: twelve uniform draws minus 6 (Irwin-Hall). Only additions,
  // so no libm's log or cos can make two builds differ.
  double gaussian() {
    double sum = -6;
    for (int i = 0; i < 12; ++i) sum += unit();
    return sum;
  }

 private:
  std::uint64_t state_;
};

// Row-major (a row's k values side by side, so the products below run over them in one go), in
// float as the basis is kept: half the memory traffic of double; Gram-Schmidt sums in double.
struct DenseMatrix {
  std::size_t rows = 0;
  std::size_t columns = 0;
  std::vector<float> values;
  float* row(std::size_t r) { return values.data() + r * columns; }
  const float* row(std::size_t r) const { return values.data() + r * columns; }
};

// The term x document matrix, column by column, in basis row numbers.
struct SparseColumns {
  std::vector<std::size_t> start{0};  // column j is entries [start[j], start[j + 1])
  std::vector<std::uint32_t> row;
  std::vector<float> weight;
  std::size_t columns() const { return start.size() - 1; }
  std::size_t entries(std::size_t j) const { return start[j + 1] - start[j]; }
};

// A column whose part outside the earlier columns is below this share of its length is taken
// as their combination (rounding noise, not a direction) and dropped.
constexpr double kDependent = 1e-9;

double length(const double* v, std::size_t n) {
  double squares = 0;
  for (std::size_t i = 0; i < n; ++i) squares += v[i] * v[i];
  return std::sqrt(squares);
}

// What a piece costs, in the unit of kStepWork (a multiply-add of the products), roughly as
// measured: an entry of the matrix read in the set-up, a value copied between row- and
// column-major order, a start value (twelve uniform draws), and 8 bytes written to memory the
// process never touched, which costs far more than the arithmetic where a page fault is dear
// (12 us a page on the shared test machine: 3 ns a byte).
constexpr std::size_t kEntryCost = 8;
constexpr std::size_t kCopyCost = 4;
constexpr std::size_t kDrawCost = 48;
constexpr std::size_t kFreshCost = 96;

// Modified Gram-Schmidt on the columns of a matrix, in place, a piece at a time: the columns are
// copied out (column-major, in double, each contiguous) one per piece, orthogonalised one
// projection per piece, and the kept ones copied back one per piece. Dependent columns are
// dropped and the kept ones move to the front.
class GramSchmidt {
 public:
  void start(DenseMatrix& a) {
    a_ = &a;
    n_ = a.rows;
    columns_count_ = a.columns;
    columns_.clear();
    fresh_ = columns_.capacity() < n_ * columns_count_;  // the term side's copy, the first time
    columns_.reserve(n_ * columns_count_);               // touched a column per piece
    phase_ = Phase::copy_in;
    column_ = kept_ = projected_ = 0;
    measured_ = false;
  }
  bool done() const { return phase_ == Phase::finished; }
  // The next piece; returns its cost.
  std::size_t advance() {
    switch (phase_) {
      case Phase::copy_in: return copy_in();
      case Phase::orthogonalize: return orthogonalize();
      case Phase::copy_out: return copy_out();
      case Phase::finished: return 0;
    }
    return 0;
  }

 private:
  enum class Phase { copy_in, orthogonalize, copy_out, finished };

  std::size_t copy_in() {
    if (column_ == columns_count_) {
      phase_ = Phase::orthogonalize;
      column_ = 0;
      return 1;
    }
    const std::size_t c = column_++;
    columns_.resize((c + 1) * n_);
    for (std::size_t r = 0; r < n_; ++r) columns_[c * n_ + r] = a_->values[r * columns_count_ + c];
    return (kCopyCost + (fresh_ ? kFreshCost : 0)) * n_ + 1;
  }

  // The current column's length, one projection, or its normalisation.
  std::size_t orthogonalize() {
    if (column_ == columns_count_) {
      a_->columns = kept_;
      a_->values.resize(n_ * kept_);
      phase_ = Phase::copy_out;
      column_ = 0;
      return 1;
    }
    double* v = columns_.data() + column_ * n_;
    if (!measured_) {
      before_ = length(v, n_);
      measured_ = true;
      return n_ + 1;
    }
    if (projected_ < kept_) {
      const double* q = columns_.data() + projected_++ * n_;
      double dot = 0;
      for (std::size_t r = 0; r < n_; ++r) dot += q[r] * v[r];
      for (std::size_t r = 0; r < n_; ++r) v[r] -= dot * q[r];
      return 2 * n_ + 1;
    }
    const double after = length(v, n_);
    if (after > kDependent * before_) {
      double* target = columns_.data() + kept_++ * n_;
      for (std::size_t r = 0; r < n_; ++r) target[r] = v[r] / after;
    }
    ++column_;
    projected_ = 0;
    measured_ = false;
    return 2 * n_ + 1;
  }

  std::size_t copy_out() {
    if (column_ == kept_) {
      phase_ = Phase::finished;
      a_ = nullptr;
      return 1;
    }
    const std::size_t c = column_++;
    for (std::size_t r = 0; r < n_; ++r) a_->values[r * kept_ + c] = static_cast<float>(columns_[c * n_ + r]);
    return kCopyCost * n_ + 1;
  }

  DenseMatrix* a_ = nullptr;
  std::vector<double> columns_;
  std::size_t n_ = 0, columns_count_ = 0;
  Phase phase_ = Phase::finished;
  std::size_t column_ = 0;     // the column being copied or orthogonalised
  std::size_t kept_ = 0;       // columns kept so far, at the front
  std::size_t projected_ = 0;  // kept columns already taken out of the current one
  bool measured_ = false;      // before_ holds the current column's length
  double before_ = 0;
  bool fresh_ = false;         // the copy goes to memory never touched before
};

// Adds document j's share of y = X v (terms x k).
std::size_t multiply_column(const SparseColumns& x, std::size_t j, const DenseMatrix& v, DenseMatrix& y) {
  const std::size_t k = v.columns;
  const float* in = v.row(j);
  for (std::size_t e = x.start[j]; e < x.start[j + 1]; ++e) {
    float* out = y.row(x.row[e]);
    const float w = x.weight[e];
    for (std::size_t c = 0; c < k; ++c) out[c] += w * in[c];
  }
  return x.entries(j) * k + 1;
}

// Row j of v = X^T y (documents x k).
std::size_t multiply_transposed_row(const SparseColumns& x, std::size_t j, const DenseMatrix& y, DenseMatrix& v) {
  const std::size_t k = y.columns;
  float* out = v.row(j);
  for (std::size_t e = x.start[j]; e < x.start[j + 1]; ++e) {
    const float* in = y.row(x.row[e]);
    const float w = x.weight[e];
    for (std::size_t c = 0; c < k; ++c) out[c] += w * in[c];
  }
  return x.entries(j) * k + 1;
}

// m as a zero matrix; returns the cost (a memset: a quarter of a multiply-add per value).
std::size_t zeroed(DenseMatrix& m, std::size_t rows, std::size_t columns) {
  m.rows = rows;
  m.columns = columns;
  m.values.assign(rows * columns, 0.0f);
  return rows * columns / 4 + 1;
}

}  // namespace

// The stages in the order build runs them; `next` is the document or column a stage is at.
struct LatentTopicsBuilder::Work {
  enum class Stage {
    find_terms,    // which terms have a row (document by document)
    number_terms,  // their rows, in term id order
    fill_matrix,   // X in row numbers (document by document)
    touch_products,  // Y's memory, a slice at a time (its first zeroing costs the most)
    draw_start,    // the random start V (column by column)
    orthonormalize_start,
    multiply,             // Y = X V (document by document)
    multiply_transposed,  // V = X^T Y (document by document)
    orthonormalize_round,
    final_multiply,  // Y = X V once more, then Q = orth(Y)
    orthonormalize_final,
    finished,
  };

  Work(std::vector<TermWeights> documents_in, std::size_t dimensions_in, int rounds_in, std::uint64_t seed)
      : documents(std::move(documents_in)), dimensions(dimensions_in), rounds(rounds_in), random(seed) {}

  std::size_t advance();
  std::size_t find_terms();
  std::size_t number_terms();
  std::size_t fill_matrix();
  std::size_t touch_products();
  std::size_t draw_start();
  std::size_t orthonormalize();
  std::size_t multiply();
  std::size_t multiply_transposed();
  std::size_t next_round_or_final_product();
  void finish_empty() {
    out = {};
    stage = Stage::finished;
  }

  std::vector<TermWeights> documents;  // until the matrix is filled
  std::size_t document_count = 0;
  std::size_t dimensions;
  int rounds;
  SeededRandom random;
  Stage stage = Stage::find_terms;
  std::size_t next = 0;
  int round = 0;
  std::size_t entries = 0;  // of X
  std::uint32_t term_rows = 0;
  std::size_t k = 0;
  SparseColumns x;
  DenseMatrix v, y;
  GramSchmidt gram_schmidt;
  LatentTopics out;
};

// One piece of the current stage; returns its cost.
std::size_t LatentTopicsBuilder::Work::advance() {
  switch (stage) {
    case Stage::find_terms: return find_terms();
    case Stage::number_terms: return number_terms();
    case Stage::fill_matrix: return fill_matrix();
    case Stage::touch_products: return touch_products();
    case Stage::draw_start: return draw_start();
    case Stage::orthonormalize_start:
    case Stage::orthonormalize_round:
    case Stage::orthonormalize_final: return orthonormalize();
    case Stage::multiply:
    case Stage::final_multiply: return multiply();
    case Stage::multiply_transposed: return multiply_transposed();
    case Stage::finished: return 0;
  }
  return 0;
}

// The basis has a row for each term the documents use.
std::size_t LatentTopicsBuilder::Work::find_terms() {
  if (next == documents.size()) {
    stage = Stage::number_terms;
    return 1;
  }
  const TermWeights& document = documents[next++];
  for (const auto& [term, weight] : document) {
    if (weight == 0) continue;
    if (term >= out.row_of_term_.size()) out.row_of_term_.resize(std::size_t{term} + 1, LatentTopics::kNoRow);
    out.row_of_term_[term] = 0;
    ++entries;
  }
  return kEntryCost * document.size() + 1;
}

std::size_t LatentTopicsBuilder::Work::number_terms() {
  for (std::uint32_t& row : out.row_of_term_)
    if (row != LatentTopics::kNoRow) row = term_rows++;
  x.row.reserve(entries);  // filled a document per piece: no piece copies all before it
  x.weight.reserve(entries);
  x.start.reserve(documents.size() + 1);
  stage = Stage::fill_matrix;
  next = 0;
  return out.row_of_term_.size() + 1;
}

std::size_t LatentTopicsBuilder::Work::fill_matrix() {
  if (next < documents.size()) {
    const TermWeights& document = documents[next++];
    for (const auto& [term, weight] : document) {
      if (weight == 0) continue;
      x.row.push_back(out.row_of_term_[term]);
      x.weight.push_back(weight);
    }
    x.start.push_back(x.row.size());
    return (kEntryCost + kFreshCost) * document.size() + 1;
  }
  // Subspace iteration on the document side (X^T X, documents x k), which is the small side: the
  // background is capped at a few thousand texts while its vocabulary is several times larger,
  // and Gram-Schmidt costs rows x k^2. Q = orth(X V) then spans the same subspace as term-side
  // iteration started from X times the random start.
  document_count = documents.size();
  documents = {};
  k = std::min({dimensions, document_count, static_cast<std::size_t>(term_rows)});
  if (k == 0) {
    finish_empty();
    return 1;
  }
  y.values.reserve(std::size_t{term_rows} * k);
  stage = Stage::touch_products;
  return 1;
}

std::size_t LatentTopicsBuilder::Work::touch_products() {
  constexpr std::size_t kSlice = std::size_t{1} << 13;  // values: 8 pages
  const std::size_t size = std::min(std::size_t{term_rows} * k, y.values.size() + kSlice);
  const std::size_t added = size - y.values.size();
  y.values.resize(size);
  if (size == std::size_t{term_rows} * k) {
    stage = Stage::draw_start;
    next = 0;
    return kFreshCost / 2 * added + zeroed(v, document_count, k);  // a float is 4 bytes
  }
  return kFreshCost / 2 * added + 1;
}

// Column by column: the start of topic c is one stretch of draws.
std::size_t LatentTopicsBuilder::Work::draw_start() {
  for (std::size_t j = 0; j < v.rows; ++j) v.row(j)[next] = static_cast<float>(random.gaussian());
  if (++next == k) {
    gram_schmidt.start(v);
    stage = Stage::orthonormalize_start;
  }
  return kDrawCost * v.rows + 1;
}

std::size_t LatentTopicsBuilder::Work::orthonormalize() {
  const std::size_t cost = gram_schmidt.advance();
  if (!gram_schmidt.done()) return cost;
  if (stage == Stage::orthonormalize_final) {
    if (y.columns == 0) {
      finish_empty();
      return cost;
    }
    out.dimensions_ = y.columns;
    out.rows_ = std::move(y.values);  // already row by row
    stage = Stage::finished;
    return cost;
  }
  if (stage == Stage::orthonormalize_round) ++round;
  return cost + next_round_or_final_product();
}

// Another round while rounds remain and V has columns; else the final product.
std::size_t LatentTopicsBuilder::Work::next_round_or_final_product() {
  stage = round < rounds && v.columns > 0 ? Stage::multiply : Stage::final_multiply;
  next = 0;
  return zeroed(y, term_rows, v.columns);
}

std::size_t LatentTopicsBuilder::Work::multiply() {
  const std::size_t cost = multiply_column(x, next, v, y);
  if (++next < document_count) return cost;
  next = 0;
  if (stage == Stage::final_multiply) {
    gram_schmidt.start(y);
    stage = Stage::orthonormalize_final;
    return cost;
  }
  stage = Stage::multiply_transposed;
  return cost + zeroed(v, document_count, y.columns);
}

std::size_t LatentTopicsBuilder::Work::multiply_transposed() {
  const std::size_t cost = multiply_transposed_row(x, next, y, v);
  if (++next < document_count) return cost;
  gram_schmidt.start(v);
  stage = Stage::orthonormalize_round;
  return cost;
}

LatentTopicsBuilder::LatentTopicsBuilder() = default;
LatentTopicsBuilder::LatentTopicsBuilder(std::vector<TermWeights> documents, std::size_t dimensions, int rounds,
                                         std::uint64_t seed)
    : work_(std::make_unique<Work>(std::move(documents), dimensions, rounds, seed)) {}
LatentTopicsBuilder::~LatentTopicsBuilder() = default;
LatentTopicsBuilder::LatentTopicsBuilder(LatentTopicsBuilder&&) noexcept = default;
LatentTopicsBuilder& LatentTopicsBuilder::operator=(LatentTopicsBuilder&&) noexcept = default;

bool LatentTopicsBuilder::done() const { return !work_ || work_->stage == Work::Stage::finished; }

bool LatentTopicsBuilder::step() {
  std::size_t work = 0;
  while (!done() && work < kStepWork) work += work_->advance();
  return !done();
}

LatentTopics LatentTopicsBuilder::take() {
  if (!done()) return {};
  LatentTopics topics = work_ ? std::move(work_->out) : LatentTopics{};
  work_.reset();
  return topics;
}

LatentTopics LatentTopics::build(const std::vector<TermWeights>& documents, std::size_t dimensions, int rounds,
                                 std::uint64_t seed) {
  LatentTopicsBuilder builder(documents, dimensions, rounds, seed);
  while (builder.step()) {
  }
  return builder.take();
}

std::vector<float> LatentTopics::project(const TermWeights& x) const {
  std::vector<float> z(dimensions_, 0.0f);
  for (const auto& [term, weight] : x) {
    if (term >= row_of_term_.size() || row_of_term_[term] == kNoRow) continue;
    const float* row = rows_.data() + static_cast<std::size_t>(row_of_term_[term]) * dimensions_;
    for (std::size_t c = 0; c < dimensions_; ++c) z[c] += weight * row[c];
  }
  return z;
}

}  // namespace support
