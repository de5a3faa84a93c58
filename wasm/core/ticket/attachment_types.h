#pragma once
// The file types an attachment can have, as the core knows them: the MIME type a configuration
// names, the file name endings that mean it, a short name for people ("PNG") and how its first
// bytes must look. A type outside this list cannot be configured (lint says so), so the widget and
// the server can always check what they accept.
#include <string>
#include <string_view>
#include <vector>

namespace support {

struct AttachmentType {
  std::string mime;                      // "image/png"
  std::vector<std::string> extensions;   // lower case with the dot: ".png"
  std::string label;                     // "PNG", for messages
  bool text = false;                     // plain text of some kind: no NUL bytes allowed
};

const std::vector<AttachmentType>& known_attachment_types();
const AttachmentType* find_attachment_type(std::string_view mime);
// The known type a file name's ending means (compared without case); nullptr if none.
const AttachmentType* attachment_type_for_name(std::string_view file_name);
// Whether the bytes start the way files of this type do (PNG, JPEG, GIF, WebP and PDF have
// signatures; text types must not contain NUL bytes).
bool content_matches_type(const AttachmentType& type, std::string_view bytes);

}  // namespace support
