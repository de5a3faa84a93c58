#include "text/base64.h"

namespace support {
namespace {

constexpr char kAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

int sextet(char c) {
  if (c >= 'A' && c <= 'Z') return c - 'A';
  if (c >= 'a' && c <= 'z') return c - 'a' + 26;
  if (c >= '0' && c <= '9') return c - '0' + 52;
  if (c == '+') return 62;
  if (c == '/') return 63;
  return -1;
}

}  // namespace

std::string base64_encode(std::string_view bytes) {
  std::string out;
  out.reserve((bytes.size() + 2) / 3 * 4);
  std::size_t i = 0;
  for (; i + 2 < bytes.size(); i += 3) {
    const unsigned v = (static_cast<unsigned char>(bytes[i]) << 16) | (static_cast<unsigned char>(bytes[i + 1]) << 8) |
                       static_cast<unsigned char>(bytes[i + 2]);
    out += kAlphabet[(v >> 18) & 63];
    out += kAlphabet[(v >> 12) & 63];
    out += kAlphabet[(v >> 6) & 63];
    out += kAlphabet[v & 63];
  }
  const std::size_t rest = bytes.size() - i;
  if (rest > 0) {
    unsigned v = static_cast<unsigned char>(bytes[i]) << 16;
    if (rest == 2) v |= static_cast<unsigned char>(bytes[i + 1]) << 8;
    out += kAlphabet[(v >> 18) & 63];
    out += kAlphabet[(v >> 12) & 63];
    out += rest == 2 ? kAlphabet[(v >> 6) & 63] : '=';
    out += '=';
  }
  return out;
}

std::size_t base64_decoded_size(std::string_view text) {
  if (text.size() % 4 != 0) return 0;
  std::size_t size = text.size() / 4 * 3;
  if (!text.empty() && text.back() == '=') --size;
  if (text.size() > 1 && text[text.size() - 2] == '=') --size;
  return size;
}

std::optional<std::string> base64_decode(std::string_view text) {
  if (text.size() % 4 != 0) return std::nullopt;
  std::string out;
  out.reserve(base64_decoded_size(text));
  for (std::size_t i = 0; i < text.size(); i += 4) {
    const bool last = i + 4 == text.size();
    const int a = sextet(text[i]), b = sextet(text[i + 1]);
    const bool pad3 = last && text[i + 2] == '=' && text[i + 3] == '=';
    const bool pad4 = last && !pad3 && text[i + 3] == '=';
    const int c = pad3 ? 0 : sextet(text[i + 2]);
    const int d = pad3 || pad4 ? 0 : sextet(text[i + 3]);
    if (a < 0 || b < 0 || c < 0 || d < 0) return std::nullopt;
    const unsigned v = (a << 18) | (b << 12) | (c << 6) | d;
    out += static_cast<char>((v >> 16) & 255);
    if (pad3) {
      if ((v & 0xFFFF) != 0) return std::nullopt;   // bits past the end must be zero (canonical)
      break;
    }
    out += static_cast<char>((v >> 8) & 255);
    if (pad4) {
      if ((v & 0xFF) != 0) return std::nullopt;
      break;
    }
    out += static_cast<char>(v & 255);
  }
  return out;
}

}  // namespace support
