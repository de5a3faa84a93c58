#include "email/string_distance.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <vector>

namespace support {

int sift4_distance(std::u32string_view s1, std::u32string_view s2, int max_offset) {
  const int l1 = static_cast<int>(s1.size());
  const int l2 = static_cast<int>(s2.size());
  if (l1 == 0) return l2;
  if (l2 == 0) return l1;

  struct Offset {
    int c1, c2;
    bool trans;
  };
  int c1 = 0, c2 = 0;
  int lcss = 0;      // longest common subsequence so far
  int local_cs = 0;  // current common substring
  int trans = 0;     // transpositions
  std::vector<Offset> offsets;

  while (c1 < l1 && c2 < l2) {
    if (s1[c1] == s2[c2]) {
      ++local_cs;
      bool is_trans = false;
      std::size_t i = 0;
      while (i < offsets.size()) {
        Offset& ofs = offsets[i];
        if (c1 <= ofs.c1 || c2 <= ofs.c2) {
          // Of two crossing matches, the one with the larger offset gap is the transposition.
          is_trans = std::abs(c2 - c1) >= std::abs(ofs.c2 - ofs.c1);
          if (is_trans) {
            ++trans;
          } else if (!ofs.trans) {
            ofs.trans = true;
            ++trans;
          }
          break;
        }
        if (c1 > ofs.c2 && c2 > ofs.c1) {
          offsets.erase(offsets.begin() + static_cast<long>(i));
        } else {
          ++i;
        }
      }
      offsets.push_back({c1, c2, is_trans});
    } else {
      lcss += local_cs;
      local_cs = 0;
      if (c1 != c2) c1 = c2 = std::min(c1, c2);
      // Look ahead for the next match; the cursors step back one so the shared ++ below lands on it.
      for (int j = 0; j < max_offset && (c1 + j < l1 || c2 + j < l2); ++j) {
        if (c1 + j < l1 && s1[c1 + j] == s2[c2]) {
          c1 += j - 1;
          --c2;
          break;
        }
        if (c2 + j < l2 && s1[c1] == s2[c2 + j]) {
          --c1;
          c2 += j - 1;
          break;
        }
      }
    }
    ++c1;
    ++c2;
    if (c1 >= l1 || c2 >= l2) {
      lcss += local_cs;
      local_cs = 0;
      c1 = c2 = std::min(c1, c2);
    }
  }
  lcss += local_cs;
  return std::max(l1, l2) - lcss + trans;
}

}  // namespace support
