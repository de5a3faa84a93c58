#include "screens/screens.h"
#include "widgets.h"

#include <string>

namespace ui {

std::string readable_utc(const std::string& iso) {
  if (iso.size() < 16 || iso[10] != 'T') return iso;
  return iso.substr(0, 10) + " " + iso.substr(11, 5) + " UTC";
}

// After a ticket was stored: what was sent, and where to follow it. "New request" starts again
// from the first screen.
void draw_ticket_sent_screen(support::SupportSession& session) {
  heading(session.text("form.sent.title"), 2);
  if (const auto& sent = session.last_sent()) {
    status(session.text("form.sent.number") + " " + std::to_string(sent->number));
    if (!sent->subject.empty()) paragraph(session.text("form.sent.subject") + " " + sent->subject);
    if (!sent->created_at.empty()) paragraph(session.text("form.sent.when") + " " + readable_utc(sent->created_at), true);
  }
  paragraph(session.text("form.sent.text"));
  paragraph(session.text("form.sent.follow"));
  // The first ticket from this address: make sure our replies reach it.
  if (const auto advice = session.sent_email_advice()) {
    spacing(4);
    heading(session.text("screening.email.advice_title"), 3);
    draw_email_advice(*advice);
  }
  spacing(8);
  if (session.identified() && button(session.text("my_tickets.title"), ButtonKind::Secondary)) session.open_my_tickets();
  if (button(session.text("nav.new_request"), ButtonKind::Secondary)) session.start_over();
}

}  // namespace ui
