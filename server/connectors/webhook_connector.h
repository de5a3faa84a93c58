#pragma once
// Generic webhook: POST url with {"event": "ticket.created", "delivery_id", "ticket"} as JSON,
// signed with HMAC-SHA256 over "<timestamp>.<body>" (X-Support-Timestamp, X-Support-Signature:
// sha256=<hex>) and carrying Idempotency-Key: <delivery id>, so the receiver can drop a resend.
// The receiver's check is in docs/server.md. A JSON answer's "id" becomes the helpdesk ticket id.
#include "connectors/helpdesk_connector.h"
#include "connectors/helpdesk_http.h"
#include "server_config.h"

#include <functional>

namespace support::server {

class WebhookConnector : public HelpdeskConnector {
 public:
  // `unix_seconds` is the clock for the timestamp (tests pass a fixed one).
  explicit WebhookConnector(const HelpdeskConfig& config, std::function<long long()> unix_seconds = {});
  std::string name() const override { return "webhook"; }
  DeliveryOutcome deliver(const DeliveryRequest& request) override;

 private:
  HelpdeskUrl url_;
  std::string secret_;
  int timeout_seconds_;
  std::function<long long()> unix_seconds_;
};

}  // namespace support::server
