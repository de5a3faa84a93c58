#pragma once
// Request Tracker 5, REST 2.0: POST <url>/REST/2.0/ticket with "Authorization: token <token>" and
// Queue, Subject, Content, Requestor, CustomFields. RT accepts a malformed requestor with a 201
// and drops it, so the address is checked here first (a failure for staff, never a ticket
// without requestor). With delivery_id_field set, our ticket id goes into that custom field and
// a search for it runs before each create, so a resend after a crash finds the first ticket.
// RT also ignores custom fields it does not know, so each delivery first checks that the queue
// has every configured field (one GET of the queue) and otherwise fails with the names.
#include "connectors/helpdesk_connector.h"
#include "connectors/helpdesk_http.h"
#include "server_config.h"

#include <optional>

namespace support::server {

class RequestTrackerConnector : public HelpdeskConnector {
 public:
  explicit RequestTrackerConnector(const HelpdeskConfig& config);
  std::string name() const override { return "request_tracker"; }
  DeliveryOutcome deliver(const DeliveryRequest& request) override;

  nlohmann::json request_body(const DeliveryRequest& request) const;  // public for tests

 private:
  // The RT id of a ticket created earlier for this delivery, if the search finds one.
  std::optional<DeliveryOutcome> find_earlier(httplib::Client& client, const DeliveryRequest& request);
  // A failure naming the configured custom fields the queue lacks, or RT's error; nullopt: all there.
  std::optional<DeliveryOutcome> check_queue_fields(httplib::Client& client);

  HelpdeskConfig config_;
  HelpdeskUrl url_;
};

// RT's own parser is stricter than a web form: it drops any address with non-ASCII characters.
bool request_tracker_accepts_address(const std::string& address);

}  // namespace support::server
