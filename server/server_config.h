#pragma once
// The relay's own configuration (--server-config FILE, JSON; docs/server.md): which helpdesk to
// forward to and its settings, allowed origins, rate limits, outbox backoff. Secrets may also come
// from the environment (SUPPORT_HELPDESK_TOKEN, SUPPORT_WEBHOOK_SECRET), which wins over the file,
// so the file can be checked in. None of this is ever sent to the browser.
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace support::server {

// A token bucket: `burst` requests at once, refilled at `per_hour` requests an hour.
struct RateSpec {
  double burst = 0;
  double per_hour = 0;
};

// Defaults far above what one customer does (a few tickets a day) that still stop a script.
struct RateLimitConfig {
  RateSpec tickets_per_ip{120, 60};
  RateSpec tickets_per_email{60, 20};
  RateSpec events_per_ip{600, 3600};
};

struct OutboxConfig {
  double first_retry_seconds = 2;    // wait after the first failed attempt; doubles each time
  double max_retry_seconds = 600;    // the doubling stops here
  int server_error_attempts = 5;     // osTicket's 500 "Unable to create new ticket": give up after this many
  double lease_seconds = 60;         // a claimed delivery is this relay's for so long; unset: at least 2 × the helpdesk timeout
};

struct HelpdeskConfig {
  std::string connector = "builtin";  // builtin | webhook | osticket | request_tracker
  std::string url;                    // base URL: scheme://host[:port][/path]
  std::string token;                  // osTicket API key / RT token (SUPPORT_HELPDESK_TOKEN)
  std::string secret;                 // webhook signing secret (SUPPORT_WEBHOOK_SECRET)
  int timeout_seconds = 10;
  // Request Tracker
  std::string queue = "General";
  std::string delivery_id_field;                     // RT custom field holding our ticket id (dedupe)
  std::map<std::string, std::string> custom_fields;  // our field (extra.* or category) -> RT custom field
  // osTicket
  std::optional<int> topic_id;
  std::optional<int> priority_id;
};

// The server's repeat of the widget's duplicate check for identified customers
// (duplicate_guard.h): refuse only what is certain. The core flags "probable" at 0.3; measured
// (docs/api.md), copies with a word or two changed score 0.67-0.74, a paraphrase 0.66, another
// problem about the same invoice 0.31. 1 refuses exact resubmits only.
struct ScreeningConfig {
  double duplicate_threshold = 0.65;
};

struct ServerConfig {
  // Where tickets are stored: empty for SQLite in the data folder, or a postgresql:// URL
  // (SUPPORT_DATABASE_URL wins over the file, like the secrets: a URL may carry a password).
  std::string database;
  HelpdeskConfig helpdesk;
  std::vector<std::string> allowed_origins;  // empty: not set in the file
  std::vector<std::string> trusted_proxies;  // reverse proxies whose X-Forwarded-For counts (client_address.h)
  RateLimitConfig rate_limits;
  OutboxConfig outbox;
  ScreeningConfig screening;
};

using EnvironmentLookup = std::function<std::optional<std::string>(const std::string& name)>;
EnvironmentLookup process_environment();

// Parses the file's text (empty text: no file, defaults) and applies the environment. On a
// problem returns nullopt and sets `error` to "path: message".
std::optional<ServerConfig> parse_server_config(const std::string& text, const EnvironmentLookup& environment,
                                                std::string& error);

}  // namespace support::server
