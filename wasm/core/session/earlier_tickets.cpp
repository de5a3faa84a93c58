#include "session/earlier_tickets.h"

namespace support {

namespace {

DuplicateParams with_threshold(double threshold) {
  DuplicateParams params;
  params.duplicate_threshold = threshold;
  return params;
}

// Statuses of a ticket nobody needs to be pointed at any more.
bool is_closed(const std::string& status) { return status == "closed" || status == "resolved" || status == "solved"; }

}  // namespace

EarlierTickets::EarlierTickets(double threshold) : index_(with_threshold(threshold)) {}

void EarlierTickets::add_background(const KbArticle& article) { index_.add_background(article.title, article.body); }

void EarlierTickets::background_complete() { index_.start_latent_topics(); }

void EarlierTickets::set_sent(const SentHistory& history) {
  sent_.clear();
  for (const auto& e : history.entries())
    sent_.push_back({std::to_string(e.number), e.subject, e.description, e.created_at, ""});
  rebuild();
}

void EarlierTickets::set_server_list(const std::vector<ListedTicket>& listed) {
  server_.clear();
  for (const auto& t : listed)
    if (!is_closed(t.status))
      server_.push_back({std::to_string(t.number), t.subject, t.description, t.created_at, t.status});
  rebuild();
}

void EarlierTickets::rebuild() {
  index_.clear_tickets();
  local_.clear();
  // The server's record wins for a ticket it lists (it knows the status); the rest are local.
  for (const auto& t : server_) {
    index_.add_ticket(t);
    local_.push_back(false);
  }
  for (const auto& t : sent_) {
    bool listed = false;
    for (const auto& s : server_) listed |= s.number == t.number;
    if (listed) continue;
    index_.add_ticket(t);
    local_.push_back(true);
  }
}

std::optional<DuplicateMatch> EarlierTickets::best_match(const std::string& subject, const std::string& description) const {
  if (index_.tickets().empty()) return std::nullopt;
  const auto candidates = index_.check(subject, description);
  // An exact resubmit outranks a higher-scoring near one (both score 1 at most; exact is certain).
  const DuplicateCandidate* best = nullptr;
  for (const auto& c : candidates)
    if (c.duplicate && (!best || (c.exact && !best->exact))) best = &c;
  if (!best) return std::nullopt;
  return DuplicateMatch{index_.tickets()[best->ticket], best->score, best->exact, local_[best->ticket]};
}

}  // namespace support
