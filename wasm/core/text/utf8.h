#pragma once
// Text folding and word characters for search. "Folding" maps text to the form two spellings
// share: "Café" and "CAFE" both fold to "cafe", "Straße" to "strasse". Covers Latin (Basic,
// Latin-1, Extended-A/B), Greek and Cyrillic; other scripts pass through unchanged.
// Decoding and encoding live in text/utf8_codec.h; it is included here because folding walks
// text with it and the search code reaches utf8_next/utf8_append through this header.
#include "text/utf8_codec.h"

#include <string>
#include <string_view>

namespace support {

// Simple (one-to-one) lower-casing for Latin, Greek and Cyrillic.
char32_t fold_case(char32_t cp);

// Appends `cp` lower-cased and with diacritics removed (é -> e, ß -> ss, æ -> ae,
// combining marks dropped).
void append_folded(std::string& out, char32_t cp);

// The folded form of a whole string (invalid bytes become U+FFFD).
std::string fold_text(std::string_view text);

// True for code points that belong inside a word: letters, digits, combining marks.
bool is_word_char(char32_t cp);

// True for ideographic scripts written without spaces (each character is a word).
bool is_ideograph(char32_t cp);

}  // namespace support
