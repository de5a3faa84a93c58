#pragma once
// Files sent with tickets, in their own table beside the tickets:
//   attachments(ticket_id, position, name, type, size, sha256, content BLOB)
// written in the ticket's own transaction (TicketStore::insert's hook), so a 201 always has its
// files and a rolled-back ticket has none. The stored ticket JSON keeps each file's metadata with
// its sha256 instead of the bytes: lists stay small, and the idempotency comparison (which looks
// at the stored JSON) still tells two requests with different files apart.
#include "database.h"

#include "ticket/ticket_draft.h"

#include <nlohmann/json.hpp>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace support::server {

struct StoredAttachment {
  std::string name;
  std::string type;        // MIME type, as checked (by the name's ending)
  std::int64_t size = 0;
  std::string sha256;      // hex of the bytes
  std::string content;     // the bytes (empty when listed without them)
};

class AttachmentStore {
 public:
  // Creates the table when it is missing.
  explicit AttachmentStore(Database& database);

  // Inside the ticket's transaction: the caller holds the database lock.
  void insert_locked(const std::string& ticket_id, const std::vector<StoredAttachment>& files);
  // In order; with_content false leaves `content` empty.
  std::vector<StoredAttachment> list(const std::string& ticket_id, bool with_content);
  std::optional<StoredAttachment> find(const std::string& ticket_id, std::size_t position);

 private:
  Database& database_;
};

// Decodes the (already validated) files of a draft and replaces, in `stored_draft` (to_json of
// the draft), each file's "content" by its "sha256".
std::vector<StoredAttachment> take_attachments_for_storage(const TicketDraft& draft, nlohmann::json& stored_draft);


}  // namespace support::server
