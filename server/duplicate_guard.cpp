#include "duplicate_guard.h"

#include "screening/duplicate_index.h"

#include <algorithm>

namespace support::server {
namespace {

constexpr std::size_t kMaxTicketNumberDigits = 18;

bool all_digits(const std::string& text) {
  return !text.empty() && text.size() <= kMaxTicketNumberDigits &&
         std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

std::string text_field(const nlohmann::json& draft, const char* key) {
  if (!draft.is_object()) return {};
  const auto it = draft.find(key);
  return it != draft.end() && it->is_string() ? it->get<std::string>() : std::string();
}

}  // namespace

ScreeningParse parse_screening_answer(const nlohmann::json& value) {
  if (value.is_null()) return {};
  const char* const shape =
      "screening must be {\"duplicate_of\": \"<ticket number>\", \"choice\": \"different_problem\"}";
  if (!value.is_object()) return {std::nullopt, shape};
  for (const auto& item : value.items()) {
    if (item.key() != "duplicate_of" && item.key() != "choice") return {std::nullopt, shape};
  }
  ScreeningAnswer answer;
  const auto of = value.find("duplicate_of");
  if (of != value.end() && of->is_number_unsigned()) {
    answer.duplicate_of = of->dump();
  } else if (of != value.end() && of->is_string()) {
    answer.duplicate_of = of->get<std::string>();
  }
  const auto choice = value.find("choice");
  if (choice != value.end() && choice->is_string()) answer.choice = choice->get<std::string>();
  // Only a decision the customer made about a ticket they were shown means anything.
  if (!all_digits(answer.duplicate_of) || answer.choice != "different_problem") return {std::nullopt, shape};
  return {answer, {}};
}

nlohmann::json screening_answer_to_json(const ScreeningAnswer& answer) {
  return {{"duplicate_of", answer.duplicate_of}, {"choice", answer.choice}};
}

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
