#pragma once
// One JSON log line per HTTP request: method, route, status, duration, and the ticket number for
// ticket submissions. Never the body, the query string, headers or the client's address.
#include "json_log.h"

#include <httplib.h>

namespace support::server {

void install_request_log(httplib::Server& server, JsonLog& log);

}  // namespace support::server
