#pragma once
// Minimal UTF-8 decoding shared by the email check and the ticket validation (lengths are counted
// in code points, and malformed text must be refused before it reaches JSON or a database).
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace support {

// Decodes one code point starting at text[pos]; advances pos past it.
// Returns nullopt (pos unchanged) for overlong forms, surrogates, values above U+10FFFF and
// truncated sequences.
std::optional<char32_t> decode_utf8_at(std::string_view text, std::size_t& pos);

// Number of code points, or nullopt when the text is not well-formed UTF-8.
std::optional<std::size_t> utf8_code_point_count(std::string_view text);

}  // namespace support
