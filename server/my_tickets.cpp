#include "my_tickets.h"

#include "http_json.h"
#include "identity_token.h"

#include <chrono>

namespace support::server {
namespace {

constexpr std::size_t kMaxOwnTickets = 200;

std::int64_t unix_now() {
  return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch()).count();
}

}  // namespace

void answer_my_tickets(ApiContext& context, const httplib::Request& request, httplib::Response& response) {
  const IdentityCheck check =
      verify_identity_token(request.get_header_value("X-Support-Identity"), context.identity_secret, unix_now());
  if (!check.identity) return send_error(response, 401, check.problem);
  nlohmann::json list = nlohmann::json::array();
  for (const StoredTicket& ticket : context.store.list_tickets_for_email(check.identity->email, kMaxOwnTickets)) {
    const nlohmann::json& draft = ticket.draft;
    list.push_back({{"number", ticket.number},
                    {"subject", draft.is_object() ? draft.value("subject", std::string()) : std::string()},
                    {"description", draft.is_object() ? draft.value("description", std::string()) : std::string()},
                    {"category", ticket.category},
                    {"status", ticket.status},
                    {"created_at", ticket.created_at},
                    {"updated_at", ticket.created_at}});
  }
  response.set_header("Cache-Control", "no-store");   // personal data: never kept by a shared cache
  send_json(response, 200, {{"customer", {{"email", check.identity->email}, {"name", check.identity->name}}},
                            {"tickets", list}});
}

}  // namespace support::server
