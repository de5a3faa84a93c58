#include "session/request_queue.h"

namespace support {

int RequestQueue::post(const std::string& path, std::string body, Headers headers) {
  HttpRequest request;
  request.id = next_id_++;
  request.method = "POST";
  request.path = path;
  request.body = std::move(body);
  request.headers = std::move(headers);
  outgoing_.push_back(std::move(request));
  return outgoing_.back().id;
}

int RequestQueue::get(const std::string& path) {
  HttpRequest request;
  request.id = next_id_++;
  request.method = "GET";
  request.path = path;
  outgoing_.push_back(std::move(request));
  return outgoing_.back().id;
}

int RequestQueue::resend(HttpRequest request) {
  request.id = next_id_++;
  outgoing_.push_back(std::move(request));
  return outgoing_.back().id;
}

std::vector<HttpRequest> RequestQueue::take() {
  std::vector<HttpRequest> out;
  out.swap(outgoing_);
  return out;
}

}  // namespace support
