#include "headless_backend.h"

#include <imgui.h>

#include <algorithm>
#include <cmath>

namespace headless {
namespace {

bool is_blank(char32_t cp) { return cp == 0x20 || cp == 0xA0 || (cp >= 0x2000 && cp <= 0x200B) || cp == 0x3000; }

// East Asian wide characters: Hangul Jamo, CJK, Hangul syllables, full-width forms.
bool is_wide(char32_t cp) {
  return (cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0xA4CF) || (cp >= 0xAC00 && cp <= 0xD7A3) ||
         (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0xFF00 && cp <= 0xFF60);
}

}  // namespace

HeadlessBackend::FaceMetrics HeadlessBackend::measure_glyphs(const app::GlyphFace& face,
                                                             const std::vector<char32_t>& code_points,
                                                             std::vector<app::GlyphBox>& boxes) {
  const float size = face.em_size;
  const int cap = int(std::lround(size * 0.7f));
  boxes.clear();
  for (char32_t cp : code_points) {
    const float advance = std::round(is_wide(cp) ? size : size * 0.5f);
    if (is_blank(cp)) boxes.push_back({advance, 0, 0, 0, 0});
    else boxes.push_back({advance, 0, -cap, std::max(1, int(advance) - 1), cap});
  }
  return {size * 0.8f, size * 0.2f};
}

// One opaque pixel where each glyph's pen stands: enough to see that it was drawn.
void HeadlessBackend::draw_glyphs(const std::vector<app::GlyphFace>& faces, const std::vector<app::GlyphPlacement>& glyphs,
                                  unsigned char* rgba, int width, int height) {
  if (!faces.empty()) family_ = faces.front().family;
  for (const app::GlyphPlacement& g : glyphs) {
    const int y = g.pen_y - 1;
    if (g.pen_x < 0 || g.pen_x >= width || y < 0 || y >= height) continue;
    unsigned char* p = rgba + (std::size_t(y) * width + g.pen_x) * 4;
    p[0] = p[1] = p[2] = p[3] = 255;
  }
}

void HeadlessBackend::fonts_changed() {
  ImGui::GetIO().Fonts->SetTexID(reinterpret_cast<ImTextureID>(static_cast<intptr_t>(1)));
  ++atlas_uploads_;
}

void HeadlessBackend::render(ImDrawData* data, int, int) {
  vertices_ = data ? data->TotalVtxCount : 0;
  vertex_colours_.clear();
  if (!data) return;
  for (int i = 0; i < data->CmdListsCount; ++i)
    for (const ImDrawVert& v : data->CmdLists[i]->VtxBuffer) vertex_colours_.push_back(v.col);
}

int HeadlessBackend::vertices_coloured(ImU32 colour) const {
  return static_cast<int>(std::count(vertex_colours_.begin(), vertex_colours_.end(), colour));
}

}  // namespace headless
