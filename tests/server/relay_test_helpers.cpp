#include "relay_test_helpers.h"

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <stdexcept>

#ifndef SUPPORT_SERVER_BINARY
#error "SUPPORT_SERVER_BINARY must name the support-server executable"
#endif

namespace support_test {

StubServer::StubServer(Routes routes) : routes_(std::move(routes)) { start(); }

StubServer::~StubServer() { stop(); }

void StubServer::start() {
  if (server_) return;
  server_ = std::make_unique<httplib::Server>();
  routes_(*server_);
  if (port_ == 0) {
    port_ = server_->bind_to_any_port("127.0.0.1");
  } else {
    // The old socket may still be closing: try for a moment.
    bool bound = false;
    for (int i = 0; i < 100 && !(bound = server_->bind_to_port("127.0.0.1", port_)); ++i) {
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    if (!bound) throw std::runtime_error("stub cannot listen again on its port");
  }
  if (port_ <= 0) throw std::runtime_error("stub cannot listen");
  httplib::Server* server = server_.get();
  thread_ = std::thread([server] { server->listen_after_bind(); });
  while (!server_->is_running()) std::this_thread::sleep_for(std::chrono::milliseconds(1));
}

void StubServer::stop() {
  if (!server_) return;
  server_->stop();
  if (thread_.joinable()) thread_.join();
  server_.reset();
}

bool webhook_signature_ok(const std::string& secret, const std::string& timestamp, const std::string& body,
                          const std::string& signature_header, long long now_seconds) {
  // 1. Fresh: a captured request cannot be replayed later.
  char* end = nullptr;
  const long long sent = std::strtoll(timestamp.c_str(), &end, 10);
  if (timestamp.empty() || *end != '\0' || std::llabs(now_seconds - sent) > 300) return false;
  // 2. Genuine: HMAC-SHA256 of "<timestamp>.<body>" with the shared secret, compared in constant time.
  const std::string message = timestamp + "." + body;
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  HMAC(EVP_sha256(), secret.data(), static_cast<int>(secret.size()),
       reinterpret_cast<const unsigned char*>(message.data()), message.size(), digest, &length);
  std::string expected = "sha256=";
  static const char* hex = "0123456789abcdef";
  for (unsigned int i = 0; i < length; ++i) {
    expected += hex[digest[i] >> 4];
    expected += hex[digest[i] & 15];
  }
  return signature_header.size() == expected.size() &&
         CRYPTO_memcmp(signature_header.data(), expected.data(), expected.size()) == 0;
}

WebhookReceiver::WebhookReceiver(std::string secret)
    : secret_(std::move(secret)), server_([this](httplib::Server& server) {
        server.Post("/hooks/support", [this](const httplib::Request& request, httplib::Response& response) {
          handle(request, response);
        });
      }) {}

void WebhookReceiver::handle(const httplib::Request& request, httplib::Response& response) {
  ++requests_;
  if (delay_ms_ > 0) std::this_thread::sleep_for(std::chrono::milliseconds(delay_ms_.load()));
  const long long now = std::chrono::duration_cast<std::chrono::seconds>(
                            std::chrono::system_clock::now().time_since_epoch()).count();
  if (!webhook_signature_ok(secret_, request.get_header_value("X-Support-Timestamp"), request.body,
                            request.get_header_value("X-Support-Signature"), now)) {
    ++bad_signatures_;
    response.status = 401;
    response.set_content("bad signature", "text/plain");
    return;
  }
  const std::string key = request.get_header_value("Idempotency-Key");
  std::lock_guard<std::mutex> guard(mutex_);
  ++received_per_key_[key];
  if (mode_ == Mode::unavailable) {
    response.status = 503;
    response.set_content("down for maintenance", "text/plain");
    return;
  }
  if (stored_per_key_.count(key)) {  // a resend: the receiver's own dedupe
    response.status = 200;
    response.set_content(nlohmann::json{{"id", "hook-" + key}}.dump(), "application/json");
    return;
  }
  ++stored_per_key_[key];
  stored_.push_back(nlohmann::json::parse(request.body));
  response.status = 201;
  response.set_content(nlohmann::json{{"id", "hook-" + key}}.dump(), "application/json");
}

std::map<std::string, int> WebhookReceiver::stored_per_key() const {
  std::lock_guard<std::mutex> guard(mutex_);
  return stored_per_key_;
}

std::map<std::string, int> WebhookReceiver::received_per_key() const {
  std::lock_guard<std::mutex> guard(mutex_);
  return received_per_key_;
}

std::vector<nlohmann::json> WebhookReceiver::stored() const {
  std::lock_guard<std::mutex> guard(mutex_);
  return stored_;
}

StderrCapture::StderrCapture(const std::string& path) : path_(path) {
  const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_APPEND, 0600);
  if (fd < 0) throw std::runtime_error("cannot open " + path);
  saved_fd_ = ::dup(STDERR_FILENO);
  ::dup2(fd, STDERR_FILENO);
  ::close(fd);
}

StderrCapture::~StderrCapture() {
  ::dup2(saved_fd_, STDERR_FILENO);
  ::close(saved_fd_);
}

std::string StderrCapture::text() const {
  std::ifstream file(path_, std::ios::binary);
  std::stringstream content;
  content << file.rdbuf();
  return content.str();
}

ExitResult run_server_to_exit(const std::vector<std::string>& args, int timeout_ms) {
  std::vector<std::string> all = {SUPPORT_SERVER_BINARY};
  all.insert(all.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (std::string& arg : all) argv.push_back(arg.data());
  argv.push_back(nullptr);
  int fds[2];
  if (::pipe2(fds, O_CLOEXEC) != 0) throw std::runtime_error("pipe failed");
  const pid_t pid = ::fork();
  if (pid == 0) {
    ::dup2(fds[1], STDOUT_FILENO);
    ::dup2(fds[1], STDERR_FILENO);
    ::execv(argv[0], argv.data());
    ::_exit(127);
  }
  ::close(fds[1]);
  ExitResult result;
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeout_ms);
  for (;;) {
    pollfd waiting{fds[0], POLLIN, 0};
    if (::poll(&waiting, 1, 50) > 0) {
      char buffer[1024];
      const ssize_t n = ::read(fds[0], buffer, sizeof buffer);
      if (n > 0) {
        result.output.append(buffer, static_cast<std::size_t>(n));
        continue;
      }
    }
    int status = 0;
    if (::waitpid(pid, &status, WNOHANG) == pid) {
      result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
      break;
    }
    if (std::chrono::steady_clock::now() > deadline) {
      ::kill(pid, SIGKILL);
      ::waitpid(pid, &status, 0);
      break;
    }
  }
  char buffer[1024];
  ssize_t n;
  while ((n = ::read(fds[0], buffer, sizeof buffer)) > 0) result.output.append(buffer, static_cast<std::size_t>(n));
  ::close(fds[0]);
  return result;
}

void write_file(const std::string& path, const std::string& content) {
  std::ofstream file(path, std::ios::binary);
  file << content;
  if (!file) throw std::runtime_error("cannot write " + path);
}

bool wait_until(const std::function<bool()>& done, int timeout_ms) {
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeout_ms);
  while (std::chrono::steady_clock::now() < deadline) {
    if (done()) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  return done();
}

}  // namespace support_test
