#pragma once
// The one UTF-8 decoder of the core, in two strengths over the same rules:
//   lenient (utf8_next, utf8_length): never fails, each ill-formed byte becomes U+FFFD, for
//     text we only need to read (search, field lengths while typing);
//   strict (utf8_next_strict, is_valid_utf8): refuses ill-formed text, for text we pass on
//     (email addresses, tickets going into JSON and a database).
// Well-formed means RFC 3629: no overlong forms, no surrogates, nothing above U+10FFFF, no
// truncated sequences.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace support {

constexpr char32_t kReplacementChar = 0xFFFD;

// Decodes the code point at `pos` and advances `pos` past it. Invalid or truncated
// sequences, overlongs and surrogates yield U+FFFD and advance by one byte, so any byte
// string can be walked to its end. Precondition: pos < text.size().
char32_t utf8_next(std::string_view text, std::size_t& pos);

// Decodes the code point at `pos` and advances `pos` past it; nullopt (pos unchanged) when
// the sequence there is ill-formed or pos is at the end.
std::optional<char32_t> utf8_next_strict(std::string_view text, std::size_t& pos);

// True when the whole text is well-formed UTF-8.
bool is_valid_utf8(std::string_view text);

// Number of code points; each ill-formed byte counts as one (it is one U+FFFD to utf8_next).
std::size_t utf8_length(std::string_view text);

// Length in UTF-16 code units (code points above U+FFFF count two), as the DOM measures text
// and selections; ill-formed bytes count as one U+FFFD each.
std::size_t utf16_length(std::string_view text);

// Appends the UTF-8 encoding of `cp` (U+FFFD for values that are not scalar values).
void utf8_append(std::string& out, char32_t cp);

// The text with every ill-formed byte replaced by U+FFFD (well-formed text comes back as it was).
std::string to_valid_utf8(std::string_view text);

}  // namespace support
