#include "screening/questions.h"

namespace support {

namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

}  // namespace

bool is_question_word(std::string_view folded) {
  for (const std::string_view word : {"what", "where", "when", "which", "who", "why", "how", "whom"})
    if (folded == word) return true;
  return false;
}

std::vector<TextRange> question_sentences(std::string_view text) {
  std::vector<TextRange> out;
  std::size_t start = 0;
  auto end_sentence = [&](std::size_t end, std::size_t next) {
    std::size_t first = start, last = end;
    while (first < last && is_space(text[first])) ++first;
    while (last > first && is_space(text[last - 1])) --last;
    if (last > first && text[last - 1] == '?') out.push_back({first, last});
    start = next;
  };
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '\n') {
      end_sentence(i, i + 1);
    } else if ((c == '.' || c == '?' || c == '!') && i + 1 < text.size() && is_space(text[i + 1])) {
      end_sentence(i + 1, i + 1);
    }
  }
  end_sentence(text.size(), text.size());
  return out;
}

}  // namespace support
