#pragma once
#include <string>

namespace support::server {

// Now, as ISO 8601 UTC with milliseconds: "2024-05-01T12:34:56.789Z" (sorts as text).
std::string utc_now_iso8601();

}  // namespace support::server
