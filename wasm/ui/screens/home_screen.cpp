#include "screens/screens.h"
#include "widgets.h"

namespace ui {

void draw_home_screen(support::SupportSession& session) {
  heading(session.text("ui.home.title"), 2);
  paragraph(session.text("ui.home.intro"), true);
  spacing(4);
  for (const auto& category : session.config().categories) {
    std::string description = category.description_key.empty() ? "" : session.text(category.description_key);
    if (choice(session.text(category.title_key), description)) session.choose_category(category.id);
  }
}

}  // namespace ui
