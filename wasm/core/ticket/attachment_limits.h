#pragma once
// What a ticket may carry in files (configuration "attachments", docs/config.md) and the texts
// for each refusal. The same limits run in the widget (each file as it is added) and on the
// server (the whole request), like the ticket's other rules.
#include <cstddef>
#include <set>
#include <string>
#include <vector>

namespace support {

// Templates: {name} the file's name, {types} the accepted types ("PNG, JPEG, …"), {max} a size
// ("5 MB"), {count} a number of files, {type} the type the name claims. English defaults; the
// widget fills them from the configuration's texts ("attachments.error.*").
struct AttachmentMessages {
  std::string type_not_accepted = "{name}: this type of file is not accepted (accepted: {types}).";
  std::string content_mismatch = "{name}: the file's content is not {type}; it may be damaged or misnamed.";
  std::string too_large = "{name}: the file is larger than {max}, the limit for one file.";
  std::string too_many = "{name}: at most {count} files can be attached.";
  std::string total_too_large = "{name}: together the files would be larger than {max}.";
  std::string empty = "{name}: the file is empty.";
  std::string not_accepted = "{name}: files cannot be attached here.";
  std::string unreadable = "{name}: the file's content could not be read (expected base64).";
};

struct AttachmentLimits {
  std::size_t max_files = 0;          // 0: no attachments at all
  std::size_t max_file_bytes = 0;
  std::size_t max_total_bytes = 0;
  std::vector<std::string> types;     // accepted MIME types (known_attachment_types())
  // Categories whose form has an attachments field; a ticket of another category carries none.
  std::set<std::string> categories;
  AttachmentMessages messages;

  bool accepts_category(const std::string& category) const {
    return max_files > 0 && categories.count(category) > 0;
  }
};

// "PNG, JPEG, GIF" from the limits' types, for messages and hints.
std::string accepted_type_labels(const AttachmentLimits& limits);
// The <input accept> value: the MIME types and their endings, "image/png,.png,...".
std::string accept_attribute(const AttachmentLimits& limits);
// Fills {types}, {max_files}, {max_file_size} and {max_total_size} of a hint text.
std::string fill_limit_placeholders(const std::string& text, const AttachmentLimits& limits);
// Sizes as people read them: "512 bytes", "12 KB", "5 MB", "2.5 MB" (1 KB = 1024 bytes).
std::string format_file_size(std::size_t bytes);

}  // namespace support
