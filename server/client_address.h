#pragma once
// Which address a request comes from, for the per-address rate limits and osTicket's `ip`.
// Behind a reverse proxy every request comes from the proxy, so the proxy's own addresses can be
// listed as trusted (server configuration "trusted_proxies"): then the nearest address in
// X-Forwarded-For that is not a trusted proxy counts. Without that list the header is ignored,
// since any client can send it.
#include <httplib.h>

#include <string>
#include <vector>

namespace support::server {

std::string client_address(const httplib::Request& request, const std::vector<std::string>& trusted_proxies);

}  // namespace support::server
