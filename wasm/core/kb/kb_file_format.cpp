#include "kb/kb_file_format.h"

#include <string>

#include "kb/safe_json_parse.h"

namespace support {
namespace {

bool ends_with_ignoring_case(std::string_view text, std::string_view suffix) {
  if (text.size() < suffix.size()) return false;
  text.remove_prefix(text.size() - suffix.size());
  for (std::size_t i = 0; i < suffix.size(); ++i) {
    char c = text[i];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c != suffix[i]) return false;
  }
  return true;
}

}  // namespace

KbFileFormat kb_file_format_from_name(std::string_view name) {
  name = name.substr(0, name.find_first_of("?#"));
  if (ends_with_ignoring_case(name, ".jsonl") || ends_with_ignoring_case(name, ".ndjson"))
    return KbFileFormat::json_lines;
  return KbFileFormat::unknown;
}

KbFileFormat kb_file_format_from_first_line(std::string_view first_line, std::size_t max_depth) {
  if (!first_line.empty() && first_line.back() == '\r') first_line.remove_suffix(1);
  const SafeJsonParse parsed = safe_json_parse(first_line, max_depth);
  // A pretty-printed document does not close on its first line: `{` or `{"articles": [`.
  if (parsed.incomplete) return KbFileFormat::json_document;
  // A one-line document (minified export) has the "articles" member.
  if (parsed.ok && parsed.value.is_object() && parsed.value.contains("articles")) return KbFileFormat::json_document;
  // A complete line, or a line broken in the middle: JSON Lines, where it is one bad line.
  return KbFileFormat::json_lines;
}

}  // namespace support
