#include "ticket/attachment_check.h"

#include "text/base64.h"
#include "text/utf8_codec.h"
#include "ticket/attachment_types.h"
#include "ticket/validation_messages.h"

#include <algorithm>

namespace support {
namespace {

FieldError refusal(const std::string& code, const std::string& message_template, const std::string& name,
                   const AttachmentLimits& limits, const std::map<std::string, std::string>& more = {}) {
  std::map<std::string, std::string> values = {{"name", name}, {"types", accepted_type_labels(limits)}};
  for (const auto& [key, value] : more) values[key] = value;
  return {"attachments", code, format_validation_message(message_template, values)};
}

bool accepted(const AttachmentLimits& limits, const std::string& mime) {
  return std::find(limits.types.begin(), limits.types.end(), mime) != limits.types.end();
}

// The browser's word for the type agrees with the name's: the same MIME type, or none given
// (browsers give "" for endings they do not know, such as .log), or any text type for a text file.
bool declared_type_agrees(const std::string& declared, const AttachmentType& by_name) {
  if (declared.empty() || declared == "application/octet-stream" || declared == by_name.mime) return true;
  return by_name.text && declared.compare(0, 5, "text/") == 0;
}

// A name as a browser gives it: no path, no control characters, valid UTF-8, at most 255 bytes.
bool is_plain_file_name(const std::string& name) {
  if (name.empty() || name.size() > 255 || !is_valid_utf8(name)) return false;
  return std::none_of(name.begin(), name.end(),
                      [](unsigned char c) { return c < 0x20 || c == 0x7F || c == '/' || c == '\\'; });
}

}  // namespace

AttachmentDecision check_attachment(const std::string& name, const std::string& declared_type, std::string_view bytes,
                                    const std::vector<TicketAttachment>& before, const AttachmentLimits& limits) {
  const AttachmentMessages& m = limits.messages;
  if (limits.max_files == 0) return {refusal("not_accepted", m.not_accepted, name, limits), {}};
  const AttachmentType* type = attachment_type_for_name(name);
  if (!type || !accepted(limits, type->mime)) return {refusal("type_not_accepted", m.type_not_accepted, name, limits), {}};
  if (!declared_type_agrees(declared_type, *type) || !content_matches_type(*type, bytes)) {
    if (bytes.empty()) return {refusal("empty", m.empty, name, limits), {}};
    return {refusal("content_mismatch", m.content_mismatch, name, limits, {{"type", type->label}}), {}};
  }
  if (bytes.empty()) return {refusal("empty", m.empty, name, limits), {}};
  if (bytes.size() > limits.max_file_bytes)
    return {refusal("too_large", m.too_large, name, limits, {{"max", format_file_size(limits.max_file_bytes)}}), {}};
  if (before.size() >= limits.max_files)
    return {refusal("too_many", m.too_many, name, limits, {{"count", std::to_string(limits.max_files)}}), {}};
  std::size_t total = bytes.size();
  for (const TicketAttachment& file : before) total += file.size;
  if (total > limits.max_total_bytes)
    return {refusal("total_too_large", m.total_too_large, name, limits,
                    {{"max", format_file_size(limits.max_total_bytes)}}), {}};
  return {std::nullopt, type->mime};
}

FieldErrors validate_attachments(const std::vector<TicketAttachment>& attachments, const std::string& category,
                                 const AttachmentLimits& limits) {
  FieldErrors errors;
  std::vector<TicketAttachment> before;
  for (std::size_t i = 0; i < attachments.size(); ++i) {
    const TicketAttachment& file = attachments[i];
    const std::string field = "attachments[" + std::to_string(i) + "]";
    const std::string& name = file.name.empty() ? field : file.name;
    if (!is_plain_file_name(file.name)) {
      errors.push_back({field, "invalid_name",
                        field + ": a file name must be 1 to 255 bytes of UTF-8 without slashes or control characters."});
      continue;
    }
    if (!limits.accepts_category(category)) {
      FieldError e = refusal("not_accepted", limits.messages.not_accepted, name, limits);
      e.field = field;
      errors.push_back(std::move(e));
      continue;
    }
    const std::optional<std::string> bytes = base64_decode(file.content);
    if (!bytes) {
      errors.push_back({field, "unreadable", format_validation_message(limits.messages.unreadable, {{"name", name}})});
      continue;
    }
    if (bytes->size() != file.size) {
      errors.push_back({field, "size_mismatch",
                        name + ": the size given (" + std::to_string(file.size) + " bytes) is not the content's (" +
                            std::to_string(bytes->size()) + " bytes)."});
      continue;
    }
    AttachmentDecision decision = check_attachment(file.name, file.type, *bytes, before, limits);
    if (decision.refusal) {
      decision.refusal->field = field;
      errors.push_back(std::move(*decision.refusal));
      continue;
    }
    before.push_back(file);
  }
  return errors;
}

}  // namespace support
