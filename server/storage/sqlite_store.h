#pragma once
// The embedded store (the default): tickets, events and the outbox in one SQLite file in the data
// folder. One relay process owns the file, and its one forwarder thread is the only one claiming,
// so a claim needs no lease here: the rows due are the claim. The files of tickets are in the same
// file (attachment_store.h), written in the ticket's transaction.
#include "attachment_store.h"
#include "database.h"
#include "storage/relay_store.h"

#include <functional>
#include <mutex>

namespace support::server {

class SqliteStore final : public RelayStore {
 public:
  explicit SqliteStore(Database& database)
      : outbox_(database), tickets_(database, &outbox_), events_(database), attachments_(database) {}

  TicketInsertResult insert_ticket(const nlohmann::json& draft, const std::string& category,
                                   const std::string& idempotency_key, const std::string& client_ip,
                                   const std::vector<StoredAttachment>& files = {}) override {
    std::function<void(const StoredTicket&)> store_files;  // none without files
    if (!files.empty())
      store_files = [&](const StoredTicket& ticket) { attachments_.insert_locked(ticket.id, files); };
    return tickets_.insert(draft, category, idempotency_key, client_ip, store_files);
  }
  std::optional<StoredTicket> find_ticket_by_id(const std::string& id) override { return tickets_.find_by_id(id); }
  std::optional<StoredTicket> find_ticket_by_number(std::int64_t number) override {
    return tickets_.find_by_number(number);
  }
  std::vector<StoredTicket> list_tickets_newest_first(std::size_t limit) override {
    return tickets_.list_newest_first(limit);
  }
  std::vector<StoredTicket> list_tickets_for_email(const std::string& email, std::size_t limit) override {
    return tickets_.list_for_email(email, limit);
  }
  std::int64_t count_tickets() override { return tickets_.count(); }
  // One relay owns the file, so one lock in the process is a lock across relays (all customers
  // share it: a check-then-insert takes milliseconds).
  std::unique_ptr<CustomerLock> lock_customer(const std::string&) override {
    struct Held final : CustomerLock {
      explicit Held(std::mutex& mutex) : lock(mutex) {}
      std::unique_lock<std::mutex> lock;
    };
    return std::make_unique<Held>(customer_mutex_);
  }

  std::vector<StoredAttachment> list_attachments(const std::string& ticket_id) override {
    return attachments_.list(ticket_id);
  }
  std::optional<StoredAttachment> find_attachment(const std::string& ticket_id, std::size_t position) override {
    return attachments_.find(ticket_id, position);
  }

  StoredEvent insert_event(const std::string& type, const nlohmann::json& payload) override {
    return events_.insert(type, payload);
  }
  std::vector<StoredEvent> list_events_newest_first(std::size_t limit) override {
    return events_.list_newest_first(limit);
  }

  std::vector<DeliveryState> claim_due(const std::string&, std::int64_t now_ms, std::int64_t,
                                       std::size_t limit) override {
    return outbox_.due(now_ms, limit);
  }
  std::optional<std::int64_t> next_due_ms() override { return outbox_.next_due_ms(); }
  bool mark_delivered(const std::string&, std::int64_t ticket_number, const std::string& helpdesk,
                      const std::string& helpdesk_ticket_id) override {
    return outbox_.mark_delivered(ticket_number, helpdesk, helpdesk_ticket_id);
  }
  bool mark_retry(const std::string&, std::int64_t ticket_number, const std::string& error,
                  std::int64_t next_attempt_ms) override {
    return outbox_.mark_retry(ticket_number, error, next_attempt_ms);
  }
  bool mark_failed(const std::string&, std::int64_t ticket_number, const std::string& error) override {
    return outbox_.mark_failed(ticket_number, error);
  }
  Outbox::RetryResult retry_failed(const std::string& ticket_id) override { return outbox_.retry_failed(ticket_id); }
  std::optional<DeliveryState> find_delivery(std::int64_t ticket_number) override { return outbox_.find(ticket_number); }
  OutboxBacklog backlog() override { return outbox_.backlog(); }

 private:
  Outbox outbox_;
  TicketStore tickets_;
  EventStore events_;
  AttachmentStore attachments_;
  std::mutex customer_mutex_;
};

}  // namespace support::server
