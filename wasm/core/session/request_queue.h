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
  // Queues a GET of `path`; returns the request's id.
  int get(const std::string& path);
  // The id the next queued request will get.
  int peek_next_id() const { return next_id_; }
  // Queues `request` again under a new id (a retry of the very same request); returns the id.
  int resend(HttpRequest request);
  bool waiting() const { return !outgoing_.empty(); }
  // Everything queued since the last call, oldest first.
  std::vector<HttpRequest> take();

 private:
  int next_id_ = 1;
  std::vector<HttpRequest> outgoing_;
};

}  // namespace support
