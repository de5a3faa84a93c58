#pragma once
// The files of tickets in SQLite (the SQLite store's part, storage/sqlite_store.h), in their own
// table beside the tickets:
//   attachments(ticket_id, position, name, type, size, sha256, content BLOB)
// written in the ticket's own transaction (TicketStore::insert's hook), so a 201 always has its
// files and a rolled-back ticket has none.
#include "database.h"
#include "stored_attachment.h"

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace support::server {

class AttachmentStore {
 public:
  // Creates the table when it is missing.
  explicit AttachmentStore(Database& database);

  // Inside the ticket's transaction: the caller holds the database lock.
  void insert_locked(const std::string& ticket_id, const std::vector<StoredAttachment>& files);
  // In the order they were sent, with their bytes.
  std::vector<StoredAttachment> list(const std::string& ticket_id);
  std::optional<StoredAttachment> find(const std::string& ticket_id, std::size_t position);

 private:
  Database& database_;
};

}  // namespace support::server
