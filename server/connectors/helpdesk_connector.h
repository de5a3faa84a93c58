#pragma once
// One interface for every helpdesk the relay can forward to. A connector turns one stored ticket
// into one request to its helpdesk and says what came of it; the forwarder (delivery/) decides
// about retries, so connectors stay small and never touch the database.
#include <nlohmann/json.hpp>

#include <chrono>
#include <memory>
#include <string>
#include <vector>

namespace support::server {

// A file of the ticket, with its bytes, for the helpdesk (the ticket JSON has only its metadata).
struct DeliveryAttachment {
  std::string name;
  std::string type;      // MIME type
  std::string content;   // the bytes
};

struct DeliveryRequest {
  // Stable for the ticket's whole life (our ticket id): connectors pass it on wherever the
  // helpdesk can deduplicate with it, so a resend after a crash does not make a second ticket.
  std::string delivery_id;
  std::int64_t number = 0;  // our ticket number
  nlohmann::json ticket;    // ticket_to_json(): the draft plus id, number, created_at, category
  std::string client_ip;    // the customer's address as we saw it (osTicket wants it); may be empty
  std::vector<DeliveryAttachment> attachments;   // in the order the customer added them
};

struct DeliveryOutcome {
  enum class Kind {
    delivered,  // the helpdesk has the ticket: helpdesk_ticket_id names it there
    retry,      // try again later (network error, 408, 429, 5xx)
    rejected,   // never try again on its own (4xx, or our own check before sending)
  };
  Kind kind = Kind::retry;
  std::string helpdesk_ticket_id;
  std::string error;  // for staff: what went wrong, without secrets
  // The helpdesk asked us to wait (Retry-After); zero: use the forwarder's backoff.
  std::chrono::seconds retry_after{0};
  // Some answers look transient but usually are not (osTicket's 500 for invalid fields):
  // after this many attempts the forwarder marks the ticket failed. Zero: retry for ever.
  int give_up_after_attempts = 0;

  static DeliveryOutcome success(std::string id) { return {Kind::delivered, std::move(id), {}, {}, 0}; }
  static DeliveryOutcome try_again(std::string why) { return {Kind::retry, {}, std::move(why), {}, 0}; }
  static DeliveryOutcome reject(std::string why) { return {Kind::rejected, {}, std::move(why), {}, 0}; }
};

class HelpdeskConnector {
 public:
  virtual ~HelpdeskConnector() = default;
  // The configured name ("builtin", "webhook", "osticket", "request_tracker").
  virtual std::string name() const = 0;
  // Blocking; called from the forwarder thread only. Never throws.
  virtual DeliveryOutcome deliver(const DeliveryRequest& request) = 0;
};

}  // namespace support::server
