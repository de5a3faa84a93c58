#include "screens/screens.h"
#include "widgets.h"

namespace ui {

namespace {

// One side of the comparison: a small heading, the subject, the description. Each side has its
// own id scope: the two often share a subject, and every published item needs its own id.
void draw_side(const char* id, const std::string& title, const std::string& subject, const std::string& description) {
  ImGui::PushID(id);
  heading(title, 3);
  if (!subject.empty()) paragraph(subject);
  if (!description.empty()) paragraph(description, true);
  ImGui::PopID();
}

std::string with_number(std::string text, const std::string& number) {
  if (auto at = text.find("{number}"); at != std::string::npos) text.replace(at, 8, number);
  return text;
}

}  // namespace

// The draft looks like an earlier ticket: nothing is sent until the customer says which it is.
// Side by side where the panel is wide enough, one above the other on a phone.
void draw_duplicate_screen(support::SupportSession& session) {
  const auto& match = session.duplicate();
  const auto& draft = session.held_draft();
  if (!match || !draft) return;
  if (button(session.text("nav.back"), ButtonKind::Quiet)) {
    session.back_to_draft();
    return;
  }
  heading(session.text("screening.duplicates.title"), 2);
  status(session.duplicate_message());
  spacing(4);
  const std::string yours = session.text("screening.duplicates.yours");
  const std::string earlier = with_number(session.text("screening.duplicates.earlier"), match->ticket.number);
  if (ImGui::GetContentRegionAvail().x >= 440) {
    SideBySide columns(16);
    columns.left();
    draw_side("draft", yours, draft->subject, draft->description);
    columns.right();
    draw_side("earlier", earlier, match->ticket.subject, match->ticket.description);
    columns.end();
  } else {
    draw_side("draft", yours, draft->subject, draft->description);
    spacing(6);
    draw_side("earlier", earlier, match->ticket.subject, match->ticket.description);
  }
  spacing(8);
  if (button(session.text("screening.duplicates.open"), ButtonKind::Primary, false, -1)) {
    session.open_earlier_ticket();
    return;
  }
  if (button(session.text("screening.duplicates.different"), ButtonKind::Secondary, false, -1))
    session.send_as_different_problem();
}

// The earlier ticket on its own: what it says and where to follow it. Reached by "Go to that
// ticket", or straight away when the draft is that ticket again word for word.
void draw_earlier_ticket_screen(support::SupportSession& session) {
  const auto& match = session.duplicate();
  if (!match) return;
  if (button(session.text("nav.back"), ButtonKind::Quiet)) {
    session.back();
    return;
  }
  heading(with_number(session.text("screening.duplicates.earlier"), match->ticket.number), 2);
  if (match->exact) status(session.duplicate_message());
  if (!match->ticket.subject.empty()) paragraph(session.text("form.sent.subject") + " " + match->ticket.subject);
  if (!match->ticket.date.empty())
    paragraph(session.text("form.sent.when") + " " + readable_utc(match->ticket.date), true);
  paragraph(session.text("screening.duplicates.state") + " " + session.earlier_ticket_status(), true);
  if (!match->ticket.description.empty()) paragraph(match->ticket.description);
  spacing(4);
  paragraph(session.text("screening.duplicates.follow"));
  spacing(8);
  if (button(session.text("screening.duplicates.back_to_draft"), ButtonKind::Secondary, false, -1)) session.back_to_draft();
  if (button(session.text("nav.new_request"), ButtonKind::Quiet)) session.start_over();
}

}  // namespace ui
