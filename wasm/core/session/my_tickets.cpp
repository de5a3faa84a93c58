#include "session/my_tickets.h"

#include "json/json_member.h"

namespace support {

void MyTickets::loading() {
  state_ = State::Loading;
  problem_ = Problem::None;
}

void MyTickets::answered(int http_status, const std::string& body) {
  state_ = State::Failed;
  if (http_status == 401 || http_status == 403) {
    problem_ = Problem::SignedOut;   // the page's token expired or does not verify
    return;
  }
  if (http_status != 200) {
    problem_ = Problem::Unreachable;   // offline (0), rate-limited, or the server failed
    return;
  }
  const nlohmann::json answer = nlohmann::json::parse(body, nullptr, false);
  if (!answer.is_object() || !answer.contains("tickets") || !answer["tickets"].is_array()) {
    problem_ = Problem::Unreadable;
    return;
  }
  std::vector<ListedTicket> listed;
  std::size_t unreadable = 0;
  for (const auto& t : answer["tickets"]) {
    if (!t.is_object() || !t.contains("number") || !t["number"].is_number_integer()) {
      ++unreadable;
      continue;
    }
    ListedTicket ticket{t["number"].get<long>(), text_member(t, "subject"), text_member(t, "description"),
                        text_member(t, "status"), text_member(t, "created_at"), text_member(t, "updated_at")};
    if (ticket.updated_at.empty()) ticket.updated_at = ticket.created_at;
    listed.push_back(std::move(ticket));
  }
  tickets_ = std::move(listed);
  unreadable_ = unreadable;
  state_ = State::Loaded;
  problem_ = Problem::None;
}

}  // namespace support
