#pragma once
// The shared store: tickets, events and the outbox in PostgreSQL, for sites that run several
// relays behind a load balancer on one database. Idempotency keys are unique by constraint (two
// relays racing under one key make one ticket), and the outbox is claimed with
// SELECT ... FOR UPDATE SKIP LOCKED under a lease, so two relays never hold the same delivery and
// a crashed relay's claims come back when their lease ends (docs/server.md). A ticket's files are
// in their own table (BYTEA), inserted in the ticket's transaction.
#include "storage/postgres_connections.h"
#include "storage/relay_store.h"

#include <mutex>
#include <string>

namespace support::server {

// True for the URLs that select this store (postgresql://... or postgres://...).
bool is_postgres_url(const std::string& database);

class PostgresStore final : public RelayStore {
 public:
  // Connects (throws std::runtime_error with libpq's reason) and brings the schema up to date;
  // relays starting together take turns (an advisory lock) so each migration runs once.
  explicit PostgresStore(const std::string& url, std::size_t max_connections = 8);

  TicketInsertResult insert_ticket(const nlohmann::json& draft, const std::string& category,
                                   const std::string& idempotency_key, const std::string& client_ip,
                                   const std::vector<StoredAttachment>& files = {}) override;
  std::optional<StoredTicket> find_ticket_by_id(const std::string& id) override;
  std::optional<StoredTicket> find_ticket_by_number(std::int64_t number) override;
  std::vector<StoredTicket> list_tickets_newest_first(std::size_t limit) override;
  std::vector<StoredTicket> list_tickets_for_email(const std::string& email, std::size_t limit) override;
  std::int64_t count_tickets() override;
  std::unique_ptr<CustomerLock> lock_customer(const std::string& email) override;

  std::vector<StoredAttachment> list_attachments(const std::string& ticket_id) override;
  std::optional<StoredAttachment> find_attachment(const std::string& ticket_id, std::size_t position) override;

  StoredEvent insert_event(const std::string& type, const nlohmann::json& payload) override;
  std::vector<StoredEvent> list_events_newest_first(std::size_t limit) override;

  std::vector<DeliveryState> claim_due(const std::string& owner, std::int64_t now_ms, std::int64_t lease_ms,
                                       std::size_t limit) override;
  std::optional<std::int64_t> next_due_ms() override;
  bool mark_delivered(const std::string& owner, std::int64_t ticket_number, const std::string& helpdesk,
                      const std::string& helpdesk_ticket_id) override;
  bool mark_retry(const std::string& owner, std::int64_t ticket_number, const std::string& error,
                  std::int64_t next_attempt_ms) override;
  bool mark_failed(const std::string& owner, std::int64_t ticket_number, const std::string& error) override;
  Outbox::RetryResult retry_failed(const std::string& ticket_id) override;
  std::optional<DeliveryState> find_delivery(std::int64_t ticket_number) override;
  OutboxBacklog backlog() override;

 private:
  void migrate();
  std::vector<StoredTicket> tickets_where(const char* tail, const PgParams& params);

  PostgresConnections connections_;
  std::mutex customer_mutex_;  // one customer lock per process at a time (see lock_customer)
};

}  // namespace support::server
