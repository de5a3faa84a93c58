#pragma once
// One function per screen of the session; each draws with the wrappers in widgets.h.
#include "session/support_session.h"

namespace ui {

void draw_home_screen(support::SupportSession& session);
void draw_ticket_form_screen(support::SupportSession& session);
void draw_sent_screen(support::SupportSession& session);

}  // namespace ui

#include "config/config_problem.h"
namespace ui {
void draw_config_error_panel(const support::ConfigProblems& problems, float width, float height);
}  // namespace ui
