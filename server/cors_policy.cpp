#include "cors_policy.h"

#include <algorithm>

namespace support::server {

CorsPolicy::CorsPolicy(std::vector<std::string> allowed_origins) : allowed_origins_(std::move(allowed_origins)) {}

bool CorsPolicy::allows_any() const {
  return std::find(allowed_origins_.begin(), allowed_origins_.end(), "*") != allowed_origins_.end();
}

void CorsPolicy::apply(const httplib::Request& request, httplib::Response& response) const {
  if (response.has_header("Access-Control-Allow-Origin")) return;
  // The widget's retry logic reads Retry-After (429, 503); browsers hide it unless exposed.
  const char* exposed = "Retry-After, Location";
  if (allows_any()) {
    response.set_header("Access-Control-Allow-Origin", "*");
    response.set_header("Access-Control-Expose-Headers", exposed);
    return;
  }
  const std::string origin = request.get_header_value("Origin");
  // The answer depends on Origin: caches must keep one copy per origin.
  response.set_header("Vary", "Origin");
  if (!origin.empty() && std::find(allowed_origins_.begin(), allowed_origins_.end(), origin) != allowed_origins_.end()) {
    response.set_header("Access-Control-Allow-Origin", origin);
    response.set_header("Access-Control-Expose-Headers", exposed);
  }
}

void CorsPolicy::answer_preflight(const httplib::Request& request, httplib::Response& response) const {
  apply(request, response);
  response.status = 204;
  response.set_header("Access-Control-Allow-Methods", "GET, POST, OPTIONS");
  response.set_header("Access-Control-Allow-Headers", "Content-Type, Idempotency-Key, Authorization, X-Support-Identity");
  response.set_header("Access-Control-Max-Age", "600");
}

}  // namespace support::server
