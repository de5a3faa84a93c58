#pragma once
// SHA-256 digests from OpenSSL (libcrypto), as lower-case hex: the webhook signature (HMAC) and
// the fingerprint of a stored file.
#include <string>
#include <string_view>

namespace support::server {

std::string hmac_sha256_hex(std::string_view key, std::string_view message);
std::string sha256_hex(std::string_view bytes);

}  // namespace support::server
