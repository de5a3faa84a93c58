#include "delivery/forwarder.h"

#include "delivery/retry_backoff.h"
#include "random_hex.h"

#include <unistd.h>

#include <algorithm>
#include <chrono>

namespace support::server {
namespace {

// One row per claim: the lease then only has to cover one delivery (bounded by the connector's
// timeout), and the other relays take the next rows meanwhile.
constexpr std::size_t kBatch = 1;
constexpr std::int64_t kIdlePollMs = 1000;  // also the longest a staff "retry" or a clock jump waits

// A helpdesk's error text may quote the requestor's address; the log must not.
std::string without_email(std::string text, const nlohmann::json& ticket) {
  const std::string email = ticket.value("email", std::string());
  if (email.empty()) return text;
  for (std::size_t at = text.find(email); at != std::string::npos; at = text.find(email, at)) {
    text.replace(at, email.size(), "[email]");
  }
  return text;
}

std::string relay_owner_name() {
  char host[256] = {};
  if (gethostname(host, sizeof host - 1) != 0) host[0] = '\0';
  return std::string(host) + ":" + std::to_string(getpid()) + ":" + random_hex(4);
}

}  // namespace

Forwarder::Forwarder(RelayStore& store, HelpdeskConnector& connector, OutboxConfig config, JsonLog& log)
    : store_(store), owner_(relay_owner_name()), connector_(connector), config_(config), log_(log) {}

Forwarder::~Forwarder() { stop(); }

void Forwarder::start() {
  if (!thread_.joinable()) thread_ = std::thread([this] { run(); });
}

void Forwarder::stop() {
  {
    std::lock_guard<std::mutex> guard(mutex_);
    stopping_ = true;
  }
  wake_up_.notify_all();
  if (thread_.joinable()) thread_.join();
}

void Forwarder::wake() {
  {
    std::lock_guard<std::mutex> guard(mutex_);
    woken_ = true;
  }
  wake_up_.notify_all();
}

void Forwarder::run() {
  for (;;) {
    std::int64_t wait_ms = kIdlePollMs;
    try {
      const std::int64_t lease_ms = static_cast<std::int64_t>(config_.lease_seconds * 1000);
      const std::vector<DeliveryState> rows = store_.claim_due(owner_, unix_now_ms(), lease_ms, kBatch);
      for (const DeliveryState& row : rows) {
        {
          std::lock_guard<std::mutex> guard(mutex_);
          if (stopping_) return;
        }
        deliver(row);
      }
      if (rows.size() == kBatch) continue;  // more may be due right away
      if (const auto next = store_.next_due_ms()) wait_ms = std::clamp<std::int64_t>(*next - unix_now_ms(), 0, kIdlePollMs);
    } catch (const std::exception& e) {
      // The database is unreachable or full: keep the thread alive and try again later.
      log_.write({{"kind", "delivery_error"}, {"error", e.what()}});
    }
    std::unique_lock<std::mutex> lock(mutex_);
    wake_up_.wait_for(lock, std::chrono::milliseconds(wait_ms), [this] { return stopping_ || woken_; });
    if (stopping_) return;
    woken_ = false;
  }
}

void Forwarder::deliver(const DeliveryState& row) {
  const std::optional<StoredTicket> ticket = store_.find_ticket_by_number(row.ticket_number);
  if (!ticket) {
    store_.mark_failed(owner_, row.ticket_number, "the ticket row is missing from the database");
    return;
  }
  DeliveryRequest request{ticket->id, ticket->number, ticket_to_json(*ticket), row.client_ip};
  for (StoredAttachment& file : store_.list_attachments(ticket->id))   // the ticket JSON has only their metadata
    request.attachments.push_back({std::move(file.name), std::move(file.type), std::move(file.content)});
  const auto started = std::chrono::steady_clock::now();
  const DeliveryOutcome outcome = connector_.deliver(request);
  const auto duration_ms =
      std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - started).count();
  const int attempt = row.attempts + 1;

  nlohmann::json line = {{"kind", "delivery"}, {"ticket_number", row.ticket_number}, {"helpdesk", connector_.name()},
                         {"relay", owner_},  // which of several relays on one database sent it
                         {"attempt", attempt}, {"duration_ms", duration_ms}};
  bool recorded = true;
  switch (outcome.kind) {
    case DeliveryOutcome::Kind::delivered:
      recorded = store_.mark_delivered(owner_, row.ticket_number, connector_.name(), outcome.helpdesk_ticket_id);
      line["outcome"] = "delivered";
      line["helpdesk_ticket_id"] = outcome.helpdesk_ticket_id;
      break;
    case DeliveryOutcome::Kind::rejected:
      recorded = store_.mark_failed(owner_, row.ticket_number, outcome.error);
      line["outcome"] = "failed";
      line["error"] = without_email(outcome.error, request.ticket);
      break;
    case DeliveryOutcome::Kind::retry: {
      if (outcome.give_up_after_attempts > 0 && attempt >= outcome.give_up_after_attempts) {
        const std::string reason = outcome.error + " (gave up after " + std::to_string(attempt) + " attempts)";
        recorded = store_.mark_failed(owner_, row.ticket_number, reason);
        line["outcome"] = "failed";
        line["error"] = without_email(reason, request.ticket);
        break;
      }
      const double unit = std::uniform_real_distribution<double>(0.0, 1.0)(random_);
      const auto delay = std::max<std::chrono::milliseconds>(retry_delay(attempt, config_, unit), outcome.retry_after);
      recorded = store_.mark_retry(owner_, row.ticket_number, outcome.error, unix_now_ms() + delay.count());
      line["outcome"] = "retry";
      line["error"] = without_email(outcome.error, request.ticket);
      line["retry_in_ms"] = delay.count();
      break;
    }
  }
  // The lease ran out before the answer came (a helpdesk slower than outbox.lease_seconds) and
  // another relay holds the row now: it decides; this outcome is not recorded.
  if (!recorded) line["lease_lost"] = true;
  log_.write(std::move(line));
}

}  // namespace support::server
