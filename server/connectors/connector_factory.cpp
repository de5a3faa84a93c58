#include "connectors/connector_factory.h"

#include "connectors/builtin_connector.h"
#include "connectors/osticket_connector.h"
#include "connectors/request_tracker_connector.h"
#include "connectors/webhook_connector.h"

#include <stdexcept>

namespace support::server {

std::unique_ptr<HelpdeskConnector> make_helpdesk_connector(const ServerConfig& config) {
  const std::string& name = config.helpdesk.connector;
  if (name == "builtin") return std::make_unique<BuiltinConnector>();
  if (name == "webhook") return std::make_unique<WebhookConnector>(config.helpdesk);
  if (name == "osticket") return std::make_unique<OsTicketConnector>(config.helpdesk, config.outbox);
  if (name == "request_tracker") return std::make_unique<RequestTrackerConnector>(config.helpdesk);
  throw std::invalid_argument("unknown helpdesk connector " + name);
}

}  // namespace support::server
