#pragma once
// The one place that maps helpdesk.connector to a class.
#include "connectors/helpdesk_connector.h"
#include "server_config.h"

#include <memory>

namespace support::server {

// The configuration was checked by parse_server_config, so every name here is known.
std::unique_ptr<HelpdeskConnector> make_helpdesk_connector(const ServerConfig& config);

}  // namespace support::server
