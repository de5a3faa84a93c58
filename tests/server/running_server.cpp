#include "running_server.h"

#include <doctest/doctest.h>

namespace support_test {

RunningServer::RunningServer(std::vector<std::string> extra_args) : extra_args_(std::move(extra_args)) { start(); }

RunningServer::RunningServer(const SetUp& set_up) : extra_args_(set_up(folder_.path())) { start(); }

void RunningServer::start() {
  client_.reset();
  process_.reset();  // stops a previous process first: one server per data folder at a time
  process_ = std::make_unique<ServerProcess>(data_dir(), extra_args_);
  client_ = std::make_unique<httplib::Client>(process_->client());
}

nlohmann::json RunningServer::tickets() {
  const httplib::Result result = client_->Get("/api/tickets", staff_headers());
  REQUIRE(result);
  REQUIRE(result->status == 200);
  const nlohmann::json body = nlohmann::json::parse(result->body, nullptr, false);
  INFO("body: " << result->body);
  REQUIRE(body.contains("tickets"));
  REQUIRE(body["tickets"].is_array());
  return body["tickets"];
}

void RunningServer::restart() {
  process_->stop();
  start();
}

void RunningServer::restart_after_kill() {
  process_->kill_hard();
  start();
}

}  // namespace support_test
