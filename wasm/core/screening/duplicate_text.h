#pragma once
// The normalised form two submissions of one draft share: the exact-resubmit check of the
// duplicate engine (duplicate_index.h) compares these.
#include <string>
#include <string_view>

namespace support {

// Folded words joined by single spaces: equal for two submissions of the same draft even if
// case, accents, spacing or punctuation changed ("Hello,  World!" == "hello world").
std::string normalized_ticket_text(std::string_view subject, std::string_view description);

}  // namespace support
