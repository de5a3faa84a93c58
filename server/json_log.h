#pragma once
// Structured logs: one JSON object per line on stderr (requests, deliveries, internal errors),
// for log shippers. Callers never pass personal data (names, emails, ticket text): the log says
// what happened to which ticket number, not who wrote it.
#include <nlohmann/json.hpp>

#include <mutex>
#include <ostream>

namespace support::server {

class JsonLog {
 public:
  explicit JsonLog(std::ostream& out) : out_(out) {}
  // Writes `fields` plus "time" (ISO 8601 UTC) as one line, whole lines only across threads.
  void write(nlohmann::json fields);

 private:
  std::ostream& out_;
  std::mutex mutex_;
};

}  // namespace support::server
