#include "session/screen_key.h"

namespace support {

std::string screen_key(const SupportSession& session) {
  switch (session.screen()) {
    case Screen::Home: return "home";
    case Screen::Flow: {
      const FlowRun* run = session.flow();
      if (!run) return "flow";
      return "flow:" + run->flow().id + ":" + run->current_step().id + ":" + std::to_string(run->position());
    }
    case Screen::Article: return "article:" + (session.article() ? session.article()->id : std::string());
    case Screen::TicketSent: return "sent:" + std::to_string(session.ticket_number());
    case Screen::Resolved: return "resolved";
    case Screen::Duplicate: return "duplicate:" + (session.duplicate() ? session.duplicate()->ticket.number : std::string());
    case Screen::MyTickets: return "my_tickets";
    case Screen::EarlierTicket: return "earlier:" + (session.duplicate() ? session.duplicate()->ticket.number : std::string());
  }
  return "";
}

}  // namespace support
