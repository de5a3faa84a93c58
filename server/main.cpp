// support-server: reference backend for the support widget (see docs/api.md).
#include "api_routes.h"
#include "connectors/connector_factory.h"
#include "database.h"
#include "delivery/forwarder.h"
#include "delivery/outbox.h"
#include "storage/postgres_store.h"
#include "storage/sqlite_store.h"
#include "event_store.h"
#include "http_json.h"
#include "json_log.h"
#include "rate_limiter.h"
#include "request_log.h"
#include "server_config.h"
#include "server_options.h"
#include "staff_token.h"
#include "static_files.h"
#include "ticket_store.h"

#include "config/attachment_settings_json.h"
#include "config/config_parser.h"
#include "ticket/ticket_rules_from_config.h"

#include <httplib.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <pthread.h>
#include <sstream>
#include <sys/socket.h>
#include <thread>

namespace {

using namespace support::server;

std::string read_whole_file(const std::string& path) {
  std::ifstream file(path, std::ios::binary);
  if (!file) throw std::runtime_error("cannot read " + path);
  std::stringstream content;
  content << file.rdbuf();
  return content.str();
}

std::string reason_for(int status) {
  switch (status) {
    case 400: return "bad request";
    case 404: return "not found";
    case 405: return "method not allowed";
    case 413: return "request body too large";
    case 414: return "request URI too long";
    default: return "HTTP error " + std::to_string(status);
  }
}

// cpp-httplib 0.11 sets SO_REUSEPORT, which lets a second server bind the same port and
// silently share (or steal) its connections. SO_REUSEADDR alone still allows a quick restart
// over TIME_WAIT sockets but makes a port in use fail to bind.
void exclusive_port_socket_options(socket_t sock) {
  int yes = 1;
  setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof(yes));
}

