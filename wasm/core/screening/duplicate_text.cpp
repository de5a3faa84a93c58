#include "screening/duplicate_text.h"

#include "search/tokenizer.h"

namespace support {

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
