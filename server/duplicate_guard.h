#pragma once
// The server's own duplicate check for identified customers (issue 10). The widget screens a
// draft against the customer's open tickets while they type, but a widget can be bypassed, so
// POST /api/tickets repeats the check with the same engine (support_core's DuplicateIndex) and
// refuses only what is certain: an exact resubmit, or a score at or above the server's strict
// threshold (server configuration `screening.duplicate_threshold`). A customer who saw the
// earlier ticket and said "different problem" sends a screening record (TicketDraft::screening,
// validated with the rest of the ticket) and is never refused.
#include "ticket_store.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace support::server {

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
