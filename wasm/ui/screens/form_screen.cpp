#include "screens/screens.h"
#include "widgets.h"

namespace ui {

void draw_form_fields(support::SupportSession& session) {
  const support::FlowRun& run = *session.flow();
  const support::FlowStep& step = run.current_step();
  if (step.asks_login_details) paragraph(session.text("form.login_details_note"), true);
  const std::string prefix = run.subject_prefix();
  // The mark beside optional fields is a configured text; configurations without it show none.
  const bool has_optional_note = session.config().texts.find(session.locale(), "form.field.optional") != nullptr;
  const std::string optional_note = has_optional_note ? session.text("form.field.optional") : "";
  for (const auto& f : step.fields) {
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
    if (f.id == "name") spec.autocomplete = "name";
    else if (f.id == "email") spec.autocomplete = "email";
    else if (f.id == "site_url") spec.autocomplete = "url";
    else spec.autocomplete = "off";
    if (f.id == "subject" && !prefix.empty()) spec.hint = prefix + " …";
    if (spec.input_type == "textarea") spec.rows = 6;
    spec.error = session.field_error(f.id);
    if (text_field(spec, session.form_value(f.id))) session.form_edited(f.id);

    // Right under the description: articles that match what is being written.
    if (f.id == "description") {
      const auto& hits = session.form_suggestions();
      if (!hits.empty()) {
        paragraph(session.text("kb.maybe_this_helps"), true);
        draw_article_hits(session, hits);
      }
    }
  }
  if (!session.form_error().empty()) alert(session.form_error());
  spacing(4);
  const bool sending = session.sending();
  if (button(sending ? session.text("form.sending") : session.text("form.submit"), ButtonKind::Primary, sending, -1))
    session.submit();
}

}  // namespace ui
