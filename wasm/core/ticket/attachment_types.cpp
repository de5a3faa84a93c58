#include "ticket/attachment_types.h"

#include <algorithm>
#include <cctype>

namespace support {
namespace {

bool starts_with(std::string_view bytes, std::string_view prefix) {
  return bytes.size() >= prefix.size() && bytes.compare(0, prefix.size(), prefix) == 0;
}

std::string lower(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return std::tolower(c); });
  return out;
}

}  // namespace

const std::vector<AttachmentType>& known_attachment_types() {
  static const std::vector<AttachmentType> types = {
      {"image/png", {".png"}, "PNG", false},
      {"image/jpeg", {".jpg", ".jpeg"}, "JPEG", false},
      {"image/gif", {".gif"}, "GIF", false},
      {"image/webp", {".webp"}, "WebP", false},
      {"application/pdf", {".pdf"}, "PDF", false},
      {"text/plain", {".txt", ".log"}, "text/log", true},
      {"text/csv", {".csv"}, "CSV", true},
      {"application/json", {".json"}, "JSON", true},
  };
  return types;
}

const AttachmentType* find_attachment_type(std::string_view mime) {
  for (const AttachmentType& type : known_attachment_types())
    if (type.mime == mime) return &type;
  return nullptr;
}

const AttachmentType* attachment_type_for_name(std::string_view file_name) {
  const std::size_t dot = file_name.rfind('.');
  if (dot == std::string_view::npos) return nullptr;
  const std::string ending = lower(file_name.substr(dot));
  for (const AttachmentType& type : known_attachment_types())
    if (std::find(type.extensions.begin(), type.extensions.end(), ending) != type.extensions.end()) return &type;
  return nullptr;
}

bool content_matches_type(const AttachmentType& type, std::string_view bytes) {
  if (type.text) return bytes.find('\0') == std::string_view::npos;
  if (type.mime == "image/png") return starts_with(bytes, "\x89PNG\r\n\x1a\n");
  if (type.mime == "image/jpeg") return starts_with(bytes, "\xFF\xD8\xFF");
  if (type.mime == "image/gif") return starts_with(bytes, "GIF87a") || starts_with(bytes, "GIF89a");
  if (type.mime == "image/webp") return bytes.size() >= 12 && starts_with(bytes, "RIFF") && bytes.substr(8, 4) == "WEBP";
  if (type.mime == "application/pdf") return starts_with(bytes, "%PDF-");
  return false;
}

}  // namespace support
