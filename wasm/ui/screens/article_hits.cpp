#include "screens/screens.h"
#include "widgets.h"

#include "search/highlight.h"

namespace ui {

void draw_article_hits(support::SupportSession& session, const std::vector<support::SearchHit>& hits) {
  // Hits appear without focus moving: say how many (the mirror speaks it when it changes).
  if (!hits.empty()) {
    std::string text = session.text("kb.suggestions_found");
    const auto at = text.find("{count}");
    if (at != std::string::npos) text.replace(at, 7, std::to_string(hits.size()));
    announce(text);
  }
  for (const auto& hit : hits) {
    const auto* article = session.find_article(hit.id);
    if (!article) continue;
    if (choice(article->title, "", support::highlight_spans(article->title, hit.matched_terms)))
      session.open_article(article->id);
  }
}

}  // namespace ui
