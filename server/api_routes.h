#pragma once
// The HTTP API under /api (see docs/api.md): tickets, events, configuration, health.
#include "cors_policy.h"
#include "delivery/forwarder.h"
#include "json_log.h"
#include "rate_limiter.h"
#include "server_config.h"
#include "storage/relay_store.h"

#include "ticket/ticket_validation.h"

#include <httplib.h>

#include <cstddef>
#include <optional>
#include <string>

namespace support::server {

// Abuse limits (server configuration "rate_limits"); answered with 429 and Retry-After.
struct ApiRateLimits {
  explicit ApiRateLimits(const RateLimitConfig& config)
      : tickets_per_ip(config.tickets_per_ip), tickets_per_email(config.tickets_per_email),
        events_per_ip(config.events_per_ip) {}
  RateLimiter tickets_per_ip;
  RateLimiter tickets_per_email;
  RateLimiter events_per_ip;
};

// The relay's parts the routes use; all set by main().
struct RelayContext {
  Forwarder* forwarder = nullptr;
  ApiRateLimits* limits = nullptr;
  JsonLog* log = nullptr;
  std::vector<std::string> trusted_proxies;  // see client_address.h
};

struct ApiContext {
  RelayStore& store;  // SQLite or PostgreSQL (storage/relay_store.h)
  std::string staff_token;
  CorsPolicy cors;
  std::size_t max_body = 64 * 1024;
  std::optional<std::string> config_text;  // --config file content, if given
  std::string web_dir;                     // for the default configuration
  ValidationRules rules;
  std::string identity_secret;             // shared with the site to sign identity tokens; empty: none accepted
  RelayContext relay;
  ScreeningConfig screening;               // the server's duplicate check (duplicate_guard.h)
};

// Registers every /api route (and a JSON 404 for unknown /api paths), /healthz and /readyz. Register before the static
// files, whose catch-all route would otherwise take /api paths.
void register_api_routes(httplib::Server& server, ApiContext& context);

}  // namespace support::server
