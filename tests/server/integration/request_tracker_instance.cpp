#include "integration/request_tracker_instance.h"

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <openssl/evp.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iomanip>
#include <iostream>
#include <sstream>
#include <stdexcept>
#include <thread>

#ifndef REQUEST_TRACKER_SETUP_SCRIPT
#error "REQUEST_TRACKER_SETUP_SCRIPT must name request_tracker_setup.pl"
#endif

namespace support_test {
namespace {

// Where Debian's packages put RT 5 (request-tracker5, rt5-standalone).
const char* const kSetupDatabase = "/usr/sbin/rt-setup-database";
const char* const kRtServer = "/usr/share/request-tracker5/libexec/rt-server";
const char* const kRtLib = "/usr/share/request-tracker5/lib";
constexpr int kStepTimeoutSeconds = 240;   // rt-setup-database on a busy two-core machine: ~30 s
constexpr int kStartTimeoutSeconds = 120;  // rt-server compiles RT on start: ~20 s there

int free_loopback_port() {
  const int sock = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  socklen_t length = sizeof address;
  if (sock < 0 || ::bind(sock, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0 ||
      ::getsockname(sock, reinterpret_cast<sockaddr*>(&address), &length) != 0) {
    throw std::runtime_error("no free loopback port");
  }
  const int port = ntohs(address.sin_port);
  ::close(sock);
  return port;
}

std::string read_file(const std::string& path) {
  std::ifstream file(path, std::ios::binary);
  std::stringstream content;
  content << file.rdbuf();
  return content.str();
}

std::string tail(const std::string& text, std::size_t size = 3000) {
  return text.size() <= size ? text : "…" + text.substr(text.size() - size);
}

// RT reads its site configuration from these instead of /etc/request-tracker5.
void point_rt_at(const std::string& folder) {
  ::setenv("RT_SITE_CONFIG", (folder + "/RT_SiteConfig.pm").c_str(), 1);
  ::setenv("RT_SITE_CONFIG_DIR", (folder + "/RT_SiteConfig.d").c_str(), 1);
}

// Forks `args` with stdout and stderr into `log_path`, in a process group of its own (rt-server
// forks workers: stopping the group stops them all).
pid_t spawn(const std::string& folder, std::vector<std::string> args, const std::string& log_path) {
  std::vector<char*> argv;
  for (std::string& arg : args) argv.push_back(arg.data());
  argv.push_back(nullptr);
  const pid_t pid = ::fork();
  if (pid < 0) throw std::runtime_error("fork failed");
  if (pid == 0) {
    ::setpgid(0, 0);
    point_rt_at(folder);
    const int log = ::open(log_path.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0600);
    const int nothing = ::open("/dev/null", O_RDONLY);
    ::dup2(nothing, STDIN_FILENO);
    ::dup2(log, STDOUT_FILENO);
    ::dup2(log, STDERR_FILENO);
    ::execv(argv[0], argv.data());
    ::_exit(127);
  }
  ::setpgid(pid, pid);
  return pid;
}

// Runs a set-up step to its end; throws with its output unless it exits 0 in time.
std::string run_step(const std::string& folder, const std::vector<std::string>& args, const std::string& name) {
  const std::string log_path = folder + "/" + name + ".log";
  const pid_t pid = spawn(folder, args, log_path);
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(kStepTimeoutSeconds);
  int status = 0;
  while (::waitpid(pid, &status, WNOHANG) == 0) {
    if (std::chrono::steady_clock::now() > deadline) {
      ::kill(-pid, SIGKILL);
      ::waitpid(pid, &status, 0);
      throw std::runtime_error(name + " did not finish in " + std::to_string(kStepTimeoutSeconds) + " s");
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  const std::string output = read_file(log_path);
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
    throw std::runtime_error(name + " failed (status " + std::to_string(status) + "):\n" + tail(output));
  }
  return output;
}

std::string perl_quoted(const std::string& text) {
  std::string out = "'";
  for (char c : text) {
    if (c == '\'' || c == '\\') out += '\\';
    out += c;
  }
  return out + "'";
}

}  // namespace

RequestTrackerInstance::RequestTrackerInstance(const std::string& folder, const std::string& queue,
                                               const std::vector<std::string>& custom_fields)
    : folder_(folder), port_(free_loopback_port()) {
  for (const char* tool : {kSetupDatabase, kRtServer}) {
    if (::access(tool, X_OK) != 0) {
      throw std::runtime_error(std::string("Request Tracker 5 is not installed (") + tool +
                               " is missing): run ./dev setup, which installs request-tracker5, rt5-db-sqlite and "
                               "rt5-standalone");
    }
  }
  const std::string url = "http://127.0.0.1:" + std::to_string(port_);
  std::filesystem::create_directories(folder_ + "/RT_SiteConfig.d");  // empty: none of /etc's parts
  std::ofstream(folder_ + "/RT_SiteConfig.pm")
      << "Set($rtname, 'rt.test');\n"
      << "Set($Organization, 'rt.test');\n"
      << "Set($DatabaseType, 'SQLite');\n"
      << "Set($DatabaseName, " << perl_quoted(folder_ + "/rt.sqlite") << ");\n"
      << "Set($WebDomain, '127.0.0.1');\n"
      << "Set($WebPort, " << port_ << ");\n"
      << "Set($WebPath, '');\n"
      << "Set($WebBaseURL, " << perl_quoted(url) << ");\n"
      << "Set($LogToSTDERR, 'error');\n"
      << "Set($LogToSyslog, undef);\n"
      << "Set($LogToFile, undef);\n"
      << "1;\n";
  // Phase durations go to stderr as figures for docs/server.md, never into an assertion.
  const auto began = std::chrono::steady_clock::now();
  auto seconds_since = [](std::chrono::steady_clock::time_point from) {
    std::ostringstream text;
    text << std::fixed << std::setprecision(1)
         << std::chrono::duration<double>(std::chrono::steady_clock::now() - from).count();
    return text.str();
  };
  // SQLite needs no database server and no DBA: the file is created on first use.
  run_step(folder_, {kSetupDatabase, "--action", "init", "--skip-create"}, "rt-setup-database");
  std::vector<std::string> setup = {"/usr/bin/perl", std::string("-I") + kRtLib, REQUEST_TRACKER_SETUP_SCRIPT, queue};
  setup.insert(setup.end(), custom_fields.begin(), custom_fields.end());
  const std::string database_seconds = seconds_since(began);
  const auto setup_began = std::chrono::steady_clock::now();
  const std::string output = run_step(folder_, setup, "request_tracker_setup");
  const std::string setup_seconds = seconds_since(setup_began);
  // The token is the last line of stdout (RT's warnings share the log).
  std::istringstream lines(output);
  for (std::string line; std::getline(lines, line);) {
    if (!line.empty() && std::isdigit(static_cast<unsigned char>(line[0])) && line.find('-') != std::string::npos &&
        line.find(' ') == std::string::npos) {
      token_ = line;
    }
  }
  if (token_.empty()) throw std::runtime_error("request_tracker_setup.pl printed no token:\n" + tail(output));
  const auto start_began = std::chrono::steady_clock::now();
  start();
  std::cerr << "request tracker ready: rt-setup-database " << database_seconds << " s, queue/fields/token "
            << setup_seconds << " s, rt-server start " << seconds_since(start_began) << " s\n";
}

RequestTrackerInstance::~RequestTrackerInstance() { stop(); }

void RequestTrackerInstance::start() {
  if (server_pid_ > 0) return;
  // Starlet (RT's default) with few workers: the machine has two cores.
  server_pid_ = spawn(folder_,
                      {kRtServer, "--host", "127.0.0.1", "--port", std::to_string(port_), "--max-workers", "2"},
                      folder_ + "/rt-server.log");
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(kStartTimeoutSeconds);
  while (std::chrono::steady_clock::now() < deadline) {
    int status = 0;
    if (::waitpid(server_pid_, &status, WNOHANG) == server_pid_) {
      server_pid_ = -1;
      throw std::runtime_error("rt-server exited:\n" + tail(read_file(folder_ + "/rt-server.log")));
    }
    httplib::Client client("127.0.0.1", port_);
    client.set_connection_timeout(2);
    client.set_read_timeout(30);
    const httplib::Result result = client.Get("/REST/2.0/queues/all", {{"Authorization", "token " + token_}});
    if (result && result->status == 200) return;
    std::this_thread::sleep_for(std::chrono::milliseconds(250));
  }
  stop();
  throw std::runtime_error("rt-server did not answer REST 2.0 within " + std::to_string(kStartTimeoutSeconds) +
                           " s:\n" + tail(read_file(folder_ + "/rt-server.log")));
}

void RequestTrackerInstance::stop() {
  if (server_pid_ <= 0) return;
  ::kill(-server_pid_, SIGTERM);
  int status = 0;
  for (int waited = 0; ::waitpid(server_pid_, &status, WNOHANG) == 0; waited += 50) {
    if (waited > 15000) {
      ::kill(-server_pid_, SIGKILL);
      ::waitpid(server_pid_, &status, 0);
      break;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  ::kill(-server_pid_, SIGKILL);  // workers that outlived their parent
  server_pid_ = -1;
}

nlohmann::json RequestTrackerInstance::get(const std::string& path) const {
  httplib::Client client("127.0.0.1", port_);
  client.set_connection_timeout(5);
  client.set_read_timeout(60);
  const httplib::Result result = client.Get(("/REST/2.0/" + path).c_str(), {{"Authorization", "token " + token_}});
  if (!result) throw std::runtime_error("RT did not answer GET " + path);
  if (result->status != 200) {
    throw std::runtime_error("RT answered " + std::to_string(result->status) + " to GET " + path + ": " + result->body);
  }
  nlohmann::json body = nlohmann::json::parse(result->body, nullptr, false);
  if (body.is_discarded()) throw std::runtime_error("RT's answer to GET " + path + " is not JSON");
  return body;
}

std::string decode_base64(const std::string& text) {
  std::string compact;
  for (char c : text) {
    if (c != '\n' && c != '\r') compact += c;
  }
  if (compact.size() % 4 != 0) throw std::runtime_error("base64 of a length that is no multiple of 4");
  std::string out(compact.size() / 4 * 3, '\0');
  const int n = EVP_DecodeBlock(reinterpret_cast<unsigned char*>(out.data()),
                                reinterpret_cast<const unsigned char*>(compact.data()), static_cast<int>(compact.size()));
  if (n < 0) throw std::runtime_error("not base64");
  std::size_t padding = 0;
  if (!compact.empty() && compact.back() == '=') ++padding;
  if (compact.size() > 1 && compact[compact.size() - 2] == '=') ++padding;
  out.resize(static_cast<std::size_t>(n) - padding);
  return out;
}

}  // namespace support_test
