#pragma once
// The one set of rules a ticket must pass: the widget runs it before sending, the server runs the
// same code before storing. Lengths are counted in characters (Unicode code points), not bytes.
#include "ticket/attachment_limits.h"
#include "ticket/field_error.h"
#include "ticket/ticket_draft.h"
#include "ticket/validation_messages.h"

#include <cstddef>
#include <map>
#include <string>

namespace support {

struct ValidationRules {
  std::size_t name_max = 100;
  std::size_t email_max = 254;  // RFC 5321 path limit
  std::size_t subject_max = 150;
  std::size_t description_min = 20;
  std::size_t description_max = 5000;
  // A category can ask for more (or less) detail, e.g. {"bug_report", 50}.
  std::map<std::string, std::size_t> description_min_by_category;
  std::size_t id_field_max = 100;          // category, product, locale
  std::size_t idempotency_key_max = 200;
  std::size_t articles_opened_max = 100;   // entries
  std::size_t troubleshooting_max = 200;   // entries of the flow log
  std::size_t extra_fields_max = 30;
  std::size_t extra_key_max = 64;
  std::size_t extra_value_max = 2000;
  ValidationMessages messages;
  AttachmentLimits attachments;            // none accepted unless the configuration says so

  std::size_t description_min_for(const std::string& category) const;
};

// Every problem found, in field order (name, email, subject, description, then the rest);
// empty when the draft can be sent. Codes: required, too_short, too_long, too_many,
// invalid_email, invalid_characters, invalid_encoding, invalid_type; attachments as
// validate_attachments (ticket/attachment_check.h) says, fields "attachments[i]".
// A field that is only whitespace counts as missing ("required").
FieldErrors validate_ticket_draft(const TicketDraft& draft, const ValidationRules& rules);

}  // namespace support
