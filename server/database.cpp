#include "database.h"

#include "utc_clock.h"

#include <stdexcept>

namespace support::server {
namespace {

// Append-only: each entry runs once, in its own transaction, recorded in schema_migrations.
// Never edit an entry that has shipped; add a new one.
struct Migration {
  int version;
  const char* name;
  const char* sql;
};

const Migration kMigrations[] = {
    {1, "tickets",
     "CREATE TABLE tickets ("
     "  number INTEGER PRIMARY KEY AUTOINCREMENT,"  // the human ticket number; never reused
     "  id TEXT NOT NULL UNIQUE,"                   // opaque id given to clients
     "  idempotency_key TEXT UNIQUE,"
     "  created_at TEXT NOT NULL,"
     "  category TEXT NOT NULL DEFAULT '',"
     "  status TEXT NOT NULL DEFAULT 'open',"
     "  draft_json TEXT NOT NULL);"},
    {2, "events",
     "CREATE TABLE events ("
     "  number INTEGER PRIMARY KEY AUTOINCREMENT,"
     "  created_at TEXT NOT NULL,"
     "  type TEXT NOT NULL,"
     "  payload_json TEXT NOT NULL);"
     "CREATE INDEX events_by_type ON events(type);"},
    // The outbox: one row per ticket, written in the ticket's own transaction (delivery/outbox.h).
    // Tickets from before the relay existed were never forwarded: they start pending too.
    {3, "deliveries",
     "CREATE TABLE deliveries ("
     "  ticket_number INTEGER PRIMARY KEY REFERENCES tickets(number),"
     "  state TEXT NOT NULL DEFAULT 'pending',"  // pending | delivered | failed
     "  attempts INTEGER NOT NULL DEFAULT 0,"
     "  enqueued_ms INTEGER NOT NULL,"           // Unix ms; readiness reports the oldest pending age
     "  next_attempt_ms INTEGER NOT NULL DEFAULT 0,"
     "  last_error TEXT NOT NULL DEFAULT '',"
     "  helpdesk TEXT NOT NULL DEFAULT '',"      // connector that delivered it
     "  helpdesk_ticket_id TEXT NOT NULL DEFAULT '',"
     "  client_ip TEXT NOT NULL DEFAULT '',"
     "  updated_at TEXT NOT NULL);"
     "CREATE INDEX deliveries_due ON deliveries(state, next_attempt_ms);"
     "INSERT INTO deliveries(ticket_number, enqueued_ms, updated_at) "
     "  SELECT number, CAST((julianday(created_at) - 2440587.5) * 86400000 AS INTEGER), created_at FROM tickets;"},
};

[[noreturn]] void fail(sqlite3* db, const std::string& what) {
  throw std::runtime_error(what + ": " + (db ? sqlite3_errmsg(db) : "out of memory"));
}

}  // namespace

Statement::Statement(sqlite3* db, const char* sql) : db_(db) {
  if (sqlite3_prepare_v2(db, sql, -1, &statement_, nullptr) != SQLITE_OK) fail(db, "prepare failed");
}

Statement::~Statement() { sqlite3_finalize(statement_); }

Statement& Statement::bind(int index, const std::string& text) {
  if (sqlite3_bind_text(statement_, index, text.data(), static_cast<int>(text.size()), SQLITE_TRANSIENT) != SQLITE_OK) {
    fail(db_, "bind failed");
  }
  return *this;
}

Statement& Statement::bind(int index, std::int64_t number) {
  if (sqlite3_bind_int64(statement_, index, number) != SQLITE_OK) fail(db_, "bind failed");
  return *this;
}

Statement& Statement::bind_null(int index) {
  if (sqlite3_bind_null(statement_, index) != SQLITE_OK) fail(db_, "bind failed");
  return *this;
}

bool Statement::step() {
  const int rc = sqlite3_step(statement_);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  fail(db_, "statement failed");
}

std::string Statement::column_text(int index) const {
  const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(statement_, index));
  return text ? std::string(text, static_cast<std::size_t>(sqlite3_column_bytes(statement_, index))) : std::string();
}

std::int64_t Statement::column_int(int index) const { return sqlite3_column_int64(statement_, index); }

Database::Database(const std::string& path) {
  const int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_FULLMUTEX;
  if (sqlite3_open_v2(path.c_str(), &db_, flags, nullptr) != SQLITE_OK) {
    const std::string message = db_ ? sqlite3_errmsg(db_) : "out of memory";
    sqlite3_close(db_);
    db_ = nullptr;
    throw std::runtime_error("cannot open database " + path + ": " + message);
  }
  sqlite3_busy_timeout(db_, 5000);
  {
    Statement wal(db_, "PRAGMA journal_mode=WAL");
    if (!wal.step() || wal.column_text(0) != "wal") {
      throw std::runtime_error("cannot switch " + path + " to WAL mode");
    }
  }
  execute("PRAGMA synchronous=FULL");
  migrate();
}

Database::~Database() { sqlite3_close(db_); }

void Database::execute(const char* sql) {
  char* message = nullptr;
  if (sqlite3_exec(db_, sql, nullptr, nullptr, &message) != SQLITE_OK) {
    const std::string text = message ? message : sqlite3_errmsg(db_);
    sqlite3_free(message);
    throw std::runtime_error(std::string("SQL failed: ") + text);
  }
}

int Database::schema_version() {
  Statement query(db_, "SELECT COALESCE(MAX(version), 0) FROM schema_migrations");
  query.step();
  return static_cast<int>(query.column_int(0));
}

void Database::migrate() {
  execute(
      "CREATE TABLE IF NOT EXISTS schema_migrations ("
      "  version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)");
  const int current = schema_version();
  for (const Migration& migration : kMigrations) {
    if (migration.version <= current) continue;
    execute("BEGIN IMMEDIATE");
    try {
      execute(migration.sql);
      Statement record(db_, "INSERT INTO schema_migrations(version, name, applied_at) VALUES (?, ?, ?)");
      record.bind(1, static_cast<std::int64_t>(migration.version)).bind(2, std::string(migration.name)).bind(3, utc_now_iso8601());
      record.step();
      execute("COMMIT");
    } catch (...) {
      sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
      throw;
    }
  }
}

}  // namespace support::server
