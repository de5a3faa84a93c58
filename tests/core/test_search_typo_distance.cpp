#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "reference_edit_distance.h"
#include "search/typo.h"

using namespace support;

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
    const int expected = std::min(test_reference::edit_distance(a, b), max_edits + 1);
    INFO(a, " / ", b, " max ", max_edits);
    REQUIRE(bounded_edit_distance(a, b, max_edits) == expected);
  }
}
