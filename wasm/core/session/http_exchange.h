#pragma once
// The core never touches the network: it queues requests, the platform performs them (fetch in
// the browser, a test double natively) and hands the answers back. This keeps retries,
// idempotency and offline behaviour testable without a browser.
#include <string>
#include <utility>
#include <vector>

namespace support {

struct HttpRequest {
  int id = 0;
  std::string method;        // "POST", "GET"
  std::string path;          // relative to the API base, e.g. "/api/tickets"
  std::string body;          // JSON
  std::vector<std::pair<std::string, std::string>> headers;
};

struct HttpResponse {
  int status = 0;            // 0: the request never got an answer (offline, CORS, DNS, ...)
  std::string body;
  std::string retry_after;   // the Retry-After header, if any (429, 503)
};

}  // namespace support
