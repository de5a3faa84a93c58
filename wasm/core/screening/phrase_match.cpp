#include "screening/phrase_match.h"

#include "search/tokenizer.h"

namespace support {

namespace {

std::vector<std::string> folded_words(std::string_view text) {
  std::vector<std::string> words;
  for (Token& token : tokenize(text)) words.push_back(std::move(token.folded));
  return words;
}

}  // namespace

PhraseList::PhraseList(const std::vector<std::string>& phrases) {
  for (const std::string& phrase : phrases) {
    std::vector<std::string> words = folded_words(phrase);
    if (words.empty()) continue;  // "!!!" has no words to look for
    originals_.push_back(phrase);
    phrases_.push_back(std::move(words));
  }
}

std::string PhraseList::find_in(std::string_view text) const {
  if (phrases_.empty()) return "";
  const std::vector<std::string> words = folded_words(text);
  for (std::size_t p = 0; p < phrases_.size(); ++p) {
    const std::vector<std::string>& phrase = phrases_[p];
    for (std::size_t i = 0; i + phrase.size() <= words.size(); ++i) {
      std::size_t k = 0;
      while (k < phrase.size() && words[i + k] == phrase[k]) ++k;
      if (k == phrase.size()) return originals_[p];
    }
  }
  return "";
}

}  // namespace support
