#include "session/session_events.h"

#include "session/screen_key.h"
#include "session/session_snapshot.h"

namespace support {

std::vector<SessionEvent> SessionEventWatcher::observe(const SupportSession& session) {
  std::vector<SessionEvent> events;
  const std::string key = screen_key(session);
  if (first_ || key != key_) {
    nlohmann::json detail = {{"screen", screen_name(session.screen())}, {"key", key}};
    if (const FlowRun* run = session.flow(); run && session.screen() == Screen::Flow) {
      detail["flow"] = run->flow().id;
      detail["step"] = run->current_step().id;
      if (!run->current_step().title_key.empty()) detail["title"] = run->text(run->current_step().title_key);
    }
    events.push_back({"step", std::move(detail)});
  }
  // Solved without a ticket: "fixed it" ends the flow on its resolved step; "this answered it"
  // shows the done screen without a ticket number.
  const FlowRun* run = session.flow();
  if (run) category_ = run->context().value_or("category");
  const bool resolved = session.screen() == Screen::Resolved ||
                        (session.screen() == Screen::Flow && run && run->is_resolved());
  if (resolved && !resolved_ && !first_)
    events.push_back({"resolved", category_.empty() ? nlohmann::json::object() : nlohmann::json{{"category", category_}}});
  resolved_ = resolved;
  const KbArticle* article = session.article();
  const std::string article_id = article ? article->id : std::string();
  if (!article_id.empty() && article_id != article_)
    events.push_back({"article-viewed", {{"id", article->id}, {"title", article->title}}});
  if (session.ticket_number() > 0 && session.ticket_number() != ticket_)
    events.push_back({"ticket-submitted", {{"number", session.ticket_number()}}});
  if (!session.form_error().empty() && session.form_error() != error_)
    events.push_back({"error", {{"message", session.form_error()}}});
  first_ = false;
  key_ = key;
  article_ = article_id;
  ticket_ = session.ticket_number();
  error_ = session.form_error();
  return events;
}

}  // namespace support
