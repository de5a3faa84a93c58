#include "theme/contrast.h"

#include <cmath>
#include <cstdio>

namespace support {

std::optional<Rgb> parse_hex_color(const std::string& text) {
  if (text.size() != 7 || text[0] != '#') return std::nullopt;
  Rgb c;
  int* channels[] = {&c.r, &c.g, &c.b};
  for (int i = 0; i < 3; ++i) {
    int value = 0;
    for (int k = 0; k < 2; ++k) {
      const char h = text[1 + i * 2 + k];
      int digit = h >= '0' && h <= '9' ? h - '0' : h >= 'a' && h <= 'f' ? h - 'a' + 10 : h >= 'A' && h <= 'F' ? h - 'A' + 10 : -1;
      if (digit < 0) return std::nullopt;
      value = value * 16 + digit;
    }
    *channels[i] = value;
  }
  return c;
}

std::string to_hex(Rgb c) {
  char out[8];
  std::snprintf(out, sizeof out, "#%02x%02x%02x", c.r & 255, c.g & 255, c.b & 255);
  return out;
}

double relative_luminance(Rgb c) {
  auto channel = [](int v) {
    const double s = v / 255.0;
    return s <= 0.04045 ? s / 12.92 : std::pow((s + 0.055) / 1.055, 2.4);
  };
  return 0.2126 * channel(c.r) + 0.7152 * channel(c.g) + 0.0722 * channel(c.b);
}

double contrast_ratio(Rgb a, Rgb b) {
  double la = relative_luminance(a), lb = relative_luminance(b);
  if (la < lb) std::swap(la, lb);
  return (la + 0.05) / (lb + 0.05);
}

Rgb blend(Rgb over, Rgb under, double alpha) {
  auto mix = [alpha](int o, int u) { return int(std::lround(o * alpha + u * (1 - alpha))); };
  return {mix(over.r, under.r), mix(over.g, under.g), mix(over.b, under.b)};
}

Rgb with_contrast(Rgb fg, Rgb bg, double ratio, bool darken) {
  const Rgb end = darken ? Rgb{0, 0, 0} : Rgb{255, 255, 255};
  // 5 % steps toward the end of the scale keep the hue recognisable; 100 steps always reach it.
  for (int i = 0; i < 100 && contrast_ratio(fg, bg) < ratio; ++i) fg = blend(end, fg, 0.05);
  if (contrast_ratio(fg, bg) < ratio) fg = end;
  return fg;
}

}  // namespace support
