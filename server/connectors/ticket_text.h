#pragma once
// The ticket as the plain text a helpdesk agent reads: the customer's description first, then
// what the widget learned (category, product, troubleshooting answers, articles read, extra
// fields) and our ticket id, so an agent can find the original in GET /api/tickets.
#include <nlohmann/json.hpp>

#include <string>

namespace support::server {

// `ticket` is ticket_to_json() output.
std::string ticket_plain_text(const nlohmann::json& ticket);

}  // namespace support::server
