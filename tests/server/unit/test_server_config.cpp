#include "server_config.h"

#include <doctest/doctest.h>

#include <map>

using namespace support::server;

namespace {

EnvironmentLookup environment(std::map<std::string, std::string> values) {
  return [values](const std::string& name) -> std::optional<std::string> {
    const auto found = values.find(name);
    if (found == values.end()) return std::nullopt;
    return found->second;
  };
}

std::string error_for(const std::string& text, std::map<std::string, std::string> env = {}) {
  std::string error;
  const auto config = parse_server_config(text, environment(env), error);
  CHECK_FALSE(config.has_value());
  return error;
}

}  // namespace

TEST_CASE("server config: no file means the built-in connector and default limits") {
  std::string error;
  const auto config = parse_server_config("", environment({}), error);
  REQUIRE(config);
  CHECK(config->helpdesk.connector == "builtin");
  CHECK(config->allowed_origins.empty());
  CHECK(config->rate_limits.tickets_per_ip.burst >= 10);
  CHECK(config->outbox.first_retry_seconds > 0);
}

TEST_CASE("server config: a full file, with secrets from the environment winning") {
  const std::string text = R"({
    "helpdesk": {"connector": "request_tracker", "url": "https://rt.example/rt/", "token": "from-file",
                 "queue": "Support", "delivery_id_field": "Widget ticket", "custom_fields": {"site_url": "Site"}},
    "allowed_origins": ["https://shop.example", "http://127.0.0.1:8080"],
    "trusted_proxies": ["127.0.0.1", "::1"],
    "rate_limits": {"tickets_per_ip": {"burst": 5, "per_hour": 10}},
    "outbox": {"first_retry_seconds": 0.5, "max_retry_seconds": 30, "server_error_attempts": 2}
  })";
  std::string error;
  const auto config = parse_server_config(text, environment({{"SUPPORT_HELPDESK_TOKEN", "from-env"}}), error);
  INFO(error);
  REQUIRE(config);
  CHECK(config->helpdesk.token == "from-env");
  CHECK(config->helpdesk.queue == "Support");
  CHECK(config->helpdesk.custom_fields.at("site_url") == "Site");
  CHECK(config->allowed_origins == std::vector<std::string>{"https://shop.example", "http://127.0.0.1:8080"});
  CHECK(config->trusted_proxies == std::vector<std::string>{"127.0.0.1", "::1"});
  CHECK(config->rate_limits.tickets_per_ip.burst == 5);
  CHECK(config->rate_limits.tickets_per_email.burst == RateLimitConfig{}.tickets_per_email.burst);
  CHECK(config->outbox.server_error_attempts == 2);
}

