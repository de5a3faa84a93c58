#pragma once
// The panel: header, the current screen in a scrolling region. Draws one frame of the session.
#include "session/support_session.h"

namespace ui {

struct ViewRequests {
  bool close = false;   // the customer closed the panel
};

ViewRequests draw_widget(support::SupportSession& session, float width, float height);

}  // namespace ui
