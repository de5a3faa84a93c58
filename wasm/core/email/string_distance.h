#pragma once
// Sift4 string distance (Siderite Zackwehdex, 2014), the "common" variant mailcheck.js uses for
// domain typos: close to Levenshtein for short strings, counts a swapped pair ("gmial" / "gmail")
// as one edit, and runs in linear time. Compares code points, so an internationalised domain
// typed in UTF-8 is measured in characters, not bytes.
#include <string_view>

namespace support {

// maxOffset 5 is mailcheck's: how far ahead the cursors look for the next matching character.
int sift4_distance(std::u32string_view a, std::u32string_view b, int max_offset = 5);

}  // namespace support
