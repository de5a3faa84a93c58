#pragma once
// What in a text is a question, for the duplicate engine (duplicate_index.h): a draft's
// question sentences say what the customer asks, and the question words themselves ("how",
// "where") tell "how do I renew" from "where do I renew".
#include <cstddef>
#include <string_view>
#include <vector>

namespace support {

// what, where, when, which, who, why, how, whom (tokenizer spelling): stop words for search,
// but kept as terms by the duplicate engine.
bool is_question_word(std::string_view folded);

struct TextRange {
  std::size_t begin = 0;  // byte offsets into the text
  std::size_t end = 0;
};

// The sentences of `text` that end in '?', in order, without the white space around them. A
// sentence ends after '.', '?' or '!' followed by white space, and at every line break.
std::vector<TextRange> question_sentences(std::string_view text);

}  // namespace support
