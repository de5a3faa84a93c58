#pragma once
// Small helpers so every API answer has the same shape and headers.
#include <httplib.h>
#include <nlohmann/json.hpp>

#include <string>

namespace support::server {

void send_json(httplib::Response& response, int status, const nlohmann::json& body);
// {"error": message}
void send_error(httplib::Response& response, int status, const std::string& message);
// True when the Content-Type is application/json (parameters such as charset are allowed).
bool has_json_content_type(const httplib::Request& request);
// Deepest nesting of [ and { in JSON text (strings skipped). Checked before parsing so a body of
// 60 000 '[' cannot exhaust a worker thread's stack in later recursive steps such as dump().
std::size_t json_nesting_depth(const std::string& text);

}  // namespace support::server
