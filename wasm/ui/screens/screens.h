#pragma once
// One function per screen of the session; each draws with the wrappers in widgets.h and calls
// the session's actions. No screen decides anything the session could decide.
#include "config/config_problem.h"
#include "session/support_session.h"

namespace ui {

void draw_home_screen(support::SupportSession& session);
void draw_flow_screen(support::SupportSession& session);
void draw_form_fields(support::SupportSession& session);   // the flow's form step
void draw_article_screen(support::SupportSession& session);
void draw_article_body(const std::string& body);            // KB markup: # headings, - lists, [links](url)
void draw_ticket_sent_screen(support::SupportSession& session);
void draw_resolved_screen(support::SupportSession& session);
void draw_duplicate_screen(support::SupportSession& session);        // the draft beside the earlier ticket
void draw_earlier_ticket_screen(support::SupportSession& session);   // that ticket on its own
void draw_my_tickets_screen(support::SupportSession& session);        // an identified customer's tickets
void draw_email_advice(const support::EmailAdvice& advice);          // where mail lands + the steps, as a list
// "2026-12-01T22:10:05Z" -> "2026-12-01 22:10 UTC"; anything else is shown as it came.
std::string readable_utc(const std::string& iso);
// KB search hits as choices, matched words marked in the titles; opens the one chosen.
void draw_article_hits(support::SupportSession& session, const std::vector<support::SearchHit>& hits);
void draw_config_error_panel(const support::ConfigProblems& problems, float width, float height);

}  // namespace ui
