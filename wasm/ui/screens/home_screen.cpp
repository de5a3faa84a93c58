#include "screens/screens.h"
#include "widgets.h"

namespace ui {

void draw_home_screen(support::SupportSession& session) {
  paragraph(session.text("widget.intro"), true);
  // Search first: most questions are answered by an article before any ticket is needed.
  FieldSpec search{"kb_search", session.text("kb.search_placeholder"), "search", "off"};
  std::string query = session.search_query();
  if (text_field(search, query)) session.set_search_query(std::move(query));
  if (!session.search_query().empty()) {
    const auto& hits = session.search_hits();
    // "Nothing found" only once the search has caught up with the typing.
    if (hits.empty() && !session.wake_at()) {
      paragraph(session.text("kb.no_results"), true);
      announce(session.text("kb.no_results"));
    }
    draw_article_hits(session, hits);
  }
  spacing(6);
  heading(session.text("category.pick_title"), 2);
  for (const auto& category : session.config().categories) {
    std::string description = category.description_key.empty() ? "" : session.text(category.description_key);
    if (choice(session.text(category.title_key), description)) session.choose_category(category.id);
  }
  // The page said who the customer is: their tickets are one tap away.
  if (session.identified()) {
    spacing(6);
    if (button(session.text("my_tickets.title"), ButtonKind::Secondary)) session.open_my_tickets();
  }
}

}  // namespace ui
