#include "duplicate_guard.h"

#include "screening/duplicate_index.h"

#include <algorithm>

namespace support::server {
namespace {

std::string text_field(const nlohmann::json& draft, const char* key) {
  if (!draft.is_object()) return {};
  const auto it = draft.find(key);
  return it != draft.end() && it->is_string() ? it->get<std::string>() : std::string();
}

}  // namespace

std::optional<CertainDuplicate> find_certain_duplicate(const std::vector<StoredTicket>& earlier,
                                                       const std::string& subject, const std::string& description,
                                                       const std::string& idempotency_key, double threshold) {
  if (!idempotency_key.empty()) {
    for (const StoredTicket& ticket : earlier) {
      if (text_field(ticket.draft, "idempotency_key") == idempotency_key) return std::nullopt;
    }
  }
  DuplicateIndex index;
  std::vector<const StoredTicket*> open;
  for (const StoredTicket& ticket : earlier) {
    if (ticket.status != "open") continue;
    index.add_ticket({std::to_string(ticket.number), text_field(ticket.draft, "subject"),
                      text_field(ticket.draft, "description"), ticket.created_at, ticket.status});
    open.push_back(&ticket);
  }
  if (open.empty()) return std::nullopt;
  const std::vector<DuplicateCandidate> candidates = index.check(subject, description);
  if (candidates.empty()) return std::nullopt;
  const DuplicateCandidate& best = candidates.front();
  if (!best.exact && best.score < threshold) return std::nullopt;
  const StoredTicket& match = *open[best.ticket];
  return CertainDuplicate{match.number, text_field(match.draft, "subject"), match.created_at, best.exact, best.score};
}

}  // namespace support::server
