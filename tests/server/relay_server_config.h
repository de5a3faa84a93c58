#pragma once
// A --server-config file for the relay tests: a webhook helpdesk, fast retries, and limits high
// enough for a test that submits a hundred tickets from one address.
#include "relay_test_helpers.h"
#include "server_process.h"

#include <nlohmann/json.hpp>

#include <string>

namespace support_test {

inline const std::string kWebhookSecret = "test-webhook-secret-0123456789";

inline nlohmann::json webhook_relay_config(const std::string& webhook_url) {
  return {{"helpdesk", {{"connector", "webhook"}, {"url", webhook_url}, {"secret", kWebhookSecret}, {"timeout_seconds", 5}}},
          {"rate_limits",
           {{"tickets_per_ip", {{"burst", 10000}, {"per_hour", 10000}}},
            {"tickets_per_email", {{"burst", 10000}, {"per_hour", 10000}}}}},
          {"outbox", {{"first_retry_seconds", 0.05}, {"max_retry_seconds", 0.3}}}};
}

// Writes `config` into `dir` and returns the --server-config arguments.
inline std::vector<std::string> server_config_args(const TempDir& dir, const nlohmann::json& config) {
  const std::string path = dir.path() + "/server-config.json";
  write_file(path, config.dump(2));
  return {"--server-config", path};
}

}  // namespace support_test
