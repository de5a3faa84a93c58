#pragma once
// Who the site says its logged-in customer is. The site's own backend signs a short token with a
// secret it shares with this server (never with the browser), and passes it to the widget
// (`identify`); the widget sends it along as `X-Support-Identity`. Only a valid, unexpired token
// lets anyone list tickets: nobody lists anybody's tickets without one.
//
// Format (docs/server.md has signing examples):
//   v1.<base64url(payload JSON)>.<base64url(HMAC-SHA256(secret, "v1." + base64url(payload JSON)))>
//   payload: {"email": "...", "name": "...", "customer_id": "...", "exp": <unix seconds>}
#include <cstdint>
#include <optional>
#include <string>

namespace support::server {

struct CustomerIdentity {
  std::string email;
  std::string name;
  std::string customer_id;
  std::int64_t expires_at = 0;   // unix seconds
};

struct IdentityCheck {
  std::optional<CustomerIdentity> identity;
  std::string problem;   // why it was refused, for the 401 answer: never names the secret
};

// Verifies signature (constant time), shape and expiry against now (unix seconds).
IdentityCheck verify_identity_token(const std::string& token, const std::string& secret, std::int64_t now);

// Makes a token: for tests and for site owners' tooling (supportctl could expose it).
std::string sign_identity_token(const CustomerIdentity& identity, const std::string& secret);

}  // namespace support::server
