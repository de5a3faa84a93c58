#include "text/utf8_codec.h"

namespace support {
namespace {

// One sequence read at a position: its code point and byte length, or length 0 when the
// bytes there are not a well-formed sequence.
struct Utf8Sequence {
  char32_t code_point = 0;
  std::size_t length = 0;
};

// Precondition: pos < text.size().
Utf8Sequence decode_sequence(std::string_view text, std::size_t pos) {
  const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[i]); };
  const unsigned char lead = byte(pos);
  if (lead < 0x80) return {lead, 1};
  std::size_t length = 0;
  char32_t value = 0;
  char32_t minimum = 0;  // smallest value this length may encode (rejects overlong forms)
  if ((lead & 0xE0) == 0xC0) {
    length = 2, value = lead & 0x1F, minimum = 0x80;
  } else if ((lead & 0xF0) == 0xE0) {
    length = 3, value = lead & 0x0F, minimum = 0x800;
  } else if ((lead & 0xF8) == 0xF0) {
    length = 4, value = lead & 0x07, minimum = 0x10000;
  } else {
    return {};  // stray continuation byte or 0xF8..0xFF as a lead byte
  }
  if (length > text.size() - pos) return {};  // truncated at the end of the text
  for (std::size_t i = 1; i < length; ++i) {
    const unsigned char next = byte(pos + i);
    if ((next & 0xC0) != 0x80) return {};  // truncated by the next character
    value = (value << 6) | (next & 0x3F);
  }
  if (value < minimum || value > 0x10FFFF || (value >= 0xD800 && value <= 0xDFFF)) return {};
  return {value, length};
}

}  // namespace

char32_t utf8_next(std::string_view text, std::size_t& pos) {
  const Utf8Sequence sequence = decode_sequence(text, pos);
  if (sequence.length == 0) {
    ++pos;  // resynchronise on the next byte
    return kReplacementChar;
  }
  pos += sequence.length;
  return sequence.code_point;
}

std::optional<char32_t> utf8_next_strict(std::string_view text, std::size_t& pos) {
  if (pos >= text.size()) return std::nullopt;
  const Utf8Sequence sequence = decode_sequence(text, pos);
  if (sequence.length == 0) return std::nullopt;
  pos += sequence.length;
  return sequence.code_point;
}

std::string to_valid_utf8(std::string_view text) {
  if (is_valid_utf8(text)) return std::string(text);
  std::string out;
  out.reserve(text.size() + 8);
  for (std::size_t pos = 0; pos < text.size();) utf8_append(out, utf8_next(text, pos));
  return out;
}

bool is_valid_utf8(std::string_view text) {
  for (std::size_t pos = 0; pos < text.size();)
    if (!utf8_next_strict(text, pos)) return false;
  return true;
}

std::size_t utf8_length(std::string_view text) {
  std::size_t count = 0;
  for (std::size_t pos = 0; pos < text.size(); ++count) utf8_next(text, pos);
  return count;
}

std::size_t utf16_length(std::string_view text) {
  std::size_t units = 0;
  for (std::size_t pos = 0; pos < text.size();) units += utf8_next(text, pos) > 0xFFFF ? 2 : 1;
  return units;
}

void utf8_append(std::string& out, char32_t cp) {
  if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) cp = kReplacementChar;
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

}  // namespace support
