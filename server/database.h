#pragma once
// One SQLite connection in WAL mode with synchronous=FULL: a statement that returned has been
// written to the WAL and fsync'ed, so an answered request survives kill -9 and power loss.
// Requests arrive on several threads; callers hold lock() around each unit of work.
#include <sqlite3.h>

#include <cstdint>
#include <mutex>
#include <optional>
#include <string>

namespace support::server {

// A prepared statement that finalises itself. Parameters are 1-based as in SQLite.
class Statement {
 public:
  Statement(sqlite3* db, const char* sql);
  ~Statement();
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;

  Statement& bind(int index, const std::string& text);
  Statement& bind(int index, std::int64_t number);
  Statement& bind_null(int index);

  // Steps once: true when a row is available, false when done. Throws on errors.
  bool step();
  std::string column_text(int index) const;
  std::int64_t column_int(int index) const;

 private:
  sqlite3* db_;
  sqlite3_stmt* statement_ = nullptr;
};

class Database {
 public:
  // Opens (creating if needed) and brings the schema up to date. Throws std::runtime_error.
  explicit Database(const std::string& path);
  ~Database();
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;

  std::unique_lock<std::mutex> lock() { return std::unique_lock<std::mutex>(mutex_); }
  sqlite3* handle() { return db_; }
  void execute(const char* sql);  // statements without results; throws on errors
  int schema_version();

 private:
  void migrate();

  sqlite3* db_ = nullptr;
  std::mutex mutex_;
};

}  // namespace support::server
