#include "search/highlight.h"

#include <algorithm>

#include "search/stemmer.h"
#include "search/stop_words.h"
#include "search/tokenizer.h"

namespace support {
namespace {

bool contains(const std::vector<std::string>& sorted, const std::string& value) {
  return std::binary_search(sorted.begin(), sorted.end(), value);
}

}  // namespace

std::vector<TextSpan> highlight_spans(std::string_view text, const std::vector<std::string>& matched_terms) {
  std::vector<TextSpan> spans;
  if (text.empty() || matched_terms.empty()) return spans;

  // The matched terms go through the tokenizer as well, so they are folded and cut exactly
  // like the words of the text ("café" in matched_terms meets "CAFÉ" in a title).
  Stemmer stemmer;
  std::vector<Token> tokens;
  for (const std::string& term : matched_terms) tokenize(term, tokens);
  std::vector<std::string> folded, stems;
  for (Token& token : tokens) {
    if (is_stop_word(token.folded)) continue;
    stems.push_back(stemmer.stem(token.folded));
    folded.push_back(std::move(token.folded));
  }
  if (folded.empty()) return spans;
  std::sort(folded.begin(), folded.end());
  std::sort(stems.begin(), stems.end());

  tokens.clear();
  tokenize(text, tokens);
  for (const Token& token : tokens) {
    if (is_stop_word(token.folded)) continue;
    if (contains(folded, token.folded) || contains(stems, stemmer.stem(token.folded)))
      spans.push_back(TextSpan{token.begin, token.end});  // tokens come in text order and never overlap
  }
  return spans;
}

}  // namespace support
