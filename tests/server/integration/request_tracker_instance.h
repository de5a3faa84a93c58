#pragma once
// A real Request Tracker 5 (Debian's request-tracker5, rt5-db-sqlite, rt5-standalone) on a free
// loopback port with a throwaway SQLite database in a temporary folder: the database is
// initialised with rt-setup-database, request_tracker_setup.pl adds the queue, custom fields, a
// user and its auth token, and rt-server serves REST 2.0. docs/server.md lists the same steps.
// Throws with the tool's output when a step fails; RT not installed is an error, never a skip.
#include <httplib.h>
#include <nlohmann/json.hpp>
#include <sys/types.h>

#include <string>
#include <vector>

namespace support_test {

class RequestTrackerInstance {
 public:
  // Prepares the database in `folder` (which must outlive this) and starts rt-server.
  RequestTrackerInstance(const std::string& folder, const std::string& queue, const std::vector<std::string>& custom_fields);
  ~RequestTrackerInstance();
  RequestTrackerInstance(const RequestTrackerInstance&) = delete;
  RequestTrackerInstance& operator=(const RequestTrackerInstance&) = delete;

  std::string url() const { return "http://127.0.0.1:" + std::to_string(port_); }
  const std::string& token() const { return token_; }

  void stop();   // SIGTERM to rt-server and its workers; the port refuses connections afterwards
  void start();  // rt-server again, same port and database; returns once REST 2.0 answers

  // GET <url>/REST/2.0/<path> with the token; throws unless RT answers 200 with JSON.
  nlohmann::json get(const std::string& path) const;

 private:
  std::string folder_;
  int port_ = 0;
  std::string token_;
  pid_t server_pid_ = -1;
};

// Decodes RT's base64 attachment content (line breaks allowed); throws on bad input.
std::string decode_base64(const std::string& text);

}  // namespace support_test
