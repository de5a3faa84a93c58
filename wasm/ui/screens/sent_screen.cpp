#include "screens/screens.h"
#include "widgets.h"

#include <string>

namespace ui {

void draw_sent_screen(support::SupportSession& session) {
  heading(session.text("ui.sent.title"), 2);
  status(session.text("ui.sent.number") + " " + std::to_string(session.ticket_number()));
  paragraph(session.text("ui.sent.next_steps"));
  spacing(8);
  if (button(session.text("ui.sent.start_over"), ButtonKind::Secondary)) session.start_over();
}

}  // namespace ui
