#pragma once
// The configuration's "attachments" section (docs/config.md): how many files, how large, which
// types. A form takes files only where it has a field of type "attachments".
#include <string>
#include <vector>

namespace support {

struct AttachmentSettings {
  int max_files = 5;
  long max_file_bytes = 5L * 1024 * 1024;
  long max_total_bytes = 10L * 1024 * 1024;
  std::vector<std::string> types = {"image/png", "image/jpeg", "image/gif", "image/webp", "text/plain",
                                    "application/pdf"};
};

}  // namespace support
