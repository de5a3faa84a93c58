#pragma once
// The HTTP API under /api (see docs/api.md): tickets, events, configuration, health.
#include "cors_policy.h"
#include "event_store.h"
#include "ticket_store.h"

#include "ticket/ticket_validation.h"

#include <httplib.h>

#include <cstddef>
#include <optional>
#include <string>

namespace support::server {

struct ApiContext {
  TicketStore& tickets;
  EventStore& events;
  std::string staff_token;
  CorsPolicy cors;
  std::size_t max_body = 64 * 1024;
  std::optional<std::string> config_text;  // --config file content, if given
  std::string web_dir;                     // for the default configuration
  ValidationRules rules;
  std::string identity_secret;             // shared with the site to sign identity tokens; empty: none accepted
};

// Registers every /api route (and a JSON 404 for unknown /api paths). Register before the static
// files, whose catch-all route would otherwise take /api paths.
void register_api_routes(httplib::Server& server, ApiContext& context);

}  // namespace support::server
