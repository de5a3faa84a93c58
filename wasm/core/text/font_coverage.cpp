#include "text/font_coverage.h"

#include "text/utf8_codec.h"

#include <cstdio>

namespace support {

const std::vector<CodePointRange>& widget_font_coverage() {
  static const std::vector<CodePointRange> ranges = {
#include "font_coverage_ranges.inc"
  };
  return ranges;
}

bool widget_font_covers(char32_t cp) {
  for (const CodePointRange& range : widget_font_coverage())
    if (cp >= range.first && cp <= range.last) return true;
  return false;
}

std::string describe_code_point(char32_t cp) {
  char code[16];
  std::snprintf(code, sizeof code, "U+%04X", unsigned(cp));
  // Invisible and control characters are named by their code alone.
  const bool printable = cp >= 0x20 && !(cp >= 0x7F && cp < 0xA0) && !(cp >= 0x200B && cp <= 0x200F) &&
                         !(cp >= 0x2028 && cp <= 0x202E) && cp != 0xFEFF;
  if (!printable) return code;
  std::string out = "'";
  utf8_append(out, cp);
  return out + "' (" + code + ")";
}

}  // namespace support
