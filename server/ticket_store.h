#pragma once
// Tickets in SQLite. Each insert is its own committed transaction before the caller answers,
// together with the ticket's outbox row (delivery/outbox.h) when an outbox is attached, and an
// idempotency key maps a retried submit to the ticket it already created.
#include "database.h"
#include "delivery/outbox.h"

#include <nlohmann/json.hpp>

#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace support::server {

struct StoredTicket {
  std::string id;           // opaque, e.g. "t_3f9a..."; safe to show in URLs
  std::int64_t number = 0;  // human ticket number, 1, 2, 3, ...
  std::string created_at;   // ISO 8601 UTC
  std::string category;
  std::string status;       // "open" for new tickets
  nlohmann::json draft;     // the validated draft as to_json(TicketDraft) produced it
};

// A ticket about to be stored, before it has a number: a fresh opaque id, the time now, "open".
// Every store makes its new tickets this one way.
StoredTicket new_open_ticket(const nlohmann::json& draft, const std::string& category);

struct TicketInsertResult {
  StoredTicket ticket;
  bool created = false;  // false: the idempotency key was seen before; nothing new was stored
  // The key was used before for a different request: nothing stored, and `ticket` is empty
  // (an idempotency key belongs to one exact request; the old ticket is not the answer).
  bool key_reused = false;
};

class TicketStore {
 public:
  explicit TicketStore(Database& database, Outbox* outbox = nullptr) : database_(database), outbox_(outbox) {}

  // Stores the draft unless a ticket with the same non-empty idempotency key exists: then the
  // same draft gets that ticket back, a different one `key_reused`.
  // `also_store` runs inside the ticket's transaction, after its row (attachment_store.h).
  TicketInsertResult insert(const nlohmann::json& draft, const std::string& category,
                            const std::string& idempotency_key, const std::string& client_ip = {},
                            const std::function<void(const StoredTicket&)>& also_store = {});
  std::optional<StoredTicket> find_by_id(const std::string& id);
  std::optional<StoredTicket> find_by_number(std::int64_t number);
  std::vector<StoredTicket> list_newest_first(std::size_t limit);
  // The tickets whose draft has this email (compared without case), newest first.
  std::vector<StoredTicket> list_for_email(const std::string& email, std::size_t limit);
  std::int64_t count();

 private:
  std::optional<StoredTicket> find_by_key_locked(const std::string& key);
  Database& database_;
  Outbox* outbox_;
};

// The API shape: the draft's fields plus id, number, created_at, category and status.
nlohmann::json ticket_to_json(const StoredTicket& ticket);

}  // namespace support::server
