#include "screens/screens.h"
#include "widgets.h"

#include <string>

namespace ui {

namespace {

std::string problem_text(const support::SupportSession& session, support::MyTickets::Problem problem) {
  switch (problem) {
    case support::MyTickets::Problem::SignedOut: return session.text("my_tickets.failed.signed_out");
    case support::MyTickets::Problem::Unreadable: return session.text("my_tickets.failed.unreadable");
    case support::MyTickets::Problem::Unreachable:
    case support::MyTickets::Problem::None: break;
  }
  return session.text("my_tickets.failed.unreachable");
}

std::string count_text(const support::SupportSession& session, std::size_t count) {
  return session.text("my_tickets.count") + " " + std::to_string(count);
}

}  // namespace

// An identified customer's tickets, every status, newest first. While a fetch runs the last list
// stays up; a failure says why and offers to try again, above the last list if there was one.
void draw_my_tickets_screen(support::SupportSession& session) {
  using State = support::MyTickets::State;
  const support::MyTickets& mine = session.my_tickets();
  heading(session.text("my_tickets.title"), 2);
  if (mine.state() == State::Failed) {
    alert(problem_text(session, mine.problem()));
    if (button(session.text("my_tickets.retry"), ButtonKind::Secondary)) session.reload_my_tickets();
    spacing(4);
  }
  const bool loaded = mine.state() == State::Loaded;
  if (mine.tickets().empty()) {
    if (mine.state() == State::Loading || mine.state() == State::NotAsked) {
      status(session.text("my_tickets.loading"));
    } else if (loaded) {
      status(session.text("my_tickets.none"));
    }
  } else {
    // Said once the list has arrived (the region exists before, so screen readers hear the change).
    const bool fetching = mine.state() == State::Loading || mine.state() == State::NotAsked;
    status(fetching ? session.text("my_tickets.loading") : count_text(session, mine.tickets().size()));
    for (const auto& ticket : mine.tickets()) {
      std::string line = "#" + std::to_string(ticket.number) + " " + ticket.subject + " — " +
                         session.ticket_status_text(ticket.status);
      if (!ticket.updated_at.empty()) line += ", " + session.text("my_tickets.updated") + " " + readable_utc(ticket.updated_at);
      bullet(line);
    }
  }
  if (loaded && mine.unreadable_entries() > 0) {
    paragraph(session.text("my_tickets.unreadable") + " " + std::to_string(mine.unreadable_entries()), true);
  }
  spacing(8);
  if (button(session.text("nav.back"), ButtonKind::Secondary)) session.close_my_tickets();
}

}  // namespace ui
