#pragma once
// Splits text into search words. Words are runs of letters/digits (Unicode-aware, see
// text/utf8.h), folded to lower case without accents; apostrophes inside a word are dropped
// ("don't" -> "dont"); each CJK ideograph is a word of its own; emoji and punctuation
// separate words. Never fails: invalid UTF-8 becomes a separator.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace support {

struct Token {
  std::string folded;   // lower-cased, accent-free form, at most kMaxTokenBytes bytes
  std::uint32_t begin;  // byte range of the word in the input (for highlighting)
  std::uint32_t end;
};

// Longer words (hashes, base64, run-together junk) are cut to this many bytes so that one
// pathological word cannot blow up the vocabulary or the typo search.
constexpr std::size_t kMaxTokenBytes = 40;

// Appends the tokens of `text` to `out`.
void tokenize(std::string_view text, std::vector<Token>& out);
std::vector<Token> tokenize(std::string_view text);

}  // namespace support
