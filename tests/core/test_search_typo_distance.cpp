#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "search/typo.h"

using namespace support;

namespace {

// Plain, unbanded optimal-string-alignment distance, as the reference.
int reference_distance(const std::string& a, const std::string& b) {
  const std::size_t n = a.size(), m = b.size();
  std::vector<std::vector<int>> d(n + 1, std::vector<int>(m + 1));
  for (std::size_t i = 0; i <= n; ++i) d[i][0] = static_cast<int>(i);
  for (std::size_t j = 0; j <= m; ++j) d[0][j] = static_cast<int>(j);
  for (std::size_t i = 1; i <= n; ++i)
    for (std::size_t j = 1; j <= m; ++j) {
      d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
    }
  return d[n][m];
}

}  // namespace

TEST_CASE("bounded edit distance agrees with the full table on random short words") {
  // Small alphabet so that near matches, transpositions and band edges are common.
  unsigned state = 12345;
  const auto next = [&] { return state = state * 1103515245u + 12345u, (state >> 16) & 0x7fff; };
  for (int round = 0; round < 20000; ++round) {
    std::string a, b;
    const unsigned la = next() % 10, lb = next() % 10;
    for (unsigned i = 0; i < la; ++i) a += static_cast<char>('a' + next() % 3);
    for (unsigned i = 0; i < lb; ++i) b += static_cast<char>('a' + next() % 3);
    const int max_edits = 1 + static_cast<int>(next() % 2);
    const int expected = std::min(reference_distance(a, b), max_edits + 1);
    INFO(a, " / ", b, " max ", max_edits);
    REQUIRE(bounded_edit_distance(a, b, max_edits) == expected);
  }
}
