#include "ticket/attachment_limits.h"

#include "ticket/attachment_types.h"
#include "ticket/validation_messages.h"

namespace support {

std::string accepted_type_labels(const AttachmentLimits& limits) {
  std::string out;
  for (const std::string& mime : limits.types) {
    const AttachmentType* type = find_attachment_type(mime);
    if (!out.empty()) out += ", ";
    out += type ? type->label : mime;
  }
  return out;
}

std::string accept_attribute(const AttachmentLimits& limits) {
  std::string out;
  for (const std::string& mime : limits.types) {
    if (!out.empty()) out += ',';
    out += mime;
    if (const AttachmentType* type = find_attachment_type(mime))
      for (const std::string& ending : type->extensions) out += ',' + ending;
  }
  return out;
}

std::string fill_limit_placeholders(const std::string& text, const AttachmentLimits& limits) {
  return format_validation_message(text, {{"types", accepted_type_labels(limits)},
                                          {"max_files", std::to_string(limits.max_files)},
                                          {"max_file_size", format_file_size(limits.max_file_bytes)},
                                          {"max_total_size", format_file_size(limits.max_total_bytes)}});
}

std::string format_file_size(std::size_t bytes) {
  if (bytes < 1024) return std::to_string(bytes) + (bytes == 1 ? " byte" : " bytes");
  const char* unit = bytes < 1024 * 1024 ? " KB" : " MB";
  const double value = bytes < 1024 * 1024 ? bytes / 1024.0 : bytes / (1024.0 * 1024.0);
  // One decimal below 10 (2.5 MB), none above (12 KB); a trailing ".0" is dropped.
  const long tenths = static_cast<long>(value * 10 + 0.5);
  if (value >= 10 || tenths % 10 == 0) return std::to_string((tenths + 5) / 10) + unit;
  return std::to_string(tenths / 10) + "." + std::to_string(tenths % 10) + unit;
}

}  // namespace support
