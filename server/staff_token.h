#pragma once
// The bearer token staff use to read tickets and events. Generated from /dev/urandom on first
// start, kept in DATA/staff-token (mode 0600) and reused afterwards, so staff tools keep working
// across restarts. Delete the file and restart to rotate it.
#include <string>
#include <string_view>

namespace support::server {

// Reads DATA/staff-token, or creates it. Throws std::runtime_error with the reason.
std::string load_or_create_staff_token(const std::string& data_dir);

// Compares in time that depends only on the lengths, so the token cannot be guessed byte by byte.
bool staff_token_matches(std::string_view expected, std::string_view presented);

// The token from "Authorization: Bearer <token>", or empty.
std::string bearer_token(std::string_view authorization_header);

}  // namespace support::server
