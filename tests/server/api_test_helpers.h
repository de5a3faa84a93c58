#pragma once
// Shortcuts for the API tests: a valid draft, JSON requests and answers, a configuration file.
#include "running_server.h"

#include <doctest/doctest.h>
#include <httplib.h>
#include <nlohmann/json.hpp>

#include <fstream>
#include <string>
#include <vector>

namespace support_test {

inline nlohmann::json valid_draft(const std::string& subject = "Cannot log in") {
  return {{"name", "Ada Lovelace"},
          {"email", "ada@example.com"},
          {"subject", subject},
          {"description", "Since yesterday the login form says my password is wrong."},
          {"category", "account"},
          {"extra", {{"agent_name", "Sam"}}}};
}

inline httplib::Result post_json(httplib::Client& client, const std::string& path, const std::string& body,
                                 const httplib::Headers& headers = {}) {
  return client.Post(path.c_str(), headers, body, "application/json");
}

inline httplib::Result post_json(httplib::Client& client, const std::string& path, const nlohmann::json& body,
                                 const httplib::Headers& headers = {}) {
  return post_json(client, path, body.dump(), headers);
}

// The parsed JSON body of a response; fails the test when it is not JSON.
inline nlohmann::json body_json(const httplib::Result& result) {
  REQUIRE(result);
  const nlohmann::json body = nlohmann::json::parse(result->body, nullptr, false);
  INFO("body: " << result->body);
  REQUIRE_FALSE(body.is_discarded());
  return body;
}

// A RunningServer set-up that starts the server with --config FILE holding `config_json`.
inline RunningServer::SetUp with_config(const std::string& config_json) {
  return [config_json](const std::string& folder) {
    const std::string path = folder + "/widget.json";
    std::ofstream(path, std::ios::binary) << config_json;
    return std::vector<std::string>{"--config", path};
  };
}

// GET /api/tickets of a server process with its staff token (the relay tests drive processes).
inline nlohmann::json list_tickets(const ServerProcess& server) {
  httplib::Client client = server.client();
  const httplib::Result result = client.Get("/api/tickets", server.staff_headers());
  REQUIRE(result);
  REQUIRE(result->status == 200);
  return body_json(result)["tickets"];
}

}  // namespace support_test
