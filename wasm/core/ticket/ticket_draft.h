#pragma once
// What a customer is about to send: the fields they typed plus what the widget learned on the way
// (category, product, the troubleshooting log, the articles they opened).
#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace support {

struct TicketDraft {
  std::string name;
  std::string email;
  std::string subject;
  std::string description;
  std::string category;            // config category id, e.g. "plugin_issue"; may be empty
  std::string product;             // config product id; may be empty
  std::string locale;              // e.g. "en"
  std::string idempotency_key;     // generated once per draft; the server answers a repeat with the same ticket
  nlohmann::json troubleshooting = nlohmann::json::array();  // the flow log: steps visited and answers
  std::vector<std::string> articles_opened;                  // KB article ids the customer read
};

nlohmann::json to_json(const TicketDraft& draft);
// Lenient on unknown keys; wrong types become field errors through validate_ticket_draft, not exceptions.
TicketDraft ticket_draft_from_json(const nlohmann::json& j);

}  // namespace support
