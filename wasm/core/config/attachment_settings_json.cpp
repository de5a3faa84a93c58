#include "config/attachment_settings_json.h"

#include "ticket/attachment_types.h"

namespace support {
namespace {

// The server keeps whole requests in memory: 50 MB of files per ticket is already generous.
constexpr int kMaxBytes = 50 * 1024 * 1024;

}  // namespace

long attachment_body_allowance(const AttachmentSettings& settings) {
  if (settings.max_files <= 0) return 0;
  const long base64 = (settings.max_total_bytes + 2) / 3 * 4;
  return base64 + 64L * 1024;   // the ticket's own fields and the JSON around each file
}

void parse_attachments(const nlohmann::json& value, const std::string& path, JsonReader& reader,
                       AttachmentSettings& out) {
  if (!reader.expect_object(value, path)) return;
  reader.check_known_keys(value, path, {"max_files", "max_file_bytes", "max_total_bytes", "types"});
  reader.read_int(value, "max_files", path, out.max_files, 0, 50);
  int bytes = static_cast<int>(out.max_file_bytes);
  if (reader.read_int(value, "max_file_bytes", path, bytes, 1, kMaxBytes)) out.max_file_bytes = bytes;
  bytes = static_cast<int>(out.max_total_bytes);
  if (reader.read_int(value, "max_total_bytes", path, bytes, 1, kMaxBytes)) out.max_total_bytes = bytes;
  if (out.max_file_bytes > out.max_total_bytes)
    reader.problem(JsonReader::child(path, "max_file_bytes"), "max_file_bytes is larger than max_total_bytes");
  std::vector<std::string> types;
  if (reader.read_string_list(value, "types", path, types)) {
    std::vector<std::string> known;
    for (std::size_t i = 0; i < types.size(); ++i) {
      if (find_attachment_type(types[i])) {
        known.push_back(types[i]);
        continue;
      }
      std::string list;
      for (const AttachmentType& type : known_attachment_types()) list += (list.empty() ? "" : ", ") + type.mime;
      reader.problem(JsonReader::index(JsonReader::child(path, "types"), i),
                     "unknown attachment type \"" + types[i] + "\" (known: " + list + ")");
    }
    out.types = std::move(known);
  }
}

}  // namespace support
