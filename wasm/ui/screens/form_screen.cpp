#include "screens/screens.h"
#include "attachment_list.h"
#include "widgets.h"

namespace ui {

namespace {

// A screening finding beside its field: what to add, and under it why (docs/screening.md).
void draw_finding(const support::DraftFinding& finding) {
  paragraph(finding.message);
  if (!finding.reason.empty()) paragraph(finding.reason, true);
}

}  // namespace

void draw_email_advice(const support::EmailAdvice& advice) {
  if (!advice.where.empty()) paragraph(advice.where);
  for (const auto& step : advice.steps) bullet(step);   // one list for screen readers
}

void draw_form_fields(support::SupportSession& session) {
  const support::FlowRun& run = *session.flow();
  const support::FlowStep& step = run.current_step();
  if (step.asks_login_details) paragraph(session.text("form.login_details_note"), true);
  const std::string prefix = run.subject_prefix();
  // The mark beside optional fields is a configured text; configurations without it show none.
  const bool has_optional_note = session.config().texts.find(session.locale(), "form.field.optional") != nullptr;
  const std::string optional_note = has_optional_note ? session.text("form.field.optional") : "";
  // With invalid fields the summary stands above them, so it is in view with the first one
  // (where focus goes); an error of the whole request stays beside the Send button.
  bool field_errors = false;
  for (const auto& f : step.fields) field_errors |= !session.field_error(f.id).empty();
  if (field_errors && !session.form_error().empty()) alert(session.form_error());
  for (const auto& f : step.fields) {
    if (f.type == support::FormFieldType::attachments) { draw_attachment_list(session, f); continue; }
    FieldSpec spec;
    spec.id = f.id;
    spec.label = run.text(f.label_key);
    spec.hint = f.help_key.empty() ? "" : run.text(f.help_key);
    spec.required = f.required;
    spec.optional_note = optional_note;
    spec.max_length = f.max_length;
    spec.input_type = f.type == support::FormFieldType::textarea ? "textarea"
                      : f.type == support::FormFieldType::email  ? "email"
                                                                 : "text";
    spec.autocomplete = f.autocomplete;
    const support::FieldPurpose purpose = support::field_purpose(f.id);
    if (purpose == support::FieldPurpose::subject && !prefix.empty()) spec.hint = prefix + " …";
    if (spec.input_type == "textarea") spec.rows = 6;
    spec.error = session.field_error(f.id);
    spec.read_only = session.field_locked(f.id);
    // The field edits a copy; the session is told, and decides what an edit changes.
    std::string value = session.form_value(f.id);
    if (text_field(spec, value)) session.set_form_value(f.id, std::move(value));

    // Screening beside the field: warnings (a required finding shows as the field's error on
    // Send), and for the address the typo suggestion and where our replies may land.
    const support::DraftScreening& screening = session.screening();
    for (const support::DraftFinding* finding : screening.findings_for(f.id))
      if (finding->level == support::RuleLevel::warning) draw_finding(*finding);
    if (purpose == support::FieldPurpose::email) {
      if (!screening.email_suggestion_text.empty() &&
          button(screening.email_suggestion_text, ButtonKind::Secondary, false, -1))
        session.accept_email_suggestion();
      if (screening.email_advice) draw_email_advice(*screening.email_advice);
    }

    // Right under the description: articles that match what is being written.
    if (purpose == support::FieldPurpose::description) {
      const auto& hits = session.form_suggestions();
      if (!hits.empty()) {
        paragraph(session.text("kb.maybe_this_helps"), true);
        draw_article_hits(session, hits);
      }
    }
  }
  // Tone notes are gentle and never block; the text stays as written.
  const support::DraftScreening& screening = session.screening();
  for (const auto& note : screening.tone) status(note.message);
  // Findings about something that is not a field here (e.g. the plugin chosen earlier in the flow).
  for (const auto& finding : screening.findings) {
    bool is_field = false;
    for (const auto& f : step.fields) is_field |= f.id == finding.field;
    if (is_field) continue;
    if (const std::string error = session.field_error(finding.field); !error.empty()) alert(error);
    else draw_finding(finding);
  }
  if (!field_errors && !session.form_error().empty()) alert(session.form_error());
  spacing(4);
  if (!screening.queue_reminder.empty()) paragraph(screening.queue_reminder, true);
  const bool sending = session.sending();
  if (button(sending ? session.text("form.sending") : session.text("form.submit"), ButtonKind::Primary, sending, -1)) {
    session.submit();
    if (!session.sending() && !session.form_error().empty()) draw_context().tree->note_invalid_submit();
  }
  // Not through yet: say when the next try goes, and let the customer stop it.
  if (const std::string waiting = session.delivery_message(); !waiting.empty()) {
    status(waiting);
    if (button(session.text("delivery.stop"), ButtonKind::Secondary)) session.cancel_sending();
  }
}

}  // namespace ui
