#include "screens/screens.h"
#include "widgets.h"

namespace ui {

// After the customer's problem was solved without a ticket ("fixed it", "this answered it").
// "New request" starts again from the first screen.
void draw_resolved_screen(support::SupportSession& session) {
  heading(session.text("flow.resolved.title"), 2);
  status(session.text("flow.resolved.text"));
  spacing(8);
  if (button(session.text("nav.new_request"), ButtonKind::Secondary)) session.start_over();
}

}  // namespace ui