TEST_CASE("server config: bad values name their path") {
  CHECK(error_for("{nope") == "(file): not valid JSON");
  CHECK(error_for("[]") == "(file): must be an object");
  CHECK(error_for(R"({"helpdsk": {}})") == "(file).helpdsk: unknown setting");
  CHECK(error_for(R"({"helpdesk": {"connector": "zendesk"}})").find("helpdesk.connector: must be one of") == 0);
  CHECK(error_for(R"({"helpdesk": {"connector": "webhook", "url": "ftp://x", "secret": "0123456789abcdef"}})") ==
        "helpdesk.url: must be an http:// or https:// URL for webhook");
  CHECK(error_for(R"({"helpdesk": {"connector": "webhook", "url": "http://x"}})").find("helpdesk.secret:") == 0);
  CHECK(error_for(R"({"helpdesk": {"connector": "osticket", "url": "http://x"}})").find("helpdesk.token:") == 0);
  CHECK(error_for(R"({"rate_limits": {"tickets_per_ip": {"burst": 0}}})") ==
        "rate_limits.tickets_per_ip.burst: must be from 1 to 1000000000");
  CHECK(error_for(R"({"rate_limits": {"tickets_per_ip": {"burst": "ten"}}})") ==
        "rate_limits.tickets_per_ip.burst: must be a number");
  CHECK(error_for(R"({"outbox": {"first_retry_seconds": 10, "max_retry_seconds": 5}})") ==
        "outbox.max_retry_seconds: must not be smaller than first_retry_seconds");
  CHECK(error_for(R"({"outbox": {"server_error_attempts": 2.5}})") == "outbox.server_error_attempts: must be a whole number");
  CHECK(error_for(R"({"allowed_origins": []})") == "allowed_origins: must be a non-empty array of origins");
  CHECK(error_for(R"({"allowed_origins": ["https://shop.example/"]})").find("no trailing slash") != std::string::npos);
  CHECK(error_for(R"({"trusted_proxies": ["proxy.local"]})").find("trusted_proxies: every entry must be an IP") == 0);
}

TEST_CASE("server config: the webhook secret can come from the environment alone") {
  std::string error;
  const auto config = parse_server_config(R"({"helpdesk": {"connector": "webhook", "url": "http://127.0.0.1:9/h"}})",
                                          environment({{"SUPPORT_WEBHOOK_SECRET", "a-long-enough-secret"}}), error);
  INFO(error);
  REQUIRE(config);
  CHECK(config->helpdesk.secret == "a-long-enough-secret");
}

TEST_CASE("server config: screening.duplicate_threshold, strict by default and range-checked") {
  std::string error;
  CHECK(parse_server_config("", environment({}), error)->screening.duplicate_threshold == 0.65);
  const auto exact_only = parse_server_config(R"({"screening": {"duplicate_threshold": 1}})", environment({}), error);
  REQUIRE(exact_only);
  CHECK(exact_only->screening.duplicate_threshold == 1);
  CHECK(error_for(R"({"screening": {"duplicate_threshold": 0.1}})") ==
        "screening.duplicate_threshold: must be from 0.5 to 1");
  CHECK(error_for(R"({"screening": {"duplicate_threshold": "high"}})") == "screening.duplicate_threshold: must be a number");
  CHECK(error_for(R"({"screening": {"threshold": 0.9}})") == "screening.threshold: unknown setting");
}

TEST_CASE("server config: the store (database) and the outbox lease") {
  std::string error;
  auto config = parse_server_config("", environment({}), error);
  REQUIRE(config);
  CHECK(config->database.empty());  // SQLite in the data folder
  CHECK(config->outbox.lease_seconds > config->helpdesk.timeout_seconds);

  config = parse_server_config(R"({"database": "postgresql://relay@db.internal/support", "outbox": {"lease_seconds": 30}})",
                               environment({}), error);
  REQUIRE(config);
  CHECK(config->database == "postgresql://relay@db.internal/support");
  CHECK(config->outbox.lease_seconds == 30);

  // The environment wins (a URL may carry a password, like the other secrets).
  config = parse_server_config(R"({"database": "postgresql://relay@db.internal/support"})",
                               environment({{"SUPPORT_DATABASE_URL", "postgres://relay:pw@other/support"}}), error);
  REQUIRE(config);
  CHECK(config->database == "postgres://relay:pw@other/support");

  CHECK(error_for(R"({"database": "/var/lib/support/tickets.sqlite3"})") ==
        "database: must be a postgresql:// URL (leave it out for SQLite in the data folder)");
  CHECK(error_for(R"({"database": 5})") == "(file).database: must be a string");
  CHECK(error_for(R"({"outbox": {"lease_seconds": 0}})") == "outbox.lease_seconds: must be from 1 to 86400");
  // Unset, the lease grows with a slow helpdesk's timeout; set, it must cover it.
  config = parse_server_config(R"({"helpdesk": {"timeout_seconds": 200}})", environment({}), error);
  REQUIRE(config);
  CHECK(config->outbox.lease_seconds == 400);
  // A lease shorter than a delivery may take would let a second relay send the same ticket.
  CHECK(error_for(R"({"helpdesk": {"timeout_seconds": 30}, "outbox": {"lease_seconds": 20}})") ==
        "outbox.lease_seconds: must be longer than helpdesk.timeout_seconds (30), or a slow delivery could be "
        "claimed twice");
}
