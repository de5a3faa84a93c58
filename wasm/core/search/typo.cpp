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
  // Three rolling rows of the dynamic-programming table (two back for transpositions), each
  // computed only within max_edits of the diagonal: cells further out cost more than allowed
  // anyway. Typo candidates are scanned by the thousand in a large KB, so this matters.
  const int over = max_edits + 1;
  int rows[3][65];
  for (auto& row : rows) std::fill(row, row + m + 1, over);
  int* before = rows[0];
  int* prev = rows[1];
  int* cur = rows[2];
  for (int j = 0; j <= std::min(m, max_edits); ++j) prev[j] = j;
  for (int i = 1; i <= n; ++i) {
    const int lo = std::max(1, i - max_edits), hi = std::min(m, i + max_edits);
    cur[0] = i <= max_edits ? i : over;
    if (lo > 1) cur[lo - 1] = over;
    int row_min = cur[0];
    for (int j = lo; j <= hi; ++j) {
      const int cost = a[i - 1] == b[j - 1] ? 0 : 1;
      int best = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) best = std::min(best, before[j - 2] + 1);
      cur[j] = std::min(best, over);
      row_min = std::min(row_min, cur[j]);
    }
    if (hi < m) cur[hi + 1] = over;
    if (row_min > max_edits) return over;  // every path already costs too much
    std::swap(before, prev);
    std::swap(prev, cur);
  }
  return std::min(prev[m], max_edits + 1);
}

}  // namespace support
