// The theme's colours meet WCAG 2.1 AA for every pair drawn together, in the light and the dark
// scheme, whatever brand colour a configuration picks. axe cannot see the canvas: this can.
#include "theme/contrast.h"
#include "theme/palette.h"

#include <doctest/doctest.h>

#include <string>

using namespace support;

TEST_CASE("contrast: the WCAG formula on known pairs") {
  CHECK(contrast_ratio({0, 0, 0}, {255, 255, 255}) == doctest::Approx(21.0));
  CHECK(contrast_ratio({255, 255, 255}, {255, 255, 255}) == doctest::Approx(1.0));
  CHECK(contrast_ratio({0x76, 0x76, 0x76}, {255, 255, 255}) == doctest::Approx(4.54).epsilon(0.005));
  CHECK(contrast_ratio({0xf4, 0xf6, 0xf8}, {255, 255, 255}) == doctest::Approx(1.08).epsilon(0.01));   // the old grey button
  CHECK(contrast_ratio({10, 20, 30}, {200, 100, 50}) == doctest::Approx(contrast_ratio({200, 100, 50}, {10, 20, 30})));
}

TEST_CASE("contrast: colours are read as #rrggbb only") {
  CHECK(parse_hex_color("#1f5F8b") == Rgb{0x1f, 0x5f, 0x8b});
  CHECK_FALSE(parse_hex_color("1f5f8b"));
  CHECK_FALSE(parse_hex_color("#1f5f8"));
  CHECK_FALSE(parse_hex_color("#1f5f8g"));
  CHECK_FALSE(parse_hex_color("blue"));
  CHECK(to_hex({0x1f, 0x5f, 0x8b}) == "#1f5f8b");
}

TEST_CASE("contrast: with_contrast reaches the ratio or the end of the scale") {
  const Rgb yellow{0xff, 0xd4, 0x00}, white{255, 255, 255};
  CHECK(contrast_ratio(with_contrast(yellow, white, 4.5, true), white) >= 4.5);
  CHECK(contrast_ratio(with_contrast(white, white, 4.5, true), white) >= 4.5);   // a grey is enough
  CHECK(with_contrast(white, white, 25, true) == Rgb{0, 0, 0});   // unreachable: black is as far as it goes
  CHECK(with_contrast(Rgb{0, 0, 0}, Rgb{0, 0, 0}, 25, false) == white);
  CHECK(with_contrast(Rgb{0, 0, 0}, white, 4.5, true) == Rgb{0, 0, 0});   // already fine: unchanged
}

TEST_CASE("palette: every pair drawn together meets AA, light and dark, for any brand colour") {
  // The default configuration's brand, the built-in default, and brands that are hard to keep
  // readable: pale, saturated yellow, pure colours, black, white, and a colour that does not parse.
  const char* brands[] = {"#1f5f8b", "#2563eb", "#ffd400", "#e0f0ff", "#ff0000", "#00ff00",
                          "#0000ff", "#000000", "#ffffff", "#7f7f7f", "not a colour"};
  for (const char* brand : brands) {
    for (ColorScheme scheme : {ColorScheme::Light, ColorScheme::Dark}) {
      const Palette p = make_palette(brand, scheme);
      for (const ColorPair& pair : palette_pairs(p)) {
        INFO(brand, scheme == ColorScheme::Dark ? " dark: " : " light: ", pair.what, " ", to_hex(pair.fg), " on ",
             to_hex(pair.bg), " = ", contrast_ratio(pair.fg, pair.bg));
        CHECK(contrast_ratio(pair.fg, pair.bg) >= pair.minimum);
      }
    }
  }
}

TEST_CASE("palette: secondary buttons read as buttons (an edge at 3:1, not a 1.08:1 grey fill)") {
  for (ColorScheme scheme : {ColorScheme::Light, ColorScheme::Dark}) {
    const Palette p = make_palette("#1f5f8b", scheme);
    CHECK(contrast_ratio(p.secondary_border, p.surface) >= 3.0);
    CHECK(contrast_ratio(p.focus_ring_on_accent, p.accent) >= 3.0);   // was the accent on itself: 1.12:1
  }
}

TEST_CASE("palette: the dark scheme is dark and keeps the brand's hue") {
  const Palette light = make_palette("#1f5f8b", ColorScheme::Light);
  const Palette dark = make_palette("#1f5f8b", ColorScheme::Dark);
  CHECK(relative_luminance(dark.surface) < 0.05);
  CHECK(relative_luminance(light.surface) > 0.9);
  CHECK(dark.accent.b > dark.accent.r);   // still blue
  CHECK(light.accent == Rgb{0x1f, 0x5f, 0x8b});   // a brand colour that is already fine is kept
}
