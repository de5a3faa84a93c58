#include "widget_view.h"

#include "screens/screens.h"
#include "theme.h"
#include "widgets.h"

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
  heading(session.text("ui.header.title"), 1);
  ImGui::PopStyleColor();
  ImGui::SetCursorPos(ImVec2(width - t.pad - 64, 12));
  ImGui::PushStyleColor(ImGuiCol_Button, IM_COL32(0, 0, 0, 0));
  ImGui::PushStyleColor(ImGuiCol_ButtonHovered, t.accent_hover);
  ImGui::PushStyleColor(ImGuiCol_ButtonActive, t.accent_hover);
  ImGui::PushStyleColor(ImGuiCol_Text, t.accent_text);
  if (button(session.text("ui.header.close"), ButtonKind::Quiet, false, 64)) requests.close = true;
  ImGui::PopStyleColor(4);

  ImGui::SetCursorPos(ImVec2(0, header_h));
  begin_scroll_region("##content", ImVec2(width, height - header_h));
  spacing(4);
  switch (session.screen()) {
    case support::Screen::Home: draw_home_screen(session); break;
    case support::Screen::TicketForm: draw_ticket_form_screen(session); break;
    case support::Screen::Sent: draw_sent_screen(session); break;
  }
  end_scroll_region();
  ImGui::End();
  return requests;
}

}  // namespace ui
