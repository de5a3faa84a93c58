#include "attachment_store.h"

#include <stdexcept>

namespace support::server {
namespace {

void check(int rc, sqlite3* db, const char* what) {
  if (rc != SQLITE_OK && rc != SQLITE_DONE && rc != SQLITE_ROW)
    throw std::runtime_error(std::string("attachments: ") + what + ": " + sqlite3_errmsg(db));
}

// A prepared statement for the BLOB column (database.h's Statement binds text and numbers only).
struct BlobStatement {
  BlobStatement(sqlite3* db, const char* sql) : db(db) { check(sqlite3_prepare_v2(db, sql, -1, &stmt, nullptr), db, sql); }
  ~BlobStatement() { sqlite3_finalize(stmt); }
  BlobStatement(const BlobStatement&) = delete;
  BlobStatement& operator=(const BlobStatement&) = delete;
  void text(int i, const std::string& value) {
    check(sqlite3_bind_text(stmt, i, value.data(), static_cast<int>(value.size()), SQLITE_TRANSIENT), db, "bind");
  }
  void number(int i, std::int64_t value) { check(sqlite3_bind_int64(stmt, i, value), db, "bind"); }
  void blob(int i, const std::string& value) {
    check(sqlite3_bind_blob(stmt, i, value.data(), static_cast<int>(value.size()), SQLITE_TRANSIENT), db, "bind");
  }
  bool step() {
    const int rc = sqlite3_step(stmt);
    check(rc, db, "step");
    return rc == SQLITE_ROW;
  }
  std::string column(int i) const {
    const void* data = sqlite3_column_blob(stmt, i);
    return data ? std::string(static_cast<const char*>(data), static_cast<std::size_t>(sqlite3_column_bytes(stmt, i)))
                : std::string();
  }
  sqlite3* db;
  sqlite3_stmt* stmt = nullptr;
};

StoredAttachment read_row(const BlobStatement& row) {
  StoredAttachment file;
  file.name = row.column(0);
  file.type = row.column(1);
  file.size = sqlite3_column_int64(row.stmt, 2);
  file.sha256 = row.column(3);
  file.content = row.column(4);
  return file;
}

}  // namespace

AttachmentStore::AttachmentStore(Database& database) : database_(database) {
  auto guard = database_.lock();
  database_.execute(
      "CREATE TABLE IF NOT EXISTS attachments("
      " ticket_id TEXT NOT NULL, position INTEGER NOT NULL, name TEXT NOT NULL, type TEXT NOT NULL,"
      " size INTEGER NOT NULL, sha256 TEXT NOT NULL, content BLOB NOT NULL, PRIMARY KEY(ticket_id, position))");
}

void AttachmentStore::insert_locked(const std::string& ticket_id, const std::vector<StoredAttachment>& files) {
  for (std::size_t i = 0; i < files.size(); ++i) {
    BlobStatement insert(database_.handle(),
                         "INSERT INTO attachments(ticket_id, position, name, type, size, sha256, content)"
                         " VALUES (?, ?, ?, ?, ?, ?, ?)");
    insert.text(1, ticket_id);
    insert.number(2, static_cast<std::int64_t>(i));
    insert.text(3, files[i].name);
    insert.text(4, files[i].type);
    insert.number(5, files[i].size);
    insert.text(6, files[i].sha256);
    insert.blob(7, files[i].content);
    insert.step();
  }
}

std::vector<StoredAttachment> AttachmentStore::list(const std::string& ticket_id) {
  auto guard = database_.lock();
  BlobStatement query(database_.handle(),
                      "SELECT name, type, size, sha256, content FROM attachments WHERE ticket_id = ? ORDER BY position");
  query.text(1, ticket_id);
  std::vector<StoredAttachment> files;
  while (query.step()) files.push_back(read_row(query));
  return files;
}

std::optional<StoredAttachment> AttachmentStore::find(const std::string& ticket_id, std::size_t position) {
  auto guard = database_.lock();
  BlobStatement query(database_.handle(),
                      "SELECT name, type, size, sha256, content FROM attachments WHERE ticket_id = ? AND position = ?");
  query.text(1, ticket_id);
  query.number(2, static_cast<std::int64_t>(position));
  if (!query.step()) return std::nullopt;
  return read_row(query);
}

}  // namespace support::server
