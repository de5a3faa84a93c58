#pragma once
// A throwaway PostgreSQL for the tests: initdb into a temporary folder, the server on a unix
// socket in that folder (no TCP port to collide with), stopped and removed in the destructor.
// PostgreSQL refuses to run as root, so under root (CI) initdb and postgres run as the
// `postgres` user that Debian's package creates. Missing binaries are an error, not a skip.
#include "server_process.h"

#include <string>
#include <vector>

namespace support_test {

class PostgresInstance {
 public:
  PostgresInstance();  // throws std::runtime_error with what is missing or what failed
  ~PostgresInstance();
  PostgresInstance(const PostgresInstance&) = delete;
  PostgresInstance& operator=(const PostgresInstance&) = delete;

  // The database `postgres` as the superuser `support`.
  std::string url() const;
  // A URL whose tables live in a schema of their own (created now), so each test's server
  // starts from an empty store on the one shared instance.
  std::string fresh_schema_url();
  // Runs one SQL statement on url() and returns the first column of the first row ("" if none).
  std::string query(const std::string& sql, const std::string& url) const;

 private:
  TempDir folder_;
  std::string bin_dir_;
  int schemas_ = 0;
};

// The store the API tests run against: SUPPORT_TEST_STORE=postgresql selects PostgreSQL (one
// instance for the whole test binary, started on first use), anything else SQLite.
bool tests_use_postgres();
PostgresInstance& shared_postgres();

// The extra support-server arguments for the selected store: {} for SQLite, {"--database", URL}
// for PostgreSQL with one schema per data folder (a restart on the same folder finds its tickets).
std::vector<std::string> store_arguments(const std::string& data_dir);

}  // namespace support_test
