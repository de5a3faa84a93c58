#include "screens/screens.h"
#include "widgets.h"

#include "search/highlight.h"

namespace ui {

void draw_article_hits(support::SupportSession& session, const std::vector<support::SearchHit>& hits) {
  for (const auto& hit : hits) {
    const auto* article = session.find_article(hit.id);
    if (!article) continue;
    if (choice(article->title, "", support::highlight_spans(article->title, hit.matched_terms)))
      session.open_article(article->id);
  }
}

}  // namespace ui
