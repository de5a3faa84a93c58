#pragma once
// Command line of support-server.
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace support::server {

struct ServerOptions {
  std::string host = "127.0.0.1";
  int port = 8080;                        // 0: let the system pick a free port (printed on start)
  std::string data_dir = "data";          // tickets.sqlite3 and staff-token live here
  std::string web_dir;                    // static files; empty: serve no static files
  std::string config_file;                // widget configuration JSON for GET /api/config
  std::size_t max_body = 64 * 1024;       // bytes per request body
  std::vector<std::string> allowed_origins = {"*"};
  std::string identity_secret_file;       // secret for customer identity tokens (or SUPPORT_IDENTITY_SECRET)
  bool origins_given = false;             // --allow-origin given: wins over the server configuration
  std::string server_config_file;         // --server-config: relay settings (docs/server.md)
  std::string database;                   // --database postgresql://...; empty: SQLite in data_dir
};

extern const char* const kServerUsage;

// Where the web folder (build/web, laid out by shell/CMakeLists.txt) keeps the widget's default
// configuration: used for GET /api/config and the ticket rules when there is no --config.
inline std::string web_default_config_path(const std::string& web_dir) {
  return web_dir + "/widget/assets/config/default.json";
}

// Parses argv. On a problem returns nullopt and sets `error` to a sentence for the user;
// `--help` returns nullopt with an empty error.
std::optional<ServerOptions> parse_server_options(int argc, char** argv, std::string& error);

}  // namespace support::server
