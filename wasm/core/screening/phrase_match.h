#pragma once
// Finding configured words and short phrases in free text, as whole words: both sides are
// tokenised and folded (search/tokenizer.h: case and accents ignored, punctuation separates),
// so "Idiots!" matches "idiots" and "sue you" matches "I will SUE you", but "class" never
// matches "ass". Used by the tone and completeness checks.
#include <string>
#include <string_view>
#include <vector>

namespace support {

class PhraseList {
 public:
  explicit PhraseList(const std::vector<std::string>& phrases);
  // The first configured phrase found in `text` (as configured), or empty.
  std::string find_in(std::string_view text) const;
  bool empty() const { return phrases_.empty(); }

 private:
  std::vector<std::string> originals_;
  std::vector<std::vector<std::string>> phrases_;  // folded words of each phrase
};

}  // namespace support
