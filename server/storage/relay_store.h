#pragma once
// What the API routes and the forwarder need from storage, in one place. Two stores implement it:
// SQLite (sqlite_store.h; embedded, the default, one relay per data folder) and PostgreSQL
// (postgres_store.h; several relays behind a load balancer sharing one database). Every method
// is one committed unit of work and may be called from any thread; errors throw
// std::runtime_error (the routes answer 500, the forwarder logs and tries again later).
#include "delivery/outbox.h"
#include "event_store.h"
#include "stored_attachment.h"
#include "ticket_store.h"

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace support::server {

class RelayStore {
 public:
  virtual ~RelayStore() = default;

  // Tickets. insert_ticket stores the ticket and its pending outbox row together, unless a ticket
  // with the same non-empty idempotency key exists: then the same request (request_fingerprint.h)
  // gets that ticket back and a different one `key_reused`. Two requests racing under one key
  // make one ticket. The ticket's `files` are stored in that same transaction: a crash before its
  // commit leaves neither, so a 201 always has its files. A repeat under a known key stores none.
  virtual TicketInsertResult insert_ticket(const nlohmann::json& draft, const std::string& category,
                                           const std::string& idempotency_key, const std::string& client_ip,
                                           const std::vector<StoredAttachment>& files = {}) = 0;
  virtual std::optional<StoredTicket> find_ticket_by_id(const std::string& id) = 0;
  virtual std::optional<StoredTicket> find_ticket_by_number(std::int64_t number) = 0;
  virtual std::vector<StoredTicket> list_tickets_newest_first(std::size_t limit) = 0;
  // My tickets: those whose draft has this email (compared without case), newest first.
  virtual std::vector<StoredTicket> list_tickets_for_email(const std::string& email, std::size_t limit) = 0;
  virtual std::int64_t count_tickets() = 0;

  // Holds off every other check-then-insert for this customer (email, compared without case) on
  // this store, from any relay, until the returned lock goes: the server's duplicate check reads
  // the customer's tickets and then inserts, and two relays must not both read "none".
  class CustomerLock {
   public:
    virtual ~CustomerLock() = default;
  };
  virtual std::unique_ptr<CustomerLock> lock_customer(const std::string& email) = 0;

  // A ticket's files, each store in its own table: all of them in the order sent (for the
  // helpdesk), or the one at `position` (staff's download).
  virtual std::vector<StoredAttachment> list_attachments(const std::string& ticket_id) = 0;
  virtual std::optional<StoredAttachment> find_attachment(const std::string& ticket_id, std::size_t position) = 0;

  // Events (flow outcomes for staff statistics).
  virtual StoredEvent insert_event(const std::string& type, const nlohmann::json& payload) = 0;
  virtual std::vector<StoredEvent> list_events_newest_first(std::size_t limit) = 0;

  // The outbox. claim_due hands out pending rows whose attempt is due and that nobody else holds,
  // oldest ticket first, each leased to `owner` until now + lease_ms: no other relay gets them
  // before the lease ends, so a crashed relay's claims come back after it. The marks change a
  // pending row still leased to `owner` and end the lease; false when it is not (delivered or
  // taken over meanwhile).
  virtual std::vector<DeliveryState> claim_due(const std::string& owner, std::int64_t now_ms, std::int64_t lease_ms,
                                               std::size_t limit) = 0;
  // When the earliest pending row (leased or not) may be due; nullopt when nothing is pending.
  virtual std::optional<std::int64_t> next_due_ms() = 0;
  virtual bool mark_delivered(const std::string& owner, std::int64_t ticket_number, const std::string& helpdesk,
                              const std::string& helpdesk_ticket_id) = 0;
  virtual bool mark_retry(const std::string& owner, std::int64_t ticket_number, const std::string& error,
                          std::int64_t next_attempt_ms) = 0;
  virtual bool mark_failed(const std::string& owner, std::int64_t ticket_number, const std::string& error) = 0;
  // Staff's "retry delivery": a failed row becomes pending, due now, attempts counted afresh.
  virtual Outbox::RetryResult retry_failed(const std::string& ticket_id) = 0;
  virtual std::optional<DeliveryState> find_delivery(std::int64_t ticket_number) = 0;
  virtual OutboxBacklog backlog() = 0;
};

}  // namespace support::server
