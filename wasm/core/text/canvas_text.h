#pragma once
// What the widget's canvas can draw. Its glyphs come from the customer's own fonts (wasm/app/
// glyph_atlas.h), so every script their system has is drawn; but Dear ImGui places one glyph per
// character, left to right, without shaping. A character that needs its neighbours to come out
// right cannot, whatever the font: lint reports the configured texts that use one.
#include <string>

namespace support {

enum class CanvasLimit {
  none,
  right_to_left,   // Hebrew, Arabic, ...: laid out the wrong way round (and Arabic letters unjoined)
  shaping,         // Indic, Khmer, Myanmar, Tibetan, conjoining Hangul jamo: letters combine or reorder
  combining,       // a mark drawn on its letter (accents not precomposed, Thai vowels, joiners)
  beyond_bmp,      // above U+FFFF (most emoji): Dear ImGui indexes glyphs with 16 bits
};

CanvasLimit canvas_limit(char32_t cp);

// Why a character of that kind comes out wrong, for lint: "is written right to left, ...".
const char* canvas_limit_reason(CanvasLimit limit, bool plural);

// "'Ж' (U+0416)": how lint names a character.
std::string describe_code_point(char32_t cp);

}  // namespace support
