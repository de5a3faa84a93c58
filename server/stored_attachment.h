#pragma once
// A ticket's file as every store keeps it (storage/relay_store.h): the checked bytes with their
// metadata. The stored ticket JSON keeps each file's metadata with its sha256 instead of the
// bytes: lists stay small, and the idempotency comparison (which looks at the stored JSON) still
// tells two requests with different files apart.
#include "ticket/ticket_draft.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <string>
#include <vector>

namespace support::server {

struct StoredAttachment {
  std::string name;
  std::string type;        // MIME type, as checked (by the name's ending)
  std::int64_t size = 0;
  std::string sha256;      // hex of the bytes
  std::string content;     // the bytes
};

// Decodes the (already validated) files of a draft and replaces, in `stored_draft` (to_json of
// the draft), each file's "content" by its "sha256".
std::vector<StoredAttachment> take_attachments_for_storage(const TicketDraft& draft, nlohmann::json& stored_draft);

}  // namespace support::server
