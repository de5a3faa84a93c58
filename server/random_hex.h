#pragma once
#include <cstddef>
#include <string>

namespace support::server {

// `byte_count` bytes from /dev/urandom as lower-case hex. Throws std::runtime_error when the
// system cannot provide them (never falls back to a weak generator: these are secrets and ids).
std::string random_hex(std::size_t byte_count);

}  // namespace support::server
