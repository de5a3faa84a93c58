#pragma once
// The widget runs on customers' sites, so the API is called cross-origin. Which origins may read
// the answers is the site owner's choice (--allow-origin); "*" suits the demo.
#include <httplib.h>

#include <string>
#include <vector>

namespace support::server {

class CorsPolicy {
 public:
  explicit CorsPolicy(std::vector<std::string> allowed_origins);

  // Adds Access-Control-Allow-Origin when the request's Origin is allowed.
  void apply(const httplib::Request& request, httplib::Response& response) const;
  // Answers an OPTIONS preflight (204, allowed methods and headers).
  void answer_preflight(const httplib::Request& request, httplib::Response& response) const;

 private:
  bool allows_any() const;
  std::vector<std::string> allowed_origins_;
};

}  // namespace support::server
