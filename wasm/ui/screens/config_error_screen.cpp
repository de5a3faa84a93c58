#include "screens/screens.h"
#include "theme.h"
#include "widgets.h"

namespace ui {

// Shown instead of the widget when the configuration cannot be used. It speaks to the site owner
// (customers should never see it on a site that ran `supportctl lint`), so it is plain English.
void draw_config_error_panel(const support::ConfigProblems& problems, float width, float height) {
  ImGui::SetNextWindowPos(ImVec2(0, 0));
  ImGui::SetNextWindowSize(ImVec2(width, height));
  ImGui::Begin("##config-error", nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                              ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoScrollWithMouse);
  begin_scroll_region("##problems", ImVec2(width, height));
  heading("The support widget could not start", 2);
  paragraph("Its configuration has problems. Fix them (supportctl lint lists the same ones) and reload the page.", true);
  for (const auto& p : problems) alert(support::format_problem(p));
  end_scroll_region();
  ImGui::End();
}

}  // namespace ui
