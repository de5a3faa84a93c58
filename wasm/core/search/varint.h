#pragma once
// LEB128-style variable-length integers: small word ids (the frequent words get the small
// ids, being seen first) take one or two bytes instead of four.
#include <cstddef>
#include <cstdint>
#include <vector>

namespace support {

inline void varint_append(std::vector<std::uint8_t>& out, std::uint32_t value) {
  while (value >= 0x80) {
    out.push_back(static_cast<std::uint8_t>(value | 0x80));
    value >>= 7;
  }
  out.push_back(static_cast<std::uint8_t>(value));
}

// Reads one value at `pos` and advances it. Precondition: pos < data.size().
inline std::uint32_t varint_next(const std::vector<std::uint8_t>& data, std::size_t& pos) {
  std::uint32_t value = 0;
  int shift = 0;
  while (pos < data.size()) {
    const std::uint8_t byte = data[pos++];
    value |= static_cast<std::uint32_t>(byte & 0x7F) << shift;
    if (!(byte & 0x80) || shift >= 28) break;
    shift += 7;
  }
  return value;
}

}  // namespace support
