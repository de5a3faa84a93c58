#pragma once
// The server's own duplicate check for identified customers (issue 10). The widget screens a
// draft against the customer's open tickets while they type, but a widget can be bypassed, so
// POST /api/tickets repeats the check with the same engine (support_core's DuplicateIndex) and
// refuses only what is certain: an exact resubmit, or a score at or above the server's strict
// threshold (server configuration `screening.duplicate_threshold`). A customer who saw the
// earlier ticket and said "different problem" sends a `screening` object and is never refused.
#include "ticket_store.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace support::server {

// What the widget sends when it showed a probable duplicate and the customer decided:
// {"duplicate_of": "12", "choice": "different_problem"}. Stored with the ticket.
struct ScreeningAnswer {
  std::string duplicate_of;  // the earlier ticket's number, as text
  std::string choice;        // "different_problem"
};

struct ScreeningParse {
  std::optional<ScreeningAnswer> answer;  // none when the request has no "screening"
  std::string problem;                    // non-empty: the object has the wrong shape (422)
};
ScreeningParse parse_screening_answer(const nlohmann::json& value);
nlohmann::json screening_answer_to_json(const ScreeningAnswer& answer);

struct CertainDuplicate {
  std::int64_t number = 0;  // the earlier ticket's number
  std::string subject;
  std::string created_at;
  bool exact = false;
  double score = 0;
};

// The best match among `earlier` (the customer's tickets; only open ones count) when it is
// certain. A replay under an idempotency key that one of them already holds is never a
// duplicate: the store answers it with its own ticket.
std::optional<CertainDuplicate> find_certain_duplicate(const std::vector<StoredTicket>& earlier,
                                                       const std::string& subject, const std::string& description,
                                                       const std::string& idempotency_key, double threshold);

}  // namespace support::server
