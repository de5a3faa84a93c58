#pragma once
// UTF-8 helpers for search and validation: decoding that never fails, case folding and
// accent folding. "Folding" maps text to the form two spellings share: "Café" and "CAFE"
// both fold to "cafe", "Straße" to "strasse". Covers Latin (Basic, Latin-1, Extended-A/B),
// Greek and Cyrillic; other scripts pass through unchanged.
#include <cstddef>
#include <string>
#include <string_view>

namespace support {

constexpr char32_t kReplacementChar = 0xFFFD;

// Decodes the code point at `pos` and advances `pos` past it. Invalid or truncated
// sequences, overlongs and surrogates yield U+FFFD and advance by one byte, so any byte
// string can be walked to its end. Precondition: pos < text.size().
char32_t utf8_next(std::string_view text, std::size_t& pos);

// Appends the UTF-8 encoding of `cp` (U+FFFD for values that are not scalar values).
void utf8_append(std::string& out, char32_t cp);

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
