#pragma once
// Test fixtures: a temporary folder and a running support-server child process. Both clean up in
// their destructors, so a failed REQUIRE never leaves a server running or a folder behind.
#include <httplib.h>
#include <sys/types.h>

#include <string>
#include <vector>

namespace support_test {

class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

class ServerProcess {
 public:
  // Starts SUPPORT_SERVER_BINARY --port 0 --data DATA_DIR [extra...] and waits for its two
  // start-up lines (listening address and staff token). Throws when it does not start.
  explicit ServerProcess(const std::string& data_dir, const std::vector<std::string>& extra_args = {});
  ~ServerProcess();
  ServerProcess(const ServerProcess&) = delete;
  ServerProcess& operator=(const ServerProcess&) = delete;

  int port() const { return port_; }
  const std::string& staff_token() const { return staff_token_; }
  httplib::Client client() const;
  httplib::Headers staff_headers() const;

  void stop();       // SIGTERM and wait (a normal shutdown)
  void kill_hard();  // SIGKILL and wait: nothing gets a chance to flush

 private:
  void wait_for_exit(int timeout_ms);
  pid_t pid_ = -1;
  int stdout_fd_ = -1;
  int port_ = 0;
  std::string staff_token_;
};

}  // namespace support_test
