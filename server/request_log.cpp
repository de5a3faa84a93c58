#include "request_log.h"

#include <chrono>
#include <cmath>

namespace support::server {
namespace {

// httplib runs routing and the logger for one request on the same worker thread.
thread_local std::chrono::steady_clock::time_point request_started;

}  // namespace

void install_request_log(httplib::Server& server, JsonLog& log) {
  server.set_pre_routing_handler([](const httplib::Request&, httplib::Response&) {
    request_started = std::chrono::steady_clock::now();
    return httplib::Server::HandlerResponse::Unhandled;
  });
  server.set_logger([&log](const httplib::Request& request, const httplib::Response& response) {
    nlohmann::json line = {{"kind", "request"}, {"method", request.method}, {"route", request.path},
                           {"status", response.status}};
    // Answers httplib gives before routing (e.g. 413 on a huge header) have no start time.
    if (request_started != std::chrono::steady_clock::time_point{}) {
      const double duration_ms =
          std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - request_started).count();
      line["duration_ms"] = std::round(duration_ms * 100) / 100;
    }
    request_started = {};
    if (request.method == "POST" && request.path == "/api/tickets" && (response.status == 201 || response.status == 200)) {
      const nlohmann::json answer = nlohmann::json::parse(response.body, nullptr, false);
      if (answer.is_object() && answer.contains("number")) line["ticket_number"] = answer["number"];
    }
    log.write(std::move(line));
  });
}

}  // namespace support::server
