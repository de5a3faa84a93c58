#pragma once
// Standard base64 (RFC 4648, "+/" and "=" padding): attachments travel as base64 in JSON.
#include <optional>
#include <string>
#include <string_view>

namespace support {

std::string base64_encode(std::string_view bytes);
// nullopt for anything that is not canonical padded base64 (wrong characters, bad length or
// padding); no whitespace is accepted, so one file has exactly one spelling.
std::optional<std::string> base64_decode(std::string_view text);
// The number of bytes `text` decodes to, from its length and padding alone (0 if malformed).
std::size_t base64_decoded_size(std::string_view text);

}  // namespace support
