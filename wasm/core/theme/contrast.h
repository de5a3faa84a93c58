#pragma once
// Colour arithmetic of WCAG 2.1: relative luminance and contrast ratio of sRGB colours. The
// theme uses it to derive readable colours from any brand colour; the tests use it to prove them.
#include <optional>
#include <string>

namespace support {

struct Rgb {
  int r = 0, g = 0, b = 0;   // 0..255
  bool operator==(const Rgb& o) const { return r == o.r && g == o.g && b == o.b; }
};

std::optional<Rgb> parse_hex_color(const std::string& text);   // "#rrggbb"; nullopt otherwise
std::string to_hex(Rgb color);                                  // "#rrggbb"

double relative_luminance(Rgb color);
double contrast_ratio(Rgb a, Rgb b);   // 1 .. 21, symmetric

// `over` drawn on `under` with opacity alpha (0..1), as one opaque colour.
Rgb blend(Rgb over, Rgb under, double alpha);
// fg moved step by step toward black (darken) or white until it reaches `ratio` against bg (or
// the end of the scale: black or white, whichever it moved toward).
Rgb with_contrast(Rgb fg, Rgb bg, double ratio, bool darken);

}  // namespace support
