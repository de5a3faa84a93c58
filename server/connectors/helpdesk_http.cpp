#include "connectors/helpdesk_http.h"

#include <algorithm>
#include <cctype>

namespace support::server {

HelpdeskUrl split_helpdesk_url(const std::string& url) {
  const std::size_t scheme_end = url.find("://");
  const std::size_t path_start = url.find('/', scheme_end == std::string::npos ? 0 : scheme_end + 3);
  HelpdeskUrl split;
  split.origin = url.substr(0, path_start);
  if (path_start != std::string::npos) split.base_path = url.substr(path_start);
  while (!split.base_path.empty() && split.base_path.back() == '/') split.base_path.pop_back();
  return split;
}

httplib::Client helpdesk_client(const HelpdeskUrl& url, int timeout_seconds) {
  httplib::Client client(url.origin);
  client.set_connection_timeout(timeout_seconds);
  client.set_read_timeout(timeout_seconds);
  client.set_write_timeout(timeout_seconds);
  client.set_keep_alive(false);
  return client;
}

std::string body_excerpt(const std::string& body) {
  std::string excerpt = body.substr(0, 200);
  std::replace_if(excerpt.begin(), excerpt.end(), [](unsigned char c) { return c < 0x20; }, ' ');
  return excerpt;
}

std::optional<DeliveryOutcome> unless_success(const httplib::Result& result, const std::string& helpdesk) {
  if (!result) {
    return DeliveryOutcome::try_again(helpdesk + " unreachable: " + httplib::to_string(result.error()));
  }
  const int status = result->status;
  if (status >= 200 && status < 300) return std::nullopt;
  const std::string reason = helpdesk + " answered " + std::to_string(status) + ": " + body_excerpt(result->body);
  if (status == 408 || status == 429 || status >= 500) {
    DeliveryOutcome outcome = DeliveryOutcome::try_again(reason);
    const std::string wait = result->get_header_value("Retry-After");  // seconds; HTTP dates use the backoff
    if (!wait.empty() && wait.size() <= 6 && std::all_of(wait.begin(), wait.end(), ::isdigit)) {
      outcome.retry_after = std::chrono::seconds(std::stol(wait));
    }
    return outcome;
  }
  return DeliveryOutcome::reject(reason);
}

std::string percent_encode(const std::string& text) {
  static const char* hex = "0123456789ABCDEF";
  std::string out;
  out.reserve(text.size() * 3);
  for (unsigned char c : text) {
    if (std::isalnum(c) || c == '-' || c == '.' || c == '_' || c == '~') {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += hex[c >> 4];
      out += hex[c & 15];
    }
  }
  return out;
}

}  // namespace support::server
