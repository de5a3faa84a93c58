#pragma once
// Every colour the widget draws, for a light and a dark scheme, derived from the configured brand
// colour (brand.colors.primary) so that WCAG 2.1 AA holds whatever the brand picks. The ImGui theme
// (wasm/ui/theme.*) and the page's text fields read it; palette_pairs() lists which colours meet
// on screen, and the tests measure each pair.
#include "theme/contrast.h"

#include <string>
#include <vector>

namespace support {

enum class ColorScheme { Light, Dark };

struct Palette {
  Rgb surface, surface_alt, field_bg;          // panel, hovered rows, text fields
  Rgb text, muted, error, success;             // text on those
  Rgb border;                                  // rows and fields: where a control ends
  Rgb accent, accent_hover, on_accent;         // brand band, primary buttons; text on them
  Rgb link;                                    // links and quiet buttons on the panel
  Rgb secondary_bg, secondary_hover, secondary_border;   // "It didn't help", "Start over"
  Rgb focus_ring, focus_ring_on_accent;        // on the panel / on the brand band
  Rgb mark_bg, mark_text;                      // matched words in search results
};

// brand_hex: "#rrggbb"; anything else uses the default brand colour.
Palette make_palette(const std::string& brand_hex, ColorScheme scheme);

struct ColorPair {
  std::string what;     // "text on panel", ...
  Rgb fg, bg;
  double minimum;       // 4.5 text, 3 UI components and focus indicators (WCAG 1.4.3 / 1.4.11)
};
std::vector<ColorPair> palette_pairs(const Palette& p);

}  // namespace support
