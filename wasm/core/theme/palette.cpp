#include "theme/palette.h"

namespace support {
namespace {

constexpr double kText = 4.5, kComponent = 3.0;
const Rgb kDefaultBrand{0x25, 0x63, 0xeb};

Palette light(Rgb brand) {
  Palette p;
  p.surface = {255, 255, 255};
  p.surface_alt = {0xf4, 0xf6, 0xf8};
  p.field_bg = {255, 255, 255};
  p.text = {0x1f, 0x23, 0x28};
  p.muted = {0x57, 0x5f, 0x6a};
  p.error = {0xb4, 0x23, 0x18};
  p.success = {0x1a, 0x7f, 0x37};
  p.border = {0x7d, 0x85, 0x90};
  p.on_accent = {255, 255, 255};
  // Dark enough for white text, and for use as text on the hovered rows.
  p.accent = with_contrast(with_contrast(brand, p.on_accent, kText, true), p.surface_alt, kText, true);
  p.accent_hover = blend({0, 0, 0}, p.accent, 0.15);
  p.link = p.accent;
  p.secondary_bg = {0xee, 0xf1, 0xf4};
  p.secondary_hover = {0xe0, 0xe5, 0xea};
  p.secondary_border = {0x6e, 0x77, 0x81};
  p.focus_ring = p.accent;
  p.focus_ring_on_accent = p.on_accent;
  p.mark_bg = blend(p.accent, p.surface, 0.14);
  p.mark_text = with_contrast(p.accent, p.mark_bg, kText, true);
  return p;
}

Palette dark(Rgb brand) {
  Palette p;
  p.surface = {0x16, 0x19, 0x1d};
  p.surface_alt = {0x22, 0x27, 0x2e};
  p.field_bg = {0x0f, 0x12, 0x15};
  p.text = {0xe6, 0xed, 0xf3};
  p.muted = {0x9d, 0xa7, 0xb3};
  p.error = {0xff, 0x8a, 0x80};
  p.success = {0x5f, 0xd3, 0x8d};
  p.border = {0x8b, 0x94, 0x9e};
  // Light enough to read on the dark panel (also on hovered rows); dark text on it.
  p.accent = with_contrast(brand, p.surface_alt, kText, false);
  const Rgb ink{0x0d, 0x11, 0x17};
  p.on_accent = contrast_ratio(ink, p.accent) >= contrast_ratio({255, 255, 255}, p.accent) ? ink : Rgb{255, 255, 255};
  p.accent_hover = with_contrast(blend({255, 255, 255}, p.accent, 0.15), p.on_accent, kText, p.on_accent == Rgb{255, 255, 255});
  p.link = p.accent;
  p.secondary_bg = {0x2d, 0x33, 0x3b};
  p.secondary_hover = {0x39, 0x40, 0x4a};
  p.secondary_border = {0x9d, 0xa7, 0xb3};
  p.focus_ring = p.accent;
  p.focus_ring_on_accent = p.on_accent;
  p.mark_bg = blend(p.accent, p.surface, 0.22);
  p.mark_text = with_contrast(p.accent, p.mark_bg, kText, false);
  return p;
}

}  // namespace

Palette make_palette(const std::string& brand_hex, ColorScheme scheme) {
  const Rgb brand = parse_hex_color(brand_hex).value_or(kDefaultBrand);
  return scheme == ColorScheme::Dark ? dark(brand) : light(brand);
}

std::vector<ColorPair> palette_pairs(const Palette& p) {
  return {
      {"text on panel", p.text, p.surface, kText},
      {"text on hovered row", p.text, p.surface_alt, kText},
      {"text in field", p.text, p.field_bg, kText},
      {"muted text on panel", p.muted, p.surface, kText},
      {"muted text on hovered row", p.muted, p.surface_alt, kText},
      {"error text on panel", p.error, p.surface, kText},
      {"success text on panel", p.success, p.surface, kText},
      {"title and close on brand band", p.on_accent, p.accent, kText},
      {"primary button text", p.on_accent, p.accent, kText},
      {"primary button text, hovered", p.on_accent, p.accent_hover, kText},
      {"link / quiet button on panel", p.link, p.surface, kText},
      {"quiet button, hovered", p.link, p.surface_alt, kText},
      {"secondary button text", p.text, p.secondary_bg, kText},
      {"secondary button text, hovered", p.text, p.secondary_hover, kText},
      {"secondary button edge on panel", p.secondary_border, p.surface, kComponent},
      {"secondary button edge on its fill", p.secondary_border, p.secondary_bg, kComponent},
      {"row / field border on panel", p.border, p.surface, kComponent},
      {"field border on field", p.border, p.field_bg, kComponent},
      {"hovered row border", p.accent, p.surface_alt, kComponent},
      {"error border on field", p.error, p.field_bg, kComponent},
      {"focus ring on panel", p.focus_ring, p.surface, kComponent},
      {"focus ring on hovered row", p.focus_ring, p.surface_alt, kComponent},
      {"focus ring on field", p.focus_ring, p.field_bg, kComponent},
      {"focus ring on brand band", p.focus_ring_on_accent, p.accent, kComponent},
      {"focus ring on hovered close", p.focus_ring_on_accent, p.accent_hover, kComponent},
      {"marked word in a result", p.mark_text, p.mark_bg, kText},
      {"result title beside marks", p.text, p.mark_bg, kText},
      {"primary button on panel", p.accent, p.surface, kComponent},
  };
}

}  // namespace support
