#include "theme.h"

namespace ui {
namespace {

Theme g_theme;
support::Palette g_palette;

ImU32 col(support::Rgb c, int alpha = 255) { return IM_COL32(c.r, c.g, c.b, alpha); }

void apply_style(bool dark) {
  ImGuiStyle& s = ImGui::GetStyle();
  s.WindowPadding = ImVec2(g_theme.pad, g_theme.pad);
  s.FramePadding = ImVec2(12, 9);
  s.ItemSpacing = ImVec2(8, 10);
  s.WindowRounding = 0;
  s.FrameRounding = g_theme.rounding;
  s.ScrollbarSize = 8;
  s.ScrollbarRounding = 4;
  s.WindowBorderSize = 0;
  s.ChildBorderSize = 0;
  ImVec4* c = s.Colors;
  c[ImGuiCol_Text] = ImGui::ColorConvertU32ToFloat4(g_theme.text);
  c[ImGuiCol_TextDisabled] = ImGui::ColorConvertU32ToFloat4(g_theme.muted);
  c[ImGuiCol_WindowBg] = ImGui::ColorConvertU32ToFloat4(g_theme.surface);
  c[ImGuiCol_ChildBg] = ImVec4(0, 0, 0, 0);
  c[ImGuiCol_FrameBg] = ImGui::ColorConvertU32ToFloat4(g_theme.field_bg);
  c[ImGuiCol_Border] = ImGui::ColorConvertU32ToFloat4(g_theme.border);
  c[ImGuiCol_ScrollbarBg] = ImVec4(0, 0, 0, 0);
  const float ink = dark ? 1.0f : 0.0f;   // the grab is the panel's text colour, faint
  c[ImGuiCol_ScrollbarGrab] = ImVec4(ink, ink, ink, 0.3f);
  c[ImGuiCol_ScrollbarGrabHovered] = ImVec4(ink, ink, ink, 0.45f);
  c[ImGuiCol_ScrollbarGrabActive] = ImVec4(ink, ink, ink, 0.55f);
  c[ImGuiCol_CheckMark] = ImGui::ColorConvertU32ToFloat4(g_theme.accent);
  c[ImGuiCol_Separator] = ImGui::ColorConvertU32ToFloat4(g_theme.border);
}

}  // namespace

const Theme& theme() { return g_theme; }
const support::Palette& palette() { return g_palette; }

void apply_theme(const std::string& brand_hex, support::ColorScheme scheme) {
  const support::Palette& p = g_palette = support::make_palette(brand_hex, scheme);
  g_theme.accent = col(p.accent);
  g_theme.accent_hover = col(p.accent_hover);
  g_theme.accent_text = col(p.on_accent);
  g_theme.link = col(p.link);
  g_theme.text = col(p.text);
  g_theme.muted = col(p.muted);
  g_theme.error = col(p.error);
  g_theme.success = col(p.success);
  g_theme.surface = col(p.surface);
  g_theme.surface_alt = col(p.surface_alt);
  g_theme.border = col(p.border);
  g_theme.field_bg = col(p.field_bg);
  g_theme.secondary_bg = col(p.secondary_bg);
  g_theme.secondary_hover = col(p.secondary_hover);
  g_theme.secondary_border = col(p.secondary_border);
  g_theme.focus_ring = col(p.focus_ring);
  g_theme.focus_ring_on_accent = col(p.focus_ring_on_accent);
  g_theme.mark_bg = col(p.mark_bg);
  g_theme.mark_text = col(p.mark_text);
  apply_style(scheme == support::ColorScheme::Dark);
}

}  // namespace ui
