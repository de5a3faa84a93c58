#include "screens/screens.h"
#include "widgets.h"

namespace ui {

namespace {

void field(support::SupportSession& session, FieldSpec spec, std::string& value) {
  spec.error = session.field_error(spec.id);
  if (text_field(spec, value)) session.draft_edited(spec.id);
}

}  // namespace

void draw_ticket_form_screen(support::SupportSession& session) {
  support::TicketDraft& draft = session.draft();
  const auto rules = session.validation_rules();
  if (button(session.text("ui.nav.back"), ButtonKind::Quiet)) session.go_home();
  heading(session.text("ui.form.title"), 2);
  paragraph(session.text("ui.form.intro"), true);

  field(session, {"name", session.text("ui.form.name"), "text", "name", "", "", true, int(rules.name_max)}, draft.name);
  field(session, {"email", session.text("ui.form.email"), "email", "email", session.text("ui.form.email_hint"), "", true,
                  int(rules.email_max)}, draft.email);
  field(session, {"subject", session.text("ui.form.subject"), "text", "off", "", "", true, int(rules.subject_max)},
        draft.subject);
  FieldSpec description{"description", session.text("ui.form.description"), "textarea", "off",
                        session.text("ui.form.description_hint"), "", true, int(rules.description_max), 6};
  field(session, description, draft.description);

  if (!session.form_error().empty()) alert(session.form_error());
  spacing(4);
  const bool sending = session.sending();
  if (button(sending ? session.text("ui.form.sending") : session.text("ui.form.submit"), ButtonKind::Primary, sending, -1))
    session.submit();
}

}  // namespace ui
