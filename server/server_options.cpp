#include "server_options.h"

#include <cstdlib>
#include <string_view>

namespace support::server {

const char* const kServerUsage =
    "usage: support-server [--port N] [--host ADDR] [--data DIR] [--web DIR] [--config FILE]\n"
    "                      [--max-body BYTES] [--allow-origin ORIGIN]... [--server-config FILE]\n"
    "                      [--identity-secret-file FILE] [--database URL]\n"
    "  --port N            port to listen on; 0 picks a free one (default 8080)\n"
    "  --host ADDR         address to bind (default 127.0.0.1)\n"
    "  --data DIR          folder for tickets.sqlite3 and staff-token, created if missing (default ./data)\n"
    "  --web DIR           folder of static files; / serves DIR/demo/index.html\n"
    "  --config FILE       widget configuration JSON served at GET /api/config\n"
    "                      (default: DIR/widget/assets/config/default.json of --web)\n"
    "  --max-body BYTES    largest accepted request body (default 65536)\n"
    "  --allow-origin O    origin allowed to call the API from a browser; repeatable (default *)\n"
    "  --server-config F   relay settings as JSON: helpdesk connector, allowed origins, rate limits,\n"
    "                      outbox backoff (docs/server.md); secrets may come from SUPPORT_HELPDESK_TOKEN\n"
    "                      and SUPPORT_WEBHOOK_SECRET instead\n"
    "  --identity-secret-file FILE\n"
    "                      secret shared with the site for signed customer identity tokens\n"
    "                      (or the environment variable SUPPORT_IDENTITY_SECRET); without one,\n"
    "                      GET /api/my/tickets answers 401\n"
    "  --database URL      store tickets in PostgreSQL (postgresql://user@host/db), for several relays\n"
    "                      on one database; default: SQLite in --data (also the server configuration's\n"
    "                      \"database\" or SUPPORT_DATABASE_URL)\n";

namespace {

bool parse_unsigned(std::string_view text, unsigned long long max, unsigned long long& out) {
  if (text.empty() || text.size() > 19) return false;
  unsigned long long value = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return false;
    value = value * 10 + static_cast<unsigned>(c - '0');
  }
  if (value > max) return false;
  out = value;
  return true;
}

}  // namespace

std::optional<ServerOptions> parse_server_options(int argc, char** argv, std::string& error) {
  ServerOptions options;
  bool origins_given = false;
  for (int i = 1; i < argc; ++i) {
    const std::string_view flag = argv[i];
    if (flag == "--help" || flag == "-h") {
      error.clear();
      return std::nullopt;
    }
    if (i + 1 >= argc) {
      error = std::string(flag) + " needs a value (see --help)";
      if (flag.rfind("--", 0) != 0) error = "unexpected argument " + std::string(flag) + " (see --help)";
      return std::nullopt;
    }
    const std::string value = argv[++i];
    unsigned long long number = 0;
    if (flag == "--port") {
      if (!parse_unsigned(value, 65535, number)) {
        error = "--port needs a number from 0 to 65535, got '" + value + "'";
        return std::nullopt;
      }
      options.port = static_cast<int>(number);
    } else if (flag == "--host") {
      options.host = value;
    } else if (flag == "--data") {
      options.data_dir = value;
    } else if (flag == "--web") {
      options.web_dir = value;
    } else if (flag == "--config") {
      options.config_file = value;
    } else if (flag == "--max-body") {
      if (!parse_unsigned(value, 64ull * 1024 * 1024, number) || number < 1024) {
        error = "--max-body needs a byte count from 1024 to 67108864, got '" + value + "'";
        return std::nullopt;
      }
      options.max_body = static_cast<std::size_t>(number);
    } else if (flag == "--identity-secret-file") {
      options.identity_secret_file = value;
    } else if (flag == "--database") {
      if (value.rfind("postgresql://", 0) != 0 && value.rfind("postgres://", 0) != 0) {
        error = "--database needs a postgresql:// URL (without it tickets go to SQLite in --data)";
        return std::nullopt;
      }
      options.database = value;
    } else if (flag == "--server-config") {
      options.server_config_file = value;
    } else if (flag == "--allow-origin") {
      if (!origins_given) options.allowed_origins.clear();
      origins_given = true;
      options.origins_given = true;
      options.allowed_origins.push_back(value);
    } else {
      error = "unknown option " + std::string(flag) + " (see --help)";
      return std::nullopt;
    }
  }
  if (options.data_dir.empty()) {
    error = "--data must not be empty";
    return std::nullopt;
  }
  return options;
}

}  // namespace support::server
