#include "web_backend.h"

#include <emscripten/emscripten.h>
#include <imgui.h>

#include <cstdint>
#include <vector>

extern "C" int web_create_gl_context();
extern "C" void web_set_cursor(const char* name);
extern "C" void web_measure_glyphs(const char* family, int bold, float em_size, const std::uint32_t* code_points,
                                   int count, float* out);
extern "C" void web_draw_glyphs(const char* family, const int* faces, int face_count, const int* glyphs, int count,
                                unsigned char* rgba, int width, int height);

namespace web {

bool WebBackend::init() {
  ImGui::GetIO().BackendPlatformName = "support_widget_web";
  return web_create_gl_context() > 0 && renderer_.init();
}

WebBackend::FaceMetrics WebBackend::measure_glyphs(const app::GlyphFace& face, const std::vector<char32_t>& code_points,
                                                   std::vector<app::GlyphBox>& boxes) {
  const std::vector<std::uint32_t> cps(code_points.begin(), code_points.end());
  std::vector<float> out(2 + 5 * cps.size());
  web_measure_glyphs(face.family.c_str(), face.bold, face.em_size, cps.data(), int(cps.size()), out.data());
  boxes.resize(cps.size());
  for (std::size_t i = 0; i < cps.size(); ++i) {
    const float* m = &out[2 + 5 * i];
    boxes[i] = {m[0], int(m[1]), int(m[2]), int(m[3]), int(m[4])};
  }
  return {out[0], out[1]};
}

void WebBackend::draw_glyphs(const std::vector<app::GlyphFace>& faces, const std::vector<app::GlyphPlacement>& glyphs,
                             unsigned char* rgba, int width, int height) {
  if (faces.empty()) return;
  std::vector<int> face_list, glyph_list;
  for (const app::GlyphFace& f : faces) face_list.insert(face_list.end(), {int(f.bold), int(f.em_size)});
  for (const app::GlyphPlacement& g : glyphs)
    glyph_list.insert(glyph_list.end(), {g.face, int(g.code_point), g.pen_x, g.pen_y});
  web_draw_glyphs(faces.front().family.c_str(), face_list.data(), int(faces.size()), glyph_list.data(),
                  int(glyphs.size()), rgba, width, height);
}

void WebBackend::fonts_changed() { renderer_.upload_atlas(); }

void WebBackend::render(ImDrawData* data, int framebuffer_width, int framebuffer_height) {
  const ImVec4 bg = ImGui::GetStyle().Colors[ImGuiCol_WindowBg];
  const float background[3] = {bg.x, bg.y, bg.z};
  renderer_.render(data, framebuffer_width, framebuffer_height, background);
}

void WebBackend::set_cursor(const char* name) { web_set_cursor(name); }

double WebBackend::now_ms() { return emscripten_get_now(); }

}  // namespace web
