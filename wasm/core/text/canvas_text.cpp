#include "text/canvas_text.h"

#include "text/utf8_codec.h"

#include <cstdio>

namespace support {
namespace {

struct Range {
  char32_t first, last;
  CanvasLimit limit;
};

// Blocks and marks by Unicode 15's charts; sorted by first.
constexpr Range kRanges[] = {
    {0x0300, 0x036F, CanvasLimit::combining},      // combining diacritical marks
    {0x0483, 0x0489, CanvasLimit::combining},      // Cyrillic combining marks
    {0x0590, 0x08FF, CanvasLimit::right_to_left},  // Hebrew, Arabic, Syriac, Thaana, N'Ko, Samaritan, Mandaic
    {0x0900, 0x0DFF, CanvasLimit::shaping},        // Devanagari to Sinhala
    {0x0E31, 0x0E31, CanvasLimit::combining},      // Thai vowel and tone marks
    {0x0E34, 0x0E3A, CanvasLimit::combining},
    {0x0E47, 0x0E4E, CanvasLimit::combining},
    {0x0EB1, 0x0EB1, CanvasLimit::combining},      // Lao
    {0x0EB4, 0x0EBC, CanvasLimit::combining},
    {0x0EC8, 0x0ECE, CanvasLimit::combining},
    {0x0F00, 0x109F, CanvasLimit::shaping},        // Tibetan, Myanmar
    {0x1100, 0x11FF, CanvasLimit::shaping},        // conjoining Hangul jamo (syllables are fine)
    {0x1780, 0x18AF, CanvasLimit::shaping},        // Khmer, Mongolian
    {0x1AB0, 0x1AFF, CanvasLimit::combining},
    {0x1B00, 0x1BFF, CanvasLimit::shaping},        // Balinese, Sundanese, Batak
    {0x1DC0, 0x1DFF, CanvasLimit::combining},
    {0x200C, 0x200D, CanvasLimit::combining},      // zero-width (non-)joiner
    {0x200F, 0x200F, CanvasLimit::right_to_left},  // right-to-left mark
    {0x202B, 0x202B, CanvasLimit::right_to_left},  // right-to-left embedding
    {0x202E, 0x202E, CanvasLimit::right_to_left},  // right-to-left override
    {0x20D0, 0x20FF, CanvasLimit::combining},      // combining marks for symbols
    {0x302A, 0x302F, CanvasLimit::combining},
    {0x3099, 0x309A, CanvasLimit::combining},      // kana voicing marks
    {0xA980, 0xA9DF, CanvasLimit::shaping},        // Javanese
    {0xFB1D, 0xFDFF, CanvasLimit::right_to_left},  // Hebrew and Arabic presentation forms
    {0xFE00, 0xFE0F, CanvasLimit::combining},      // variation selectors
    {0xFE20, 0xFE2F, CanvasLimit::combining},
    {0xFE70, 0xFEFE, CanvasLimit::right_to_left},  // Arabic presentation forms B
};

}  // namespace

CanvasLimit canvas_limit(char32_t cp) {
  if (cp > 0xFFFF) return CanvasLimit::beyond_bmp;
  for (const Range& r : kRanges) {
    if (cp < r.first) break;
    if (cp <= r.last) return r.limit;
  }
  return CanvasLimit::none;
}

const char* canvas_limit_reason(CanvasLimit limit, bool plural) {
  switch (limit) {
    case CanvasLimit::right_to_left:
      return plural ? "are written right to left, which the widget's canvas cannot lay out"
                    : "is written right to left, which the widget's canvas cannot lay out";
    case CanvasLimit::shaping:
      return plural ? "need letters joined or reordered, which the widget's canvas cannot do"
                    : "needs letters joined or reordered, which the widget's canvas cannot do";
    case CanvasLimit::combining:
      return plural ? "combine with the character before them, which the widget's canvas draws apart (use precomposed letters)"
                    : "combines with the character before it, which the widget's canvas draws apart (use a precomposed letter)";
    case CanvasLimit::beyond_bmp:
      return plural ? "are beyond U+FFFF (most emoji), which the widget's canvas cannot draw"
                    : "is beyond U+FFFF (most emoji), which the widget's canvas cannot draw";
    case CanvasLimit::none: break;
  }
  return "";
}

std::string describe_code_point(char32_t cp) {
  char code[16];
  std::snprintf(code, sizeof code, "U+%04X", unsigned(cp));
  // Invisible, control and combining characters are named by their code alone.
  const bool printable = cp >= 0x20 && !(cp >= 0x7F && cp < 0xA0) && !(cp >= 0x200B && cp <= 0x200F) &&
                         !(cp >= 0x2028 && cp <= 0x202E) && cp != 0xFEFF && canvas_limit(cp) != CanvasLimit::combining;
  if (!printable) return code;
  std::string out = "'";
  utf8_append(out, cp);
  return out + "' (" + code + ")";
}

}  // namespace support
