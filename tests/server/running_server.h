#pragma once
// The one set-up of the API tests: a temporary folder, a support-server child process whose data
// folder lives in it, and an HTTP client for that server. Everything is undone in the destructor
// (server stopped, then the folder removed), so a failed REQUIRE leaves nothing behind.
#include "server_process.h"

#include <httplib.h>
#include <nlohmann/json.hpp>

#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace support_test {

class RunningServer {
 public:
  // Writes what a case needs into the temporary folder before the server starts and returns the
  // extra command-line arguments (e.g. {"--config", folder + "/widget.json"}).
  using SetUp = std::function<std::vector<std::string>(const std::string& folder)>;

  explicit RunningServer(std::vector<std::string> extra_args = {});
  explicit RunningServer(const SetUp& set_up);
  RunningServer(const RunningServer&) = delete;
  RunningServer& operator=(const RunningServer&) = delete;

  const std::string& folder() const { return folder_.path(); }
  std::string data_dir() const { return folder_.path() + "/data"; }  // the server's --data
  httplib::Client& client() { return *client_; }
  const std::string& staff_token() const { return process_->staff_token(); }
  httplib::Headers staff_headers() const { return process_->staff_headers(); }

  // GET /api/tickets with the staff token; the test fails unless it answers 200 with a list.
  nlohmann::json tickets();

  void restart();             // SIGTERM, then start again on the same data folder
  void restart_after_kill();  // SIGKILL (no clean shutdown), then start again

 private:
  void start();
  TempDir folder_;
  std::vector<std::string> extra_args_;
  std::unique_ptr<ServerProcess> process_;
  std::unique_ptr<httplib::Client> client_;
};

}  // namespace support_test
