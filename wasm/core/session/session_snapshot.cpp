#include "session/session_snapshot.h"

namespace support {

const char* screen_name(Screen screen) {
  switch (screen) {
    case Screen::Home: return "home";
    case Screen::Flow: return "flow";
    case Screen::Article: return "article";
    case Screen::TicketSent: return "sent";
    case Screen::Resolved: return "resolved";
    case Screen::Duplicate: return "duplicate";
    case Screen::EarlierTicket: return "earlier_ticket";
    case Screen::MyTickets: return "my_tickets";
  }
  return "home";
}

nlohmann::json session_snapshot(const SupportSession& session) {
  nlohmann::json out = {{"screen", screen_name(session.screen())}, {"resolved", false},
                        {"context", session.flow() ? session.flow()->context().values
                                                   : session.customer_context().values}};
  if (const FlowRun* run = session.flow()) {
    const FlowStep& step = run->current_step();
    out["category"] = run->context().value_or("category");
    out["flow"] = run->flow().id;
    out["step"] = step.id;
    out["step_type"] = step_type_name(step.type);
    out["position"] = run->position();
    out["resolved"] = run->is_resolved();
    nlohmann::json path = nlohmann::json::array();
    for (const FlowPathEntry& entry : run->path()) {
      nlohmann::json item = {{"step", entry.step_id}};
      if (entry.answer) item["answer"] = *entry.answer;
      path.push_back(std::move(item));
    }
    out["path"] = std::move(path);
  }
  if (const KbArticle* article = session.article(); article && session.screen() == Screen::Article)
    out["article"] = article->id;
  if (const KbFileStatus kb = session.kb_file_status(); !kb.file.empty()) {
    out["kb_file"] = {{"file", kb.file}, {"loading", kb.loading}, {"articles", kb.articles},
                      {"waiting", kb.waiting}, {"problems", kb.problems}};
  }
  if (session.screen() == Screen::TicketSent) out["ticket_number"] = session.ticket_number();
  if (session.screen() == Screen::Resolved) out["resolved"] = true;   // also after "this answered it"
  return out;
}

}  // namespace support
