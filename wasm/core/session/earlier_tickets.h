#pragma once
// The customer's earlier tickets that a new draft is screened against for duplicates: this
// browser's sent history plus, for an identified customer, the open tickets the server lists
// (GET /api/my/tickets). Wraps a DuplicateIndex (screening/duplicate_index.h) whose word rarity
// and latent topics learn from the KB articles (the topics from the tickets too), and is rebuilt
// only when the tickets change, so a check analyses just the draft.
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
  // The KB is all in: the latent topics are to be learned from it and the tickets, by
  // learn_topics_step(), and again whenever a new ticket joins. Until the first learning ends,
  // and with too few texts for topics, checks score without them; meanwhile they keep the last.
  void background_complete();
  // One bounded step of that learning (never inside a check); true while steps remain.
  bool learn_topics_step() { return index_.learn_latent_topics_step(); }
  bool learning_topics() const { return index_.learning_latent_topics(); }
  bool has_topics() const { return index_.has_latent_topics(); }
  std::size_t topic_steps() const { return index_.latent_topic_steps(); }
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
