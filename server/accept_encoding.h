#pragma once
// Reads a request's Accept-Encoding (RFC 9110 §12.5.3): which content codings the client takes.
#include <string>
#include <string_view>

namespace support::server {

// True when `header` accepts `coding` ("br", "gzip"): listed by name or by "*" with a q-value
// above zero. "br;q=0" refuses brotli even if "*" is also listed.
bool accepts_encoding(const std::string& header, std::string_view coding);

}  // namespace support::server
