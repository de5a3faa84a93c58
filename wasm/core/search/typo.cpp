#include "search/typo.h"

#include <algorithm>
#include <vector>

namespace support {

int allowed_typos(std::size_t letters) {
  if (letters >= 9) return 2;
  if (letters >= 5) return 1;
  return 0;
}

int bounded_edit_distance(std::string_view a, std::string_view b, int max_edits) {
  const int n = static_cast<int>(a.size()), m = static_cast<int>(b.size());
  if (std::abs(n - m) > max_edits) return max_edits + 1;
  if (n > 64 || m > 64) return a == b ? 0 : max_edits + 1;
  // Three rolling rows of the dynamic-programming table (two back for transpositions).
  int rows[3][65];
  int* before = rows[0];
  int* prev = rows[1];
  int* cur = rows[2];
  for (int j = 0; j <= m; ++j) prev[j] = j;
  for (int i = 1; i <= n; ++i) {
    cur[0] = i;
    int row_min = cur[0];
    for (int j = 1; j <= m; ++j) {
      const int cost = a[i - 1] == b[j - 1] ? 0 : 1;
      int best = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) best = std::min(best, before[j - 2] + 1);
      cur[j] = best;
      row_min = std::min(row_min, best);
    }
    if (row_min > max_edits) return max_edits + 1;  // every path already costs too much
    std::swap(before, prev);
    std::swap(prev, cur);
  }
  return std::min(prev[m], max_edits + 1);
}

}  // namespace support
