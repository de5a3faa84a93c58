#include "screens/screens.h"
#include "widgets.h"

namespace ui {

void draw_article_body(const std::string& body) {
  std::size_t start = 0;
  std::string paragraph_text;
  auto flush = [&] {
    if (!paragraph_text.empty()) paragraph(paragraph_text);
    paragraph_text.clear();
  };
  while (start <= body.size()) {
    std::size_t end = body.find('\n', start);
    if (end == std::string::npos) end = body.size();
    std::string line = body.substr(start, end - start);
    start = end + 1;
    if (line.empty()) { flush(); continue; }
    if (line.rfind("# ", 0) == 0 || line.rfind("## ", 0) == 0) {
      flush();
      heading(line.substr(line.find(' ') + 1), 3);
    } else if (line.rfind("- ", 0) == 0 || line.rfind("* ", 0) == 0) {
      flush();
      bullet(line.substr(2));
    } else if (line.front() == '[' && line.find("](") != std::string::npos && line.back() == ')') {
      flush();
      std::size_t mid = line.find("](");
      link(line.substr(1, mid - 1), line.substr(mid + 2, line.size() - mid - 3));
    } else {
      paragraph_text += paragraph_text.empty() ? line : " " + line;
    }
  }
  flush();
}

void draw_article_screen(support::SupportSession& session) {
  const support::KbArticle* article = session.article();
  if (!article) return;
  if (button(session.text("nav.back"), ButtonKind::Quiet)) { session.back(); return; }
  heading(article->title, 2);
  draw_article_body(article->body);
  if (!article->url.empty()) link(session.text("kb.read_full_article"), article->url);
  spacing(10);
  heading(session.text("kb.did_it_answer"), 3);
  if (button(session.text("kb_check.answered"), ButtonKind::Primary, false, -1)) session.article_answered(true);
  if (button(session.text("kb_check.not_answered"), ButtonKind::Secondary, false, -1)) session.article_answered(false);
}

}  // namespace ui
