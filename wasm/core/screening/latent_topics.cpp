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
};

// A column whose part outside the earlier columns is below this share of its length is taken
// as their combination (rounding noise, not a direction) and dropped.
constexpr double kDependent = 1e-9;

double length(const double* v, std::size_t n) {
  double squares = 0;
  for (std::size_t i = 0; i < n; ++i) squares += v[i] * v[i];
  return std::sqrt(squares);
}

// Modified Gram-Schmidt on the columns, in place; dependent columns are dropped and the kept
// ones move to the front. Works on a column-major copy in double, each column contiguous.
void orthonormalize(DenseMatrix& a) {
  const std::size_t n = a.rows;
  std::vector<double> columns(a.values.size());
  for (std::size_t r = 0; r < n; ++r)
    for (std::size_t c = 0; c < a.columns; ++c) columns[c * n + r] = a.values[r * a.columns + c];
  std::size_t kept = 0;
  for (std::size_t c = 0; c < a.columns; ++c) {
    double* v = columns.data() + c * n;
    const double before = length(v, n);
    for (std::size_t i = 0; i < kept; ++i) {
      const double* q = columns.data() + i * n;
      double dot = 0;
      for (std::size_t r = 0; r < n; ++r) dot += q[r] * v[r];
      for (std::size_t r = 0; r < n; ++r) v[r] -= dot * q[r];
    }
    const double after = length(v, n);
    if (!(after > kDependent * before)) continue;
    double* target = columns.data() + kept++ * n;
    for (std::size_t r = 0; r < n; ++r) target[r] = v[r] / after;
  }
  a.columns = kept;
  a.values.resize(n * kept);
  for (std::size_t r = 0; r < n; ++r)
    for (std::size_t c = 0; c < kept; ++c) a.values[r * kept + c] = static_cast<float>(columns[c * n + r]);
}

// y = X v (terms x k).
void multiply(const SparseColumns& x, std::size_t term_rows, const DenseMatrix& v, DenseMatrix& y) {
  const std::size_t k = v.columns;
  y.rows = term_rows;
  y.columns = k;
  y.values.assign(y.rows * k, 0.0f);
  for (std::size_t j = 0; j < x.columns(); ++j) {
    const float* in = v.row(j);
    for (std::size_t e = x.start[j]; e < x.start[j + 1]; ++e) {
      float* out = y.row(x.row[e]);
      const float w = x.weight[e];
      for (std::size_t c = 0; c < k; ++c) out[c] += w * in[c];
    }
  }
}

// v = X^T y (documents x k).
void multiply_transposed(const SparseColumns& x, const DenseMatrix& y, DenseMatrix& v) {
  const std::size_t k = y.columns;
  v.rows = x.columns();
  v.columns = k;
  v.values.assign(v.rows * k, 0.0f);
  for (std::size_t j = 0; j < x.columns(); ++j) {
    float* out = v.row(j);
    for (std::size_t e = x.start[j]; e < x.start[j + 1]; ++e) {
      const float* in = y.row(x.row[e]);
      const float w = x.weight[e];
      for (std::size_t c = 0; c < k; ++c) out[c] += w * in[c];
    }
  }
}

}  // namespace

LatentTopics LatentTopics::build(const std::vector<TermWeights>& documents, std::size_t dimensions, int rounds,
                                 std::uint64_t seed) {
  LatentTopics out;
  // The basis has a row for each term the documents use, in term id order.
  std::uint32_t term_end = 0;
  for (const TermWeights& document : documents)
    for (const auto& [term, weight] : document)
      if (weight != 0) term_end = std::max(term_end, term + 1);
  out.row_of_term_.assign(term_end, kNoRow);
  for (const TermWeights& document : documents)
    for (const auto& [term, weight] : document)
      if (weight != 0) out.row_of_term_[term] = 0;
  std::uint32_t term_rows = 0;
  for (std::uint32_t& row : out.row_of_term_)
    if (row != kNoRow) row = term_rows++;

  SparseColumns x;
  for (const TermWeights& document : documents) {
    for (const auto& [term, weight] : document) {
      if (weight == 0) continue;
      x.row.push_back(out.row_of_term_[term]);
      x.weight.push_back(weight);
    }
    x.start.push_back(x.row.size());
  }

  // Subspace iteration on the document side (X^T X, documents x k), which is the small side: the
  // background is capped at a few thousand texts while its vocabulary is several times larger,
  // and Gram-Schmidt costs rows x k^2. Q = orth(X V) then spans the same subspace as term-side
  // iteration started from X times the random start.
  const std::size_t k = std::min({dimensions, documents.size(), static_cast<std::size_t>(term_rows)});
  if (k == 0) return {};
  DenseMatrix v{documents.size(), k, {}};
  v.values.resize(v.rows * v.columns);
  SeededRandom random(seed);
  for (std::size_t c = 0; c < k; ++c)  // column by column: the start of topic c is one stretch of draws
    for (std::size_t j = 0; j < v.rows; ++j) v.row(j)[c] = static_cast<float>(random.gaussian());
  orthonormalize(v);
  DenseMatrix y;
  for (int round = 0; round < rounds && v.columns > 0; ++round) {
    multiply(x, term_rows, v, y);
    multiply_transposed(x, y, v);
    orthonormalize(v);
  }
  multiply(x, term_rows, v, y);
  orthonormalize(y);
  if (y.columns == 0) return {};

  out.dimensions_ = y.columns;
  out.rows_.assign(y.values.begin(), y.values.end());  // already row by row
  return out;
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
