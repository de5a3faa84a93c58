#pragma once
// The durable outbox: one `deliveries` row per ticket, inserted in the same SQLite transaction as
// the ticket (so a 201 always has its row), and moved to delivered (with the helpdesk's ticket id)
// or failed (with the reason) in one statement each. Nothing is ever deleted: a ticket the
// helpdesk rejects stays visible to staff with the reason.
#include "database.h"

#include <nlohmann/json.hpp>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace support::server {

struct DeliveryState {
  std::int64_t ticket_number = 0;
  std::string state;  // pending | delivered | failed
  int attempts = 0;
  std::int64_t enqueued_ms = 0;
  std::int64_t next_attempt_ms = 0;
  std::string last_error;
  std::string helpdesk;
  std::string helpdesk_ticket_id;
  std::string client_ip;
  std::string updated_at;
};

struct OutboxBacklog {
  std::int64_t pending = 0;
  std::int64_t failed = 0;
  std::optional<std::int64_t> oldest_pending_enqueued_ms;
};

// Unix time in milliseconds: the outbox's clock (it has to survive restarts).
std::int64_t unix_now_ms();

class Outbox {
 public:
  explicit Outbox(Database& database) : database_(database) {}

  // Adds the ticket's pending row. The caller holds the database lock and an open transaction.
  void enqueue_locked(std::int64_t ticket_number, const std::string& client_ip);

  // Pending rows whose next attempt is due, oldest ticket first.
  std::vector<DeliveryState> due(std::int64_t now_ms, std::size_t limit);
  // When the earliest pending row is due; nullopt when nothing is pending.
  std::optional<std::int64_t> next_due_ms();

  // Each changes a pending row only, in one statement (its own transaction); false if the row
  // was not pending (e.g. delivered meanwhile).
  bool mark_delivered(std::int64_t ticket_number, const std::string& helpdesk, const std::string& helpdesk_ticket_id);
  bool mark_retry(std::int64_t ticket_number, const std::string& error, std::int64_t next_attempt_ms);
  bool mark_failed(std::int64_t ticket_number, const std::string& error);

  enum class RetryResult { queued, not_failed, no_such_ticket };
  // Staff's "retry delivery": a failed row becomes pending, due now, attempts counted afresh.
  RetryResult retry_failed(const std::string& ticket_id);

  std::optional<DeliveryState> find(std::int64_t ticket_number);
  OutboxBacklog backlog();

 private:
  Database& database_;
};

// What staff see under "delivery" in GET /api/tickets.
nlohmann::json delivery_to_json(const DeliveryState& state);

}  // namespace support::server
