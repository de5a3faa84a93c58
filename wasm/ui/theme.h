#pragma once
// Colours and metrics of the panel. The brand colour comes from configuration; everything else
// is derived so contrast stays readable (WCAG AA against white) whatever the brand picks.
#include <imgui.h>

#include <string>

namespace ui {

struct Theme {
  ImU32 accent, accent_hover, accent_text;   // primary buttons, focus rings, links
  ImU32 text, muted, error, success;
  ImU32 surface, surface_alt, border, field_bg;
  float rounding = 6.0f;
  float pad = 16.0f;
};

const Theme& theme();
// brand_hex: "#rrggbb"; anything else keeps the default accent.
void apply_theme(const std::string& brand_hex);

}  // namespace ui
