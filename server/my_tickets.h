#pragma once
// GET /api/my/tickets: the identified customer's own tickets (number, subject, status, dates),
// for "My tickets" in the widget and for duplicate screening. Needs a valid identity token
// (identity_token.h) in X-Support-Identity; without one nobody lists anybody's tickets.
#include "api_routes.h"

#include <httplib.h>

namespace support::server {

void answer_my_tickets(ApiContext& context, const httplib::Request& request, httplib::Response& response);

}  // namespace support::server
