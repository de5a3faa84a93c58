#include "screens/screens.h"
#include "widgets.h"

namespace ui {

namespace {

void navigation(support::SupportSession& session, const support::FlowRun& run) {
  if (button(session.text("nav.back"), ButtonKind::Quiet)) session.back();
  if (run.can_go_forward()) {
    ImGui::SameLine();
    if (button(session.text("nav.forward"), ButtonKind::Quiet)) session.forward();
  }
}

}  // namespace

void draw_flow_screen(support::SupportSession& session) {
  const support::FlowRun* run = session.flow();
  if (!run) return;
  navigation(session, *run);
  const support::FlowStep& step = run->current_step();
  if (!step.title_key.empty()) heading(run->text(step.title_key), 2);
  if (!step.text_key.empty()) {
    // The outcome of a finished flow is announced (a live region), the text of other steps is read.
    if (step.type == support::StepType::end) status(run->text(step.text_key));
    else paragraph(run->text(step.text_key));
  }
  // Generic spam-folder advice gives way to the advice for the address the widget knows.
  if (const auto advice = session.step_email_advice()) draw_email_advice(*advice);
  else for (const auto& key : step.item_keys) bullet(run->text(key));

  if (step.type == support::StepType::kb_check) {
    for (const auto* article : session.step_articles())
      if (choice(article->title)) session.open_article(article->id);
    spacing(6);
  }
  if (step.type == support::StepType::form) {
    draw_form_fields(session);
    return;
  }
  if (step.type == support::StepType::end) {
    spacing(6);
    if (button(session.text("nav.restart"), ButtonKind::Secondary)) session.start_over();
    return;
  }
  spacing(4);
  const std::string* previous = run->previous_answer();
  for (const auto* answer : run->available_answers()) {
    const bool was_chosen = previous && *previous == answer->id;
    ButtonKind kind = answer->resolves || was_chosen ? ButtonKind::Primary : ButtonKind::Secondary;
    if (step.type == support::StepType::choice) {
      if (choice(run->text(answer->label_key))) session.answer(answer->id);
    } else if (button(run->text(answer->label_key), kind, false, -1)) {
      session.answer(answer->id);
    }
  }
}

}  // namespace ui
