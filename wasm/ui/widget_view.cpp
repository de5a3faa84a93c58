#include "widget_view.h"

#include "screens/screens.h"
#include "theme.h"
#include "widgets.h"

#include "session/screen_key.h"

#include <string>

namespace ui {

ViewRequests draw_widget(support::SupportSession& session, float width, float height) {
  ViewRequests requests;
  const Theme& t = theme();
  ImGui::SetNextWindowPos(ImVec2(0, 0));
  ImGui::SetNextWindowSize(ImVec2(width, height));
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0, 0));
  ImGui::Begin("##panel", nullptr,
               ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                   ImGuiWindowFlags_NoBringToFrontOnFocus | ImGuiWindowFlags_NoScrollWithMouse);
  ImGui::PopStyleVar();

  // Header: brand band with the title and a close button.
  const float header_h = 56;
  ImDrawList* dl = ImGui::GetWindowDrawList();
  dl->AddRectFilled(ImVec2(0, 0), ImVec2(width, header_h), t.accent);
  ImGui::SetCursorPos(ImVec2(t.pad, 16));
  ImGui::PushStyleColor(ImGuiCol_Text, t.accent_text);
  panel_title(session.text("widget.title"));
  ImGui::PopStyleColor();
  ImGui::SetCursorPos(ImVec2(width - t.pad - 64, 12));
  if (button(session.text("widget.close"), ButtonKind::OnAccent, false, 64)) requests.close = true;

  ImGui::SetCursorPos(ImVec2(0, header_h));
  DrawContext& dc = draw_context();
  dc.first_heading = 0;
  // The key of the screen this frame draws: an action taken while drawing changes the session,
  // but the items published are still the old screen's (the new one comes next frame).
  const std::string drawn_screen = support::screen_key(session);
  begin_scroll_region("##content", ImVec2(width, height - header_h));
  spacing(4);
  switch (session.screen()) {
    case support::Screen::Home: draw_home_screen(session); break;
    case support::Screen::Flow: draw_flow_screen(session); break;
    case support::Screen::Article: draw_article_screen(session); break;
    case support::Screen::TicketSent: draw_ticket_sent_screen(session); break;
    case support::Screen::Resolved: draw_resolved_screen(session); break;
  }
  end_scroll_region();
  dc.tree->set_screen(drawn_screen, dc.first_heading);
  ImGui::End();
  return requests;
}

}  // namespace ui
