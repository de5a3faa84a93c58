#pragma once
// The customer's earlier tickets that a new draft is screened against for duplicates: this
// browser's sent history plus, for an identified customer, the open tickets the server lists
// (GET /api/my/tickets). Wraps a DuplicateIndex (screening/duplicate_index.h) whose word rarity
// and latent topics learn from the KB articles, and is rebuilt only when the tickets change, so
// a check analyses just the draft.
#include "kb/kb_article.h"
#include "screening/duplicate_index.h"
#include "session/my_tickets.h"
#include "session/sent_history.h"

#include <optional>
#include <string>
#include <vector>

namespace support {

struct DuplicateMatch {
  EarlierTicket ticket;
  double score = 0;     // 0..1
  bool exact = false;   // the same subject and description: a resubmit
  bool local = false;   // from this browser's history (else from the server's list)
};

class EarlierTickets {
 public:
  explicit EarlierTickets(double threshold);

  void add_background(const KbArticle& article);
  // The KB is all in: learn its latent topics now (once; the tickets are not part of them, so
  // new tickets never need it again). A KB too small for topics leaves checks without them.
  void background_complete();
  void set_sent(const SentHistory& history);
  // The customer's tickets as GET /api/my/tickets listed them (read by MyTickets); closed ones
  // are left out.
  void set_server_list(const std::vector<ListedTicket>& listed);
  std::size_t size() const { return index_.tickets().size(); }

  // The best earlier ticket flagged as a duplicate of the draft; nullopt when none is.
  std::optional<DuplicateMatch> best_match(const std::string& subject, const std::string& description) const;

 private:
  void rebuild();

  DuplicateIndex index_;
  std::vector<EarlierTicket> sent_, server_;
  std::vector<bool> local_;   // by index_ ticket
};

}  // namespace support
