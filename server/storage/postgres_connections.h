#pragma once
// A small pool of libpq connections to one PostgreSQL database. Each unit of work borrows one
// connection (a request thread or the forwarder), so statements of different threads never share
// a connection; a connection that broke is closed and replaced by a fresh one on the next borrow.
#include <libpq-fe.h>

#include <condition_variable>
#include <cstddef>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

namespace support::server {

// One result; frees itself. Columns by index, values as text (PostgreSQL's text format).
class PgResult {
 public:
  explicit PgResult(PGresult* result) : result_(result) {}
  ~PgResult() { PQclear(result_); }
  PgResult(PgResult&& other) noexcept : result_(other.result_) { other.result_ = nullptr; }
  PgResult(const PgResult&) = delete;
  PgResult& operator=(const PgResult&) = delete;

  int rows() const { return PQntuples(result_); }
  std::string text(int row, int column) const;
  std::int64_t number(int row, int column) const;
  // A BYTEA column's bytes (PostgreSQL sends them escaped in the text format).
  std::string bytes(int row, int column) const;
  bool is_null(int row, int column) const { return PQgetisnull(result_, row, column) != 0; }
  PGresult* raw() const { return result_; }

 private:
  PGresult* result_;
};

using PgParams = std::vector<std::optional<std::string>>;  // nullopt: SQL NULL

class PgConnection {
 public:
  explicit PgConnection(PGconn* connection) : connection_(connection) {}
  // Runs one statement with $1, $2, ... parameters; throws std::runtime_error on an error.
  // The parameters numbered in `raw_bytes` (1 for $1) go as raw bytes, for BYTEA columns: files
  // travel unescaped, at their own size.
  PgResult run(const char* sql, const PgParams& params = {}, const std::vector<int>& raw_bytes = {});
  // Runs several statements separated by semicolons, without parameters (the migrations).
  void run_script(const char* sql);
  PGconn* handle() { return connection_; }

 private:
  PGconn* connection_;
};

class PostgresConnections {
 public:
  // Connects once at once, so a wrong URL or an unreachable server is an error at start-up.
  PostgresConnections(std::string url, std::size_t max_connections);
  ~PostgresConnections();
  PostgresConnections(const PostgresConnections&) = delete;
  PostgresConnections& operator=(const PostgresConnections&) = delete;

  // A borrowed connection, given back when it goes out of scope (rolled back first if a
  // transaction is still open, e.g. after an exception).
  class Borrowed {
   public:
    Borrowed(PostgresConnections& pool, PGconn* connection) : pool_(pool), connection_(connection) {}
    ~Borrowed();
    Borrowed(const Borrowed&) = delete;
    Borrowed& operator=(const Borrowed&) = delete;
    PgConnection* operator->() { return &connection_; }

   private:
    PostgresConnections& pool_;
    PgConnection connection_;
  };
  Borrowed borrow();

 private:
  PGconn* connect();
  void give_back(PGconn* connection);

  std::string url_;
  std::size_t max_connections_;
  std::mutex mutex_;
  std::condition_variable available_;
  std::vector<PGconn*> idle_;
  std::size_t open_ = 0;
};

}  // namespace support::server
