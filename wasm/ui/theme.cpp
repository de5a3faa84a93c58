#include "theme.h"

#include <cmath>
#include <cstdio>

namespace ui {
namespace {

Theme g_theme;

ImU32 rgb(int r, int g, int b, int a = 255) { return IM_COL32(r, g, b, a); }

// Relative luminance (WCAG) of an sRGB colour, used to keep text on the accent readable.
float luminance(int r, int g, int b) {
  auto channel = [](int c) {
    float v = c / 255.0f;
    return v <= 0.03928f ? v / 12.92f : std::pow((v + 0.055f) / 1.055f, 2.4f);
  };
  return 0.2126f * channel(r) + 0.7152f * channel(g) + 0.0722f * channel(b);
}

void set_accent(int r, int g, int b) {
  // Darken until white text on it reaches 4.5:1.
  for (int i = 0; i < 20 && (1.05f / (luminance(r, g, b) + 0.05f)) < 4.5f; ++i) {
    r = r * 9 / 10; g = g * 9 / 10; b = b * 9 / 10;
  }
  g_theme.accent = rgb(r, g, b);
  g_theme.accent_hover = rgb(r * 85 / 100, g * 85 / 100, b * 85 / 100);
  g_theme.accent_text = rgb(255, 255, 255);
}

void apply_style() {
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
  c[ImGuiCol_ScrollbarGrab] = ImVec4(0, 0, 0, 0.25f);
  c[ImGuiCol_ScrollbarGrabHovered] = ImVec4(0, 0, 0, 0.4f);
  c[ImGuiCol_ScrollbarGrabActive] = ImVec4(0, 0, 0, 0.5f);
  c[ImGuiCol_CheckMark] = ImGui::ColorConvertU32ToFloat4(g_theme.accent);
  c[ImGuiCol_Separator] = ImGui::ColorConvertU32ToFloat4(g_theme.border);
}

}  // namespace

const Theme& theme() { return g_theme; }

void apply_theme(const std::string& brand_hex) {
  g_theme.text = rgb(0x1f, 0x23, 0x28);
  g_theme.muted = rgb(0x57, 0x5f, 0x6a);
  g_theme.error = rgb(0xb4, 0x23, 0x18);
  g_theme.success = rgb(0x1a, 0x7f, 0x37);
  g_theme.surface = rgb(255, 255, 255);
  g_theme.surface_alt = rgb(0xf4, 0xf6, 0xf8);
  g_theme.border = rgb(0x8c, 0x95, 0x9f);
  g_theme.field_bg = rgb(255, 255, 255);
  unsigned r = 0x25, g = 0x63, b = 0xeb;
  if (brand_hex.size() == 7 && brand_hex[0] == '#') std::sscanf(brand_hex.c_str() + 1, "%02x%02x%02x", &r, &g, &b);
  set_accent(int(r), int(g), int(b));
  apply_style();
}

}  // namespace ui
