#include "search/tokenizer.h"

#include "text/utf8.h"

namespace support {
namespace {

bool is_apostrophe(char32_t cp) { return cp == '\'' || cp == 0x2019; }

void push_token(std::string& folded, std::uint32_t begin, std::uint32_t end, std::vector<Token>& out) {
  if (folded.empty()) return;
  if (folded.size() > kMaxTokenBytes) {
    std::size_t cut = kMaxTokenBytes;
    while (cut > 0 && (static_cast<unsigned char>(folded[cut]) & 0xC0) == 0x80) --cut;  // keep whole code points
    folded.resize(cut);
  }
  out.push_back(Token{std::move(folded), begin, end});
  folded.clear();
}

}  // namespace

void tokenize(std::string_view text, std::vector<Token>& out) {
  std::string folded;
  std::uint32_t begin = 0;
  bool in_word = false;
  std::size_t pos = 0;
  while (pos < text.size()) {
    const std::size_t start = pos;
    const char32_t cp = utf8_next(text, pos);
    if (is_ideograph(cp)) {
      if (in_word) push_token(folded, begin, static_cast<std::uint32_t>(start), out);
      in_word = false;
      append_folded(folded, cp);
      push_token(folded, static_cast<std::uint32_t>(start), static_cast<std::uint32_t>(pos), out);
      continue;
    }
    if (is_word_char(cp)) {
      if (!in_word) begin = static_cast<std::uint32_t>(start), in_word = true;
      if (folded.size() <= kMaxTokenBytes + 4) append_folded(folded, cp);  // bound work on huge words
      continue;
    }
    if (in_word && is_apostrophe(cp) && pos < text.size()) {
      std::size_t peek = pos;
      if (is_word_char(utf8_next(text, peek))) continue;  // "don't": keep the word going, drop the mark
    }
    if (in_word) push_token(folded, begin, static_cast<std::uint32_t>(start), out);
    in_word = false;
  }
  if (in_word) push_token(folded, begin, static_cast<std::uint32_t>(text.size()), out);
}

std::vector<Token> tokenize(std::string_view text) {
  std::vector<Token> out;
  tokenize(text, out);
  return out;
}

}  // namespace support
