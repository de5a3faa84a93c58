#pragma once
// English function words that carry no topic ("how", "do", "the"). They are not indexed and
// are dropped from queries that have other words.
#include <string_view>

namespace support {

// `folded` is a tokenizer word (lower case, apostrophes removed: "dont").
bool is_stop_word(std::string_view folded);

}  // namespace support
