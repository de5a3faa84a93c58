#include "screening/duplicate_text.h"

#include "search/stemmer.h"
#include "search/stop_words.h"
#include "search/tokenizer.h"

namespace support {

std::vector<std::string> duplicate_terms(std::string_view text, Stemmer& stemmer) {
  std::vector<std::string> terms;
  for (const Token& token : tokenize(text)) {
    if (is_stop_word(token.folded)) continue;
    terms.push_back(stemmer.stem(token.folded));
  }
  return terms;
}

std::string normalized_ticket_text(std::string_view subject, std::string_view description) {
  std::string out;
  for (const std::string_view part : {subject, description}) {
    for (const Token& token : tokenize(part)) {
      if (!out.empty()) out += ' ';
      out += token.folded;
    }
    out += " |";  // keeps "a b" + "c" apart from "a" + "b c"
  }
  return out;
}

}  // namespace support
