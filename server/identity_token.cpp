#include "identity_token.h"

#include <nlohmann/json.hpp>
#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>

#include <array>
#include <cctype>

namespace support::server {
namespace {

constexpr const char* kVersion = "v1.";
constexpr std::size_t kMaxToken = 4096;

std::string base64url_encode(const unsigned char* data, std::size_t size) {
  std::string out(4 * ((size + 2) / 3) + 1, '\0');
  const int written = EVP_EncodeBlock(reinterpret_cast<unsigned char*>(out.data()), data, static_cast<int>(size));
  out.resize(static_cast<std::size_t>(written));
  while (!out.empty() && out.back() == '=') out.pop_back();
  for (char& c : out) c = c == '+' ? '-' : c == '/' ? '_' : c;
  return out;
}

std::optional<std::string> base64url_decode(std::string text) {
  for (char& c : text) {
    if (c == '-') c = '+';
    else if (c == '_') c = '/';
    else if (!std::isalnum(static_cast<unsigned char>(c))) return std::nullopt;
  }
  const std::size_t padding = (4 - text.size() % 4) % 4;
  if (padding == 3) return std::nullopt;
  text.append(padding, '=');
  std::string out(text.size() / 4 * 3, '\0');
  const int written = EVP_DecodeBlock(reinterpret_cast<unsigned char*>(out.data()),
                                      reinterpret_cast<const unsigned char*>(text.data()), static_cast<int>(text.size()));
  if (written < 0) return std::nullopt;
  out.resize(static_cast<std::size_t>(written) - padding);
  return out;
}

std::array<unsigned char, 32> hmac_sha256(const std::string& secret, const std::string& message) {
  std::array<unsigned char, 32> mac{};
  unsigned int length = 0;
  HMAC(EVP_sha256(), secret.data(), static_cast<int>(secret.size()),
       reinterpret_cast<const unsigned char*>(message.data()), message.size(), mac.data(), &length);
  return mac;
}

IdentityCheck refuse(const std::string& why) { return {std::nullopt, why}; }

}  // namespace

std::string sign_identity_token(const CustomerIdentity& identity, const std::string& secret) {
  const std::string payload = nlohmann::json{{"email", identity.email},
                                             {"name", identity.name},
                                             {"customer_id", identity.customer_id},
                                             {"exp", identity.expires_at}}
                                  .dump();
  const std::string signed_part =
      kVersion + base64url_encode(reinterpret_cast<const unsigned char*>(payload.data()), payload.size());
  const auto mac = hmac_sha256(secret, signed_part);
  return signed_part + "." + base64url_encode(mac.data(), mac.size());
}

IdentityCheck verify_identity_token(const std::string& token, const std::string& secret, std::int64_t now) {
  if (secret.empty()) return refuse("this server does not accept identity tokens (no identity secret configured)");
  if (token.empty()) return refuse("identity token required (X-Support-Identity)");
  if (token.size() > kMaxToken || token.rfind(kVersion, 0) != 0) return refuse("malformed identity token");
  const std::size_t dot = token.rfind('.');
  if (dot <= 3) return refuse("malformed identity token");
  const std::string signed_part = token.substr(0, dot);
  const std::optional<std::string> presented = base64url_decode(token.substr(dot + 1));
  const auto expected = hmac_sha256(secret, signed_part);
  // Constant time: how much of a forged signature matched must not show in the timing.
  if (!presented || presented->size() != expected.size() ||
      CRYPTO_memcmp(presented->data(), expected.data(), expected.size()) != 0) {
    return refuse("identity token signature does not match");
  }
  const std::optional<std::string> payload = base64url_decode(signed_part.substr(3));
  if (!payload) return refuse("malformed identity token");
  const nlohmann::json body = nlohmann::json::parse(*payload, nullptr, false);
  if (!body.is_object() || !body.contains("email") || !body["email"].is_string() || !body.contains("exp") ||
      !body["exp"].is_number_integer()) {
    return refuse("identity token needs a string email and an integer exp");
  }
  CustomerIdentity identity;
  identity.email = body["email"].get<std::string>();
  if (body.contains("name") && body["name"].is_string()) identity.name = body["name"].get<std::string>();
  if (body.contains("customer_id") && body["customer_id"].is_string())
    identity.customer_id = body["customer_id"].get<std::string>();
  identity.expires_at = body["exp"].get<std::int64_t>();
  if (identity.email.empty()) return refuse("identity token has an empty email");
  if (identity.expires_at <= now) return refuse("identity token expired");
  return {identity, {}};
}

}  // namespace support::server