int run(const ServerOptions& options, const ServerConfig& relay_config) {
  JsonLog log(std::cerr);
  std::filesystem::create_directories(options.data_dir);
  // --database wins over the server configuration's "database" (and SUPPORT_DATABASE_URL).
  const std::string database = !options.database.empty() ? options.database : relay_config.database;
  std::unique_ptr<Database> sqlite;
  std::unique_ptr<RelayStore> store;
  if (is_postgres_url(database)) {
    store = std::make_unique<PostgresStore>(database);
  } else {
    sqlite = std::make_unique<Database>(options.data_dir + "/tickets.sqlite3");
    store = std::make_unique<SqliteStore>(*sqlite);
  }
  const std::unique_ptr<HelpdeskConnector> connector = make_helpdesk_connector(relay_config);
  Forwarder forwarder(*store, *connector, relay_config.outbox, log);
  ApiRateLimits limits(relay_config.rate_limits);

  const std::vector<std::string>& origins =
      options.origins_given || relay_config.allowed_origins.empty() ? options.allowed_origins : relay_config.allowed_origins;
  ApiContext context{*store, load_or_create_staff_token(options.data_dir),
                     CorsPolicy(origins), options.max_body, std::nullopt, options.web_dir, {}, {},
                     RelayContext{&forwarder, &limits, &log, relay_config.trusted_proxies}};
  context.screening = relay_config.screening;
  // The form limits come from the same configuration the widget gets, so both sides agree on
  // what is a valid ticket (e.g. a category's minimum description length).
  std::string rules_source;
  std::string rules_text;
  if (!options.config_file.empty()) {
    context.config_text = read_whole_file(options.config_file);
    rules_source = options.config_file;
    rules_text = *context.config_text;
  } else if (!options.web_dir.empty() && std::filesystem::exists(web_default_config_path(options.web_dir))) {
    rules_source = web_default_config_path(options.web_dir);
    rules_text = read_whole_file(rules_source);
  }
  if (!rules_source.empty()) {
    const support::ConfigParseResult parsed = support::parse_config(rules_text);
    if (!parsed.document_read) throw std::runtime_error(rules_source + " is not a JSON object");
    if (!parsed.ok()) {
      std::cerr << "support-server: warning: " << rules_source << " has " << parsed.problems.size()
                << " configuration problem(s); run supportctl lint on it\n";
    }
    context.rules = support::ticket_rules_from_config(parsed.config);
    // A ticket with every file at its largest must fit the body limit (base64 and all).
    if (!context.rules.attachments.categories.empty() && context.rules.attachments.max_files > 0)
      context.max_body = std::max<std::size_t>(
          context.max_body, static_cast<std::size_t>(support::attachment_body_allowance(parsed.config.attachments)));
  }

  if (!options.identity_secret_file.empty()) {
    context.identity_secret = read_whole_file(options.identity_secret_file);
    while (!context.identity_secret.empty() && std::isspace(static_cast<unsigned char>(context.identity_secret.back())))
      context.identity_secret.pop_back();   // a trailing newline is not part of the secret
    if (context.identity_secret.size() < 16) throw std::runtime_error(options.identity_secret_file + ": the identity secret must be at least 16 characters");
  } else if (const char* secret = std::getenv("SUPPORT_IDENTITY_SECRET"); secret && *secret) {
    context.identity_secret = secret;
    if (context.identity_secret.size() < 16) throw std::runtime_error("SUPPORT_IDENTITY_SECRET must be at least 16 characters");
  }

  httplib::Server server;
  server.set_socket_options(exclusive_port_socket_options);
  server.set_payload_max_length(context.max_body);
  install_request_log(server, log);
  register_api_routes(server, context);
  register_static_files(server, options.web_dir, context.cors);
  // Answers httplib makes itself (413 before reading a huge body, 404 for unknown POST paths, ...)
  // get the same {"error": ...} shape as ours; answers that already have a body stay as they are.
  server.set_error_handler(httplib::Server::HandlerWithResponse(
      [&context](const httplib::Request& request, httplib::Response& response) {
    if (response.body.empty() && response.status != 304) {
      if (response.status == 413) {
        send_error(response, 413, "request body too large: at most " + std::to_string(context.max_body) + " bytes");
      } else {
        send_error(response, response.status, reason_for(response.status));
      }
    }
    context.cors.apply(request, response);
    return httplib::Server::HandlerResponse::Handled;
  }));

  int port = options.port;
  if (port == 0) {
    port = server.bind_to_any_port(options.host);
    if (port < 0) throw std::runtime_error("cannot bind to " + options.host);
  } else if (!server.bind_to_port(options.host, port)) {
    const int reason = errno;
    throw std::runtime_error("cannot listen on " + options.host + ":" + std::to_string(port) + ": " +
                             (reason == EADDRINUSE ? std::string("the port is already in use (another server running?)")
                                                   : std::strerror(reason)));
  }
  const bool ipv6 = options.host.find(':') != std::string::npos;
  std::cout << "support-server listening on http://" << (ipv6 ? "[" + options.host + "]" : options.host) << ":"
            << port << "\n"
            << "staff token: " << context.staff_token << std::endl;
  log.write({{"kind", "start"}, {"port", port}, {"helpdesk", connector->name()},
             {"store", sqlite ? "sqlite" : "postgresql"}});
  forwarder.start();  // resumes whatever the outbox still holds from before a restart

  // SIGINT/SIGTERM stop the server cleanly; they are blocked in every thread and taken by sigwait.
  sigset_t stop_signals;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGINT);
  sigaddset(&stop_signals, SIGTERM);
  std::thread([&server, stop_signals] {
    int signal_number = 0;
    sigwait(&stop_signals, &signal_number);
    server.stop();
  }).detach();

  const bool listened = server.listen_after_bind();
  forwarder.stop();
  if (!listened) throw std::runtime_error("the server stopped unexpectedly");
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  std::signal(SIGPIPE, SIG_IGN);
  sigset_t stop_signals;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGINT);
  sigaddset(&stop_signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);  // before any thread starts

  std::string error;
  const std::optional<ServerOptions> options = parse_server_options(argc, argv, error);
  if (!options) {
    if (error.empty()) {
      std::cout << kServerUsage;
      return 0;
    }
    std::cerr << "support-server: " << error << "\n";
    return 2;
  }
  // The relay configuration is checked before anything starts: a bad value is exit 2 like a bad flag.
  std::string config_text;
  if (!options->server_config_file.empty()) {
    try {
      config_text = read_whole_file(options->server_config_file);
    } catch (const std::exception& e) {
      std::cerr << "support-server: --server-config: " << e.what() << "\n";
      return 2;
    }
    if (config_text.empty()) config_text = " ";  // an empty file is not JSON, not "no file"
  }
  const std::optional<ServerConfig> relay_config = parse_server_config(config_text, process_environment(), error);
  if (!relay_config) {
    std::cerr << "support-server: " << (options->server_config_file.empty() ? "environment" : options->server_config_file)
              << ": " << error << "\n";
    return 2;
  }
  try {
    return run(*options, *relay_config);
  } catch (const std::exception& e) {
    std::cerr << "support-server: " << e.what() << std::endl;
    return 1;
  }
}
