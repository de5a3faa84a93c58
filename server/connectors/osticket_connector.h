#pragma once
// osTicket's API: POST <url>/api/tickets.json with X-API-Key. The message goes as a
// data:text/plain;charset=utf-8 URL (keeps non-ASCII intact), extra form fields as top-level
// keys (osTicket matches them to its custom fields by name). Success is 201 with the ticket
// number as plain text. osTicket answers 500 "Unable to create new ticket" for invalid fields as
// well as for real trouble, so that answer is retried a few times (outbox.server_error_attempts)
// and then marked failed; other 5xx are retried without limit. osTicket cannot deduplicate: see
// docs/server.md for the crash window.
#include "connectors/helpdesk_connector.h"
#include "connectors/helpdesk_http.h"
#include "server_config.h"

namespace support::server {

class OsTicketConnector : public HelpdeskConnector {
 public:
  OsTicketConnector(const HelpdeskConfig& config, const OutboxConfig& outbox);
  std::string name() const override { return "osticket"; }
  DeliveryOutcome deliver(const DeliveryRequest& request) override;

  // The JSON osTicket gets for this ticket (public for tests).
  nlohmann::json request_body(const DeliveryRequest& request) const;

 private:
  HelpdeskConfig config_;
  HelpdeskUrl url_;
  int server_error_attempts_;
};

}  // namespace support::server
