#pragma once
// Test doubles and tools for the relay tests: a helpdesk stub served from a thread of the test
// process (loopback, free port, can be stopped to refuse connections and started again on the
// same port), a webhook receiver that checks signatures the way docs/server.md tells site owners
// to, and small process helpers (stderr capture, a server run to its exit code).
#include <httplib.h>
#include <nlohmann/json.hpp>

#include <atomic>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <set>
#include <string>
#include <thread>
#include <vector>

namespace support_test {

// An HTTP server on 127.0.0.1 in a background thread.
class StubServer {
 public:
  using Routes = std::function<void(httplib::Server&)>;
  explicit StubServer(Routes routes);  // starts at once on a free port
  ~StubServer();
  StubServer(const StubServer&) = delete;
  StubServer& operator=(const StubServer&) = delete;

  int port() const { return port_; }
  std::string url() const { return "http://127.0.0.1:" + std::to_string(port_); }
  void stop();   // afterwards connections to the port are refused
  void start();  // listens again on the same port

 private:
  Routes routes_;
  int port_ = 0;
  std::unique_ptr<httplib::Server> server_;
  std::thread thread_;
};

// A webhook receiver as a site owner would write it: checks X-Support-Signature over
// "<X-Support-Timestamp>.<body>" with the shared secret, rejects old timestamps, and keeps one
// ticket per Idempotency-Key (a resend is answered 200 with the first id).
class WebhookReceiver {
 public:
  explicit WebhookReceiver(std::string secret);
  enum class Mode { accept, unavailable /* 503 */ };
  void set_mode(Mode mode) { mode_ = mode; }
  // Sleep this long inside the handler before answering (to kill the relay mid-delivery).
  void set_delay_ms(int ms) { delay_ms_ = ms; }

  StubServer& server() { return server_; }
  std::string url() const { return server_.url() + "/hooks/support"; }

  int requests() const { return requests_; }                 // every POST, whatever the answer
  int bad_signatures() const { return bad_signatures_; }
  std::map<std::string, int> stored_per_key() const;         // Idempotency-Key -> times stored (1 = right)
  std::map<std::string, int> received_per_key() const;       // Idempotency-Key -> POSTs received
  std::vector<nlohmann::json> stored() const;

 private:
  void handle(const httplib::Request& request, httplib::Response& response);

  std::string secret_;
  std::atomic<Mode> mode_{Mode::accept};
  std::atomic<int> delay_ms_{0};
  std::atomic<int> requests_{0};
  std::atomic<int> bad_signatures_{0};
  mutable std::mutex mutex_;
  std::map<std::string, int> stored_per_key_;
  std::map<std::string, int> received_per_key_;
  std::vector<nlohmann::json> stored_;
  StubServer server_;  // last: its thread may call handle() as soon as it exists
};

// The receiver's check from docs/server.md, as a function (true: genuine and fresh).
bool webhook_signature_ok(const std::string& secret, const std::string& timestamp, const std::string& body,
                          const std::string& signature_header, long long now_seconds);

// Redirects this process's stderr (fd 2) into a file while alive; children started meanwhile
// inherit it. text() reads what was written so far.
class StderrCapture {
 public:
  explicit StderrCapture(const std::string& path);
  ~StderrCapture();
  std::string text() const;

 private:
  std::string path_;
  int saved_fd_ = -1;
};

struct ExitResult {
  int exit_code = -1;  // -1: killed by a signal or did not end in time
  std::string output;  // stdout and stderr together
};
// Runs support-server with `args` until it exits (at most `timeout_ms`).
ExitResult run_server_to_exit(const std::vector<std::string>& args, int timeout_ms = 10000);

// Writes `content` to `path` (throws when it cannot).
void write_file(const std::string& path, const std::string& content);

// Polls `done` every 20 ms for at most `timeout_ms`; returns its last value.
bool wait_until(const std::function<bool()>& done, int timeout_ms);

}  // namespace support_test
