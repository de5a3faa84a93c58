#pragma once
// The requests the session wants sent, in order, each with its own id so an answer finds the
// request it belongs to. The platform takes them; the core never sends anything itself.
#include "session/http_exchange.h"

#include <string>
#include <utility>
#include <vector>

namespace support {

class RequestQueue {
 public:
  using Headers = std::vector<std::pair<std::string, std::string>>;

  // Queues a POST of `body` (JSON text) to `path`; returns the request's id.
  int post(const std::string& path, std::string body, Headers headers);
  // Everything queued since the last call, oldest first.
  std::vector<HttpRequest> take();

 private:
  int next_id_ = 1;
  std::vector<HttpRequest> outgoing_;
};

}  // namespace support
