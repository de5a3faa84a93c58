#pragma once
// Which of the two KB file formats a text is in. See docs/kb-file.md for the rule:
//   - a name (file or URL) ending in .jsonl or .ndjson means JSON Lines;
//   - otherwise the content decides: text starting with '{' whose first line is a complete
//     JSON value without an "articles" member is JSON Lines; everything else is one JSON
//     document (an array, {"articles": [...]}, or text that is not JSON at all, which then
//     gets one clear "not JSON" problem instead of one per line).
#include <cstddef>
#include <string_view>

namespace support {

enum class KbFileFormat {
  unknown,        // not decided yet (the reader has not seen enough text)
  json_document,  // [...] or {"articles": [...]}: parsed as a whole at the end
  json_lines,     // one article object per line: parsed line by line as it arrives
};

// json_lines for names ending in .jsonl / .ndjson (any case, ignoring ?query and #fragment);
// unknown otherwise, so the content decides.
KbFileFormat kb_file_format_from_name(std::string_view name);

// Decides from the first line of the content, starting at its first non-space character
// (`first_line` holds no newline). Call it only for text starting with '{'.
KbFileFormat kb_file_format_from_first_line(std::string_view first_line, std::size_t max_depth);

}  // namespace support
