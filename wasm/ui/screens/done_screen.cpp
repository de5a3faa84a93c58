#include "screens/screens.h"
#include "widgets.h"

#include <string>

namespace ui {

// After a ticket was stored (with its number) or after the customer's problem was solved.
void draw_done_screen(support::SupportSession& session) {
  if (session.ticket_number() > 0) {
    heading(session.text("form.sent.title"), 2);
    status(session.text("form.sent.number") + " " + std::to_string(session.ticket_number()));
    paragraph(session.text("form.sent.text"));
  } else {
    heading(session.text("flow.resolved.title"), 2);
    status(session.text("flow.resolved.text"));
  }
  spacing(8);
  if (button(session.text("nav.restart"), ButtonKind::Secondary)) session.start_over();
}

}  // namespace ui
