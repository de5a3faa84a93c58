#pragma once
// How the duplicate engine reads a text: search words (tokenizer: folded, accent-free), stop
// words dropped, Snowball stems. And the normalised form two resubmits of one draft share.
#include <string>
#include <string_view>
#include <vector>

namespace support {

class Stemmer;

// The stems of `text`, in order, without stop words.
std::vector<std::string> duplicate_terms(std::string_view text, Stemmer& stemmer);

// Folded words joined by single spaces: equal for two submissions of the same draft even if
// case, accents, spacing or punctuation changed ("Hello,  World!" == "hello world").
std::string normalized_ticket_text(std::string_view subject, std::string_view description);

}  // namespace support
