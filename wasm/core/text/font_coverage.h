#pragma once
// The code points the widget's canvas font draws (assets/fonts/coverage.txt, compiled in). A
// character outside them comes out as "?" on the canvas, so lint reports configured texts that
// use one, and the glyph atlas is built from the same ranges.
#include <string>
#include <vector>

namespace support {

struct CodePointRange {
  char32_t first;
  char32_t last;   // inclusive
};

// In the file's order.
const std::vector<CodePointRange>& widget_font_coverage();

bool widget_font_covers(char32_t cp);

// "'Ж' (U+0416)": how lint names a character.
std::string describe_code_point(char32_t cp);

}  // namespace support
