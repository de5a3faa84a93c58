#include "postgres_instance.h"

#include <libpq-fe.h>
#include <pwd.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <mutex>
#include <sstream>
#include <stdexcept>

namespace support_test {
namespace {

namespace fs = std::filesystem;

// Debian installs each major version's server programs under /usr/lib/postgresql/<major>/bin.
std::string find_postgres_bin() {
  std::vector<fs::path> found;
  std::error_code ignored;
  for (const auto& entry : fs::directory_iterator("/usr/lib/postgresql", ignored)) {
    if (fs::exists(entry.path() / "bin" / "initdb") && fs::exists(entry.path() / "bin" / "pg_ctl")) {
      found.push_back(entry.path() / "bin");
    }
  }
  if (found.empty()) {
    throw std::runtime_error(
        "PostgreSQL server programs not found under /usr/lib/postgresql/*/bin: the PostgreSQL tests need "
        "Debian's postgresql package (./dev setup installs it)");
  }
  std::sort(found.begin(), found.end(), [](const fs::path& a, const fs::path& b) {
    return std::atoi(a.parent_path().filename().c_str()) < std::atoi(b.parent_path().filename().c_str());
  });
  return found.back().string();
}

// Runs a PostgreSQL program, as `postgres` when we are root; output goes to `log`.
void run_program(const std::string& command, const std::string& log) {
  const std::string as_user = geteuid() == 0 ? "runuser -u postgres -- " : "";
  const std::string line = as_user + command + " >>'" + log + "' 2>&1";
  if (std::system(line.c_str()) != 0) {
    std::ifstream file(log);
    std::stringstream text;
    text << file.rdbuf();
    throw std::runtime_error("PostgreSQL for the tests: `" + command + "` failed:\n" + text.str());
  }
}

std::string url_encoded(const std::string& text) {
  static const char* hex = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : text) {
    if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '/') {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += hex[c >> 4];
      out += hex[c & 15];
    }
  }
  return out;
}

}  // namespace

PostgresInstance::PostgresInstance() : bin_dir_(find_postgres_bin()) {
  if (geteuid() == 0) {
    const passwd* user = getpwnam("postgres");
    if (!user) throw std::runtime_error("PostgreSQL for the tests: running as root but there is no `postgres` user");
    if (chown(folder_.path().c_str(), user->pw_uid, user->pw_gid) != 0) {
      throw std::runtime_error("PostgreSQL for the tests: cannot hand " + folder_.path() + " to the postgres user");
    }
  }
  const std::string data = folder_.path() + "/data";
  const std::string log = folder_.path() + "/setup.log";              // written by us (root)
  const std::string server_log = folder_.path() + "/postgres.log";    // written by the server itself
  run_program(bin_dir_ + "/initdb -D '" + data + "' -U support -A trust -E UTF8 --locale=C --no-sync", log);
  // Durability is not what these tests measure: no fsync keeps 1,000-ticket runs quick.
  run_program(bin_dir_ + "/pg_ctl -D '" + data + "' -l '" + server_log + "' -w -t 30 -o \"-k '" + folder_.path() +
                  "' -c listen_addresses='' -c fsync=off -c full_page_writes=off -c max_connections=200\" start",
              log);
}

PostgresInstance::~PostgresInstance() {
  const std::string as_user = geteuid() == 0 ? "runuser -u postgres -- " : "";
  const std::string stop =
      as_user + bin_dir_ + "/pg_ctl -D '" + folder_.path() + "/data' -m immediate -w stop >/dev/null 2>&1";
  (void)std::system(stop.c_str());
}

std::string PostgresInstance::url() const {
  return "postgresql:///postgres?host=" + url_encoded(folder_.path()) + "&user=support";
}

std::string PostgresInstance::fresh_schema_url() {
  const std::string schema = "test_" + std::to_string(++schemas_);
  query("CREATE SCHEMA " + schema, url());
  return url() + "&options=" + url_encoded("-csearch_path=" + schema);
}

std::string PostgresInstance::query(const std::string& sql, const std::string& url) const {
  std::unique_ptr<PGconn, void (*)(PGconn*)> connection(PQconnectdb(url.c_str()), PQfinish);
  if (PQstatus(connection.get()) != CONNECTION_OK) {
    throw std::runtime_error(std::string("PostgreSQL for the tests: ") + PQerrorMessage(connection.get()));
  }
  std::unique_ptr<PGresult, void (*)(PGresult*)> result(PQexec(connection.get(), sql.c_str()), PQclear);
  const ExecStatusType status = PQresultStatus(result.get());
  if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) {
    throw std::runtime_error("PostgreSQL for the tests: " + sql + ": " + PQresultErrorMessage(result.get()));
  }
  if (PQntuples(result.get()) == 0) return "";
  return PQgetvalue(result.get(), 0, 0);
}

bool tests_use_postgres() {
  const char* store = std::getenv("SUPPORT_TEST_STORE");
  return store && std::string(store) == "postgresql";
}

PostgresInstance& shared_postgres() {
  static PostgresInstance instance;  // stopped when the test binary exits
  return instance;
}

std::vector<std::string> store_arguments(const std::string& data_dir) {
  if (!tests_use_postgres()) return {};
  static std::mutex mutex;
  static std::map<std::string, std::string> url_per_folder;
  std::lock_guard<std::mutex> guard(mutex);
  auto found = url_per_folder.find(data_dir);
  if (found == url_per_folder.end()) found = url_per_folder.emplace(data_dir, shared_postgres().fresh_schema_url()).first;
  return {"--database", found->second};
}

}  // namespace support_test
