#pragma once
// HMAC-SHA256 from OpenSSL (libcrypto), as lower-case hex: the webhook signature.
#include <string>
#include <string_view>

namespace support::server {

std::string hmac_sha256_hex(std::string_view key, std::string_view message);

}  // namespace support::server
