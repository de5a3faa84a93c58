#pragma once
// Colours and metrics of the panel, as ImGui colours. The colours come from the core's palette
// (wasm/core/theme/palette.h: brand colour from configuration, light or dark scheme, every pair
// checked for WCAG AA contrast by tests/core/test_theme_palette.cpp).
#include "theme/palette.h"

#include <imgui.h>

#include <string>

namespace ui {

struct Theme {
  ImU32 accent, accent_hover, accent_text;   // brand band, primary buttons; text on them
  ImU32 link;                                 // links, quiet buttons
  ImU32 text, muted, error, success;
  ImU32 surface, surface_alt, border, field_bg;
  ImU32 secondary_bg, secondary_hover, secondary_border;
  ImU32 focus_ring, focus_ring_on_accent;
  ImU32 mark_bg, mark_text;
  float rounding = 6.0f;
  float pad = 16.0f;
};

const Theme& theme();
const support::Palette& palette();
// brand_hex: "#rrggbb"; anything else keeps the default brand colour.
void apply_theme(const std::string& brand_hex, support::ColorScheme scheme = support::ColorScheme::Light);

}  // namespace ui
