#include "server_config.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <set>

namespace support::server {
namespace {

using nlohmann::json;

// Thrown inside the parser only; parse_server_config turns it into `error`.
struct ConfigProblem {
  std::string message;
};

[[noreturn]] void problem(const std::string& path, const std::string& message) {
  throw ConfigProblem{path + ": " + message};
}

// Unknown keys are mistakes (a typo would silently keep a default), so they are errors.
void only_keys(const json& object, const std::string& path, const std::set<std::string>& known) {
  if (!object.is_object()) problem(path, "must be an object");
  for (const auto& item : object.items()) {
    if (!known.count(item.key())) problem(path + "." + item.key(), "unknown setting");
  }
}

std::string text_at(const json& object, const std::string& key, const std::string& path, std::string fallback) {
  if (!object.contains(key)) return fallback;
  if (!object[key].is_string()) problem(path + "." + key, "must be a string");
  return object[key].get<std::string>();
}

std::string number_text(double number) {
  if (number == std::floor(number) && std::fabs(number) < 1e15) return std::to_string(static_cast<long long>(number));
  return nlohmann::json(number).dump();
}

double number_at(const json& object, const std::string& key, const std::string& path, double fallback,
                 double min, double max) {
  if (!object.contains(key)) return fallback;
  const json& value = object[key];
  if (!value.is_number()) problem(path + "." + key, "must be a number");
  const double number = value.get<double>();
  if (!std::isfinite(number) || number < min || number > max) {
    problem(path + "." + key, "must be from " + number_text(min) + " to " + number_text(max));
  }
  return number;
}

int whole_number_at(const json& object, const std::string& key, const std::string& path, int fallback, int min,
                    int max) {
  if (object.contains(key) && !object[key].is_number_integer()) problem(path + "." + key, "must be a whole number");
  return static_cast<int>(number_at(object, key, path, fallback, min, max));
}

RateSpec rate_at(const json& limits, const std::string& key, const std::string& path, RateSpec fallback) {
  if (!limits.contains(key)) return fallback;
  const std::string here = path + "." + key;
  only_keys(limits[key], here, {"burst", "per_hour"});
  RateSpec spec;
  spec.burst = number_at(limits[key], "burst", here, fallback.burst, 1, 1e9);
  spec.per_hour = number_at(limits[key], "per_hour", here, fallback.per_hour, 0.01, 1e9);
  return spec;
}

bool is_http_url(const std::string& url) {
  for (const char* scheme : {"http://", "https://"}) {
    const std::string prefix = scheme;
    if (url.rfind(prefix, 0) == 0 && url.size() > prefix.size() && url[prefix.size()] != '/') return true;
  }
  return false;
}

bool is_origin(const std::string& text) {
  if (!is_http_url(text)) return false;
  const std::size_t host = text.find("://") + 3;
  return text.find('/', host) == std::string::npos;
}

HelpdeskConfig helpdesk_from(const json& object, const std::string& path) {
  only_keys(object, path,
            {"connector", "url", "token", "secret", "timeout_seconds", "queue", "delivery_id_field", "custom_fields",
             "topic_id", "priority_id"});
  HelpdeskConfig helpdesk;
  helpdesk.connector = text_at(object, "connector", path, helpdesk.connector);
  helpdesk.url = text_at(object, "url", path, "");
  helpdesk.token = text_at(object, "token", path, "");
  helpdesk.secret = text_at(object, "secret", path, "");
  helpdesk.timeout_seconds = whole_number_at(object, "timeout_seconds", path, helpdesk.timeout_seconds, 1, 300);
  helpdesk.queue = text_at(object, "queue", path, helpdesk.queue);
  helpdesk.delivery_id_field = text_at(object, "delivery_id_field", path, "");
  if (object.contains("custom_fields")) {
    const json& fields = object["custom_fields"];
    if (!fields.is_object()) problem(path + ".custom_fields", "must be an object of \"our field\": \"their field\"");
    for (const auto& item : fields.items()) {
      if (!item.value().is_string() || item.value().get<std::string>().empty()) {
        problem(path + ".custom_fields." + item.key(), "must be a non-empty string");
      }
      helpdesk.custom_fields[item.key()] = item.value().get<std::string>();
    }
  }
  if (object.contains("topic_id")) helpdesk.topic_id = whole_number_at(object, "topic_id", path, 0, 1, 1 << 30);
  if (object.contains("priority_id")) helpdesk.priority_id = whole_number_at(object, "priority_id", path, 0, 1, 1 << 30);
  return helpdesk;
}

// Settings that only make sense together: checked after the environment filled in secrets.
void check_helpdesk(const HelpdeskConfig& helpdesk) {
  const std::string path = "helpdesk";
  const std::set<std::string> connectors = {"builtin", "webhook", "osticket", "request_tracker"};
  if (!connectors.count(helpdesk.connector)) {
    problem(path + ".connector", "must be one of builtin, webhook, osticket, request_tracker; got '" +
                                     helpdesk.connector + "'");
  }
  if (helpdesk.connector == "builtin") return;
  if (!is_http_url(helpdesk.url)) problem(path + ".url", "must be an http:// or https:// URL for " + helpdesk.connector);
  if (helpdesk.connector == "webhook" && helpdesk.secret.size() < 16) {
    problem(path + ".secret", "the webhook needs a signing secret of at least 16 characters (or SUPPORT_WEBHOOK_SECRET)");
  }
  if ((helpdesk.connector == "osticket" || helpdesk.connector == "request_tracker") && helpdesk.token.empty()) {
    problem(path + ".token", helpdesk.connector + " needs an API token (or SUPPORT_HELPDESK_TOKEN)");
  }
  if (helpdesk.connector == "request_tracker" && helpdesk.queue.empty()) problem(path + ".queue", "must not be empty");
}

}  // namespace

EnvironmentLookup process_environment() {
  return [](const std::string& name) -> std::optional<std::string> {
    const char* value = std::getenv(name.c_str());
    if (!value) return std::nullopt;
    return std::string(value);
  };
}

std::optional<ServerConfig> parse_server_config(const std::string& text, const EnvironmentLookup& environment,
                                                std::string& error) {
  try {
    ServerConfig config;
    bool lease_given = false;
    if (!text.empty()) {
      const json root = json::parse(text, nullptr, false);
      if (root.is_discarded()) problem("(file)", "not valid JSON");
      only_keys(root, "(file)", {"database", "helpdesk", "allowed_origins", "trusted_proxies", "rate_limits", "outbox", "screening"});
      config.database = text_at(root, "database", "(file)", "");
      if (root.contains("helpdesk")) config.helpdesk = helpdesk_from(root["helpdesk"], "helpdesk");
      if (root.contains("allowed_origins")) {
        const json& origins = root["allowed_origins"];
        if (!origins.is_array() || origins.empty()) problem("allowed_origins", "must be a non-empty array of origins");
        for (const json& origin : origins) {
          // A browser's Origin is scheme://host[:port], nothing after: "https://shop.example/" never matches.
          if (!origin.is_string() || (origin != "*" && !is_origin(origin.get<std::string>()))) {
            problem("allowed_origins", "every entry must be an origin such as \"https://shop.example\" (no path, "
                                       "no trailing slash) or \"*\"; got " + origin.dump());
          }
          config.allowed_origins.push_back(origin.get<std::string>());
        }
      }
      if (root.contains("trusted_proxies")) {
        const json& proxies = root["trusted_proxies"];
        if (!proxies.is_array()) problem("trusted_proxies", "must be an array of IP addresses");
        for (const json& proxy : proxies) {
          if (!proxy.is_string() || proxy.get<std::string>().empty() ||
              proxy.get<std::string>().find_first_not_of("0123456789abcdefABCDEF.:") != std::string::npos) {
            problem("trusted_proxies", "every entry must be an IP address such as \"127.0.0.1\"; got " + proxy.dump());
          }
          config.trusted_proxies.push_back(proxy.get<std::string>());
        }
      }
      if (root.contains("rate_limits")) {
        const json& limits = root["rate_limits"];
        only_keys(limits, "rate_limits", {"tickets_per_ip", "tickets_per_email", "events_per_ip"});
        RateLimitConfig& r = config.rate_limits;
        r.tickets_per_ip = rate_at(limits, "tickets_per_ip", "rate_limits", r.tickets_per_ip);
        r.tickets_per_email = rate_at(limits, "tickets_per_email", "rate_limits", r.tickets_per_email);
        r.events_per_ip = rate_at(limits, "events_per_ip", "rate_limits", r.events_per_ip);
      }
      if (root.contains("outbox")) {
        const json& outbox = root["outbox"];
        only_keys(outbox, "outbox", {"first_retry_seconds", "max_retry_seconds", "server_error_attempts", "lease_seconds"});
        OutboxConfig& o = config.outbox;
        o.first_retry_seconds = number_at(outbox, "first_retry_seconds", "outbox", o.first_retry_seconds, 0.01, 3600);
        o.max_retry_seconds = number_at(outbox, "max_retry_seconds", "outbox", o.max_retry_seconds, 0.01, 86400);
        o.server_error_attempts = whole_number_at(outbox, "server_error_attempts", "outbox", o.server_error_attempts, 1, 1000);
        o.lease_seconds = number_at(outbox, "lease_seconds", "outbox", o.lease_seconds, 1, 86400);
        lease_given = outbox.contains("lease_seconds");
        if (o.max_retry_seconds < o.first_retry_seconds) {
          problem("outbox.max_retry_seconds", "must not be smaller than first_retry_seconds");
        }
      }
      if (root.contains("screening")) {
        const json& screening = root["screening"];
        only_keys(screening, "screening", {"duplicate_threshold"});
        ScreeningConfig& s = config.screening;
        // Lower would refuse what is only probable (the widget suggests from 0.3).
        s.duplicate_threshold = number_at(screening, "duplicate_threshold", "screening", s.duplicate_threshold, 0.5, 1);
      }
    }
    if (auto url = environment("SUPPORT_DATABASE_URL"); url && !url->empty()) config.database = *url;
    if (!config.database.empty() && config.database.rfind("postgresql://", 0) != 0 &&
        config.database.rfind("postgres://", 0) != 0) {
      problem("database", "must be a postgresql:// URL (leave it out for SQLite in the data folder)");
    }
    // Unset, the lease follows a slow helpdesk's timeout; set, it has to cover it.
    if (!lease_given) config.outbox.lease_seconds = std::max(config.outbox.lease_seconds, 2.0 * config.helpdesk.timeout_seconds);
    if (config.outbox.lease_seconds <= config.helpdesk.timeout_seconds) {
      problem("outbox.lease_seconds", "must be longer than helpdesk.timeout_seconds (" +
                                          std::to_string(config.helpdesk.timeout_seconds) +
                                          "), or a slow delivery could be claimed twice");
    }
    if (auto token = environment("SUPPORT_HELPDESK_TOKEN"); token && !token->empty()) config.helpdesk.token = *token;
    if (auto secret = environment("SUPPORT_WEBHOOK_SECRET"); secret && !secret->empty()) config.helpdesk.secret = *secret;
    check_helpdesk(config.helpdesk);
    return config;
  } catch (const ConfigProblem& p) {
    error = p.message;
    return std::nullopt;
  }
}

}  // namespace support::server
