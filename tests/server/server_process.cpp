#include "server_process.h"

#include "postgres_instance.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <stdexcept>
#include <thread>

#ifndef SUPPORT_SERVER_BINARY
#error "SUPPORT_SERVER_BINARY must name the support-server executable"
#endif

namespace support_test {

TempDir::TempDir() {
  std::string pattern = (std::filesystem::temp_directory_path() / "support-server-test-XXXXXX").string();
  if (!::mkdtemp(pattern.data())) throw std::runtime_error("mkdtemp failed");
  path_ = pattern;
}

TempDir::~TempDir() {
  std::error_code ignored;
  std::filesystem::remove_all(path_, ignored);
}

namespace {

// The servers' JSON log lines would bury doctest's failure messages in ctest's output (CI shows
// its first part), so a child started by a test logs nowhere, unless a test captures stderr into
// a file (StderrCapture: fd 2 is a regular file then) or SUPPORT_TEST_SERVER_LOGS=1 asks for them.
void quiet_server_logs() {
  struct stat target {};
  if (::fstat(STDERR_FILENO, &target) == 0 && S_ISREG(target.st_mode)) return;
  const char* wanted = std::getenv("SUPPORT_TEST_SERVER_LOGS");
  if (wanted && std::strcmp(wanted, "1") == 0) return;   // no allocation between fork and exec
  const int null_fd = ::open("/dev/null", O_WRONLY);
  if (null_fd >= 0) ::dup2(null_fd, STDERR_FILENO);
}

}  // namespace

ServerProcess::ServerProcess(const std::string& data_dir, const std::vector<std::string>& extra_args) {
  std::vector<std::string> args = {SUPPORT_SERVER_BINARY, "--port", "0", "--data", data_dir};
  const std::vector<std::string> store = store_arguments(data_dir);  // SQLite, or PostgreSQL (server_api_postgres)
  args.insert(args.end(), store.begin(), store.end());
  args.insert(args.end(), extra_args.begin(), extra_args.end());
  std::vector<char*> argv;
  for (std::string& arg : args) argv.push_back(arg.data());
  argv.push_back(nullptr);

  int pipe_fds[2];
  if (::pipe2(pipe_fds, O_CLOEXEC) != 0) throw std::runtime_error("pipe failed");
  pid_ = ::fork();
  if (pid_ < 0) throw std::runtime_error("fork failed");
  if (pid_ == 0) {
    ::dup2(pipe_fds[1], STDOUT_FILENO);
    quiet_server_logs();
    ::execv(argv[0], argv.data());
    ::_exit(127);
  }
  ::close(pipe_fds[1]);
  stdout_fd_ = pipe_fds[0];

  // Read until both start-up lines arrived, for at most 10 seconds.
  std::string output;
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
  const std::string listening = "support-server listening on http://127.0.0.1:";
  const std::string token_prefix = "staff token: ";
  while (std::chrono::steady_clock::now() < deadline) {
    const std::size_t token_at = output.find(token_prefix);
    if (token_at != std::string::npos && output.find('\n', token_at) != std::string::npos) break;
    pollfd waiting{stdout_fd_, POLLIN, 0};
    if (::poll(&waiting, 1, 100) <= 0) continue;
    char buffer[512];
    const ssize_t n = ::read(stdout_fd_, buffer, sizeof buffer);
    if (n <= 0) break;  // the server exited
    output.append(buffer, static_cast<std::size_t>(n));
  }
  const std::size_t port_at = output.find(listening);
  const std::size_t token_at = output.find(token_prefix);
  if (port_at == std::string::npos || token_at == std::string::npos) {
    wait_for_exit(0);
    throw std::runtime_error("support-server did not start; its output was: " + output);
  }
  port_ = std::atoi(output.c_str() + port_at + listening.size());
  const std::size_t token_start = token_at + token_prefix.size();
  staff_token_ = output.substr(token_start, output.find('\n', token_start) - token_start);
}

ServerProcess::~ServerProcess() { stop(); }

httplib::Client ServerProcess::client() const {
  httplib::Client client("127.0.0.1", port_);
  client.set_connection_timeout(5);
  client.set_read_timeout(10);
  return client;
}

httplib::Headers ServerProcess::staff_headers() const {
  return {{"Authorization", "Bearer " + staff_token_}};
}

void ServerProcess::stop() {
  if (pid_ <= 0) return;
  ::kill(pid_, SIGTERM);
  wait_for_exit(5000);
}

void ServerProcess::kill_hard() {
  if (pid_ <= 0) return;
  ::kill(pid_, SIGKILL);
  wait_for_exit(5000);
}

void ServerProcess::wait_for_exit(int timeout_ms) {
  if (pid_ > 0) {
    for (int waited = 0;; waited += 10) {
      int status = 0;
      const pid_t done = ::waitpid(pid_, &status, WNOHANG);
      if (done == pid_ || done < 0) break;
      if (waited >= timeout_ms) {
        ::kill(pid_, SIGKILL);  // did not stop in time: make sure no child outlives the test
        ::waitpid(pid_, &status, 0);
        break;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    pid_ = -1;
  }
  if (stdout_fd_ >= 0) {
    ::close(stdout_fd_);
    stdout_fd_ = -1;
  }
}

}  // namespace support_test
