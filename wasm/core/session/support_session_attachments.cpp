// SupportSession's part for files with a ticket, kept apart from the rest of the session.
#include "session/support_session.h"

#include "ticket/attachment_limits_from_config.h"
#include "ticket/validation_messages.h"

namespace support {

AttachmentLimits SupportSession::attachment_limits() const {
  AttachmentLimits limits = attachment_limits_from_config(config_, locale_);
  const std::string category = run_ ? run_->context().value_or("category") : "";
  if (!on_form() || !limits.accepts_category(category)) limits.max_files = 0;
  return limits;
}

bool SupportSession::add_attachment(const std::string& name, const std::string& declared_type, std::string_view bytes) {
  // A form without an "attachments" field refuses the file with a message (not_accepted).
  const bool added = form_.attachments().add(name, declared_type, bytes, attachment_limits());
  if (added) form_.files_changed();
  ++draft_revision_;
  return added;
}

void SupportSession::begin_adding_files() { form_.attachments().clear_refusals(); }

void SupportSession::file_unreadable(const std::string& name) {
  form_.attachments().refuse(format_validation_message(attachment_limits().messages.unreadable, {{"name", name}}));
  ++draft_revision_;
}

void SupportSession::remove_attachment(std::size_t index) {
  if (!form_.attachments().remove(index)) return;
  form_.attachments().clear_refusals();   // the list changed: old refusals may no longer hold
  form_.files_changed();
  ++draft_revision_;
}

nlohmann::json SupportSession::saved_draft() const {
  nlohmann::json saved = draft_to_json(draft());
  if (!form_.attachments().files().empty()) saved["attachments"] = form_.attachments().to_saved_json();
  return saved;
}

void SupportSession::restore_saved_attachments(const nlohmann::json& saved) {
  if (!saved.is_object() || !saved.contains("attachments")) return;
  form_.attachments().restore_saved(saved["attachments"], text("attachments.add_again"));
}

}  // namespace support
