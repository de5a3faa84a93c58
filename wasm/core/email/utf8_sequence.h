#pragma once
// Transitional: the strict UTF-8 decoder moved to text/utf8_codec.h (utf8_next_strict).
// Kept only because ticket/ticket_validation.cpp still includes this header and calls
// decode_utf8_at; delete this file once that caller uses text/utf8_codec.h.
#include "text/utf8_codec.h"

namespace support {

inline std::optional<char32_t> decode_utf8_at(std::string_view text, std::size_t& pos) {
  return utf8_next_strict(text, pos);
}

}  // namespace support
