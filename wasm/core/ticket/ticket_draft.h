#pragma once
// What a customer is about to send: the fields they typed plus what the widget learned on the way
// (category, product, the troubleshooting log, the articles they opened).
#include "ticket/ticket_attachment.h"

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
  // Extra form fields a site configures (earlier_ticket_number, agent_name, site_url, ...):
  // a flat object of scalar values, validated by validate_ticket_draft.
  nlohmann::json extra = nlohmann::json::object();
  // What the widget's screening asked and what the customer chose (docs/screening.md), e.g.
  // {"duplicate_of": "12", "choice": "different_problem", "score": 0.62}; null when nothing was asked.
  nlohmann::json screening = nullptr;
  // Files sent with the ticket (screenshots, logs); in JSON only when there are some, so a draft
  // without files reads and fingerprints as it always did.
  std::vector<TicketAttachment> attachments;

  // Filled by ticket_draft_from_json, never serialised: the JSON keys whose value had the wrong
  // type (e.g. "email": 42). validate_ticket_draft reports each as an "invalid_type" error.
  std::vector<std::string> wrong_type_fields;
};

nlohmann::json to_json(const TicketDraft& draft);
// Lenient on unknown keys; wrong types become field errors through validate_ticket_draft, not exceptions.
// Unknown top-level keys are kept in `extra` (an explicit "extra" object wins on a clash), so a
// site owner's additional field is never dropped silently. null counts as "not given".
TicketDraft ticket_draft_from_json(const nlohmann::json& j);

// Trims surrounding whitespace from the single-line fields (name, email, subject) and the
// description, as browsers do for <input type=email>; call before validating and storing.
void normalize_ticket_draft(TicketDraft& draft);

}  // namespace support
