#pragma once
// Whether one more file may join a ticket: its type (by the name's ending, the type the browser
// declared and, for images and PDF, the first bytes), its size, and the count and total with the
// files already there. A refusal is a FieldError naming the file and the limit it broke.
#include "ticket/attachment_limits.h"
#include "ticket/field_error.h"
#include "ticket/ticket_attachment.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace support {

struct AttachmentDecision {
  std::optional<FieldError> refusal;   // empty: accepted
  std::string type;                    // the MIME type the file was accepted as
};

// `declared_type` is what the browser said (File.type); empty and "application/octet-stream" mean
// "not known" and the name decides. `before` are the files already attached. Codes:
// not_accepted (max_files 0), type_not_accepted, content_mismatch, too_large, too_many, total_too_large, empty. The error's
// field is "attachments".
AttachmentDecision check_attachment(const std::string& name, const std::string& declared_type, std::string_view bytes,
                                    const std::vector<TicketAttachment>& before, const AttachmentLimits& limits);

// Every attachment of a draft as the server receives it: base64 content that decodes to `size`
// bytes, then check_attachment against the ones before it. Fields "attachments[i]"; codes as
// above plus not_accepted (the category's form takes no files), unreadable (bad base64) and
// size_mismatch.
FieldErrors validate_attachments(const std::vector<TicketAttachment>& attachments, const std::string& category,
                                 const AttachmentLimits& limits);

}  // namespace support
