#pragma once
// The forwarder: one background thread that claims due rows from the outbox, hands each ticket to
// the configured connector and records the outcome. It resumes whatever is pending after a
// restart (the outbox is on disk), retries with backoff and jitter, and marks a ticket delivered
// only after the helpdesk said so (a crash in between resends it under the same delivery id).
// Each claim is leased to this forwarder (storage/relay_store.h), so with several relays on one
// PostgreSQL each delivery is in one relay's hands at a time.
#include "connectors/helpdesk_connector.h"
#include "delivery/outbox.h"
#include "json_log.h"
#include "server_config.h"
#include "storage/relay_store.h"

#include <condition_variable>
#include <mutex>
#include <random>
#include <string>
#include <thread>

namespace support::server {

class Forwarder {
 public:
  Forwarder(RelayStore& store, HelpdeskConnector& connector, OutboxConfig config, JsonLog& log);
  ~Forwarder();
  Forwarder(const Forwarder&) = delete;
  Forwarder& operator=(const Forwarder&) = delete;

  void start();
  // Finishes the delivery in progress (bounded by the connector's timeout), then returns.
  void stop();
  // A ticket was just queued: look at the outbox now instead of at the next poll.
  void wake();

 private:
  void run();
  void deliver(const DeliveryState& row);

  RelayStore& store_;
  std::string owner_;  // names this relay's claims: host, process and a random part
  HelpdeskConnector& connector_;
  OutboxConfig config_;
  JsonLog& log_;
  std::mt19937_64 random_{std::random_device{}()};

  std::mutex mutex_;
  std::condition_variable wake_up_;
  bool woken_ = false;
  bool stopping_ = false;
  std::thread thread_;
};

}  // namespace support::server
