#pragma once
// The browser backend: WebGL2 on the canvas that widget-host.js hands in (web_renderer), glyphs
// drawn by the browser's own fonts on a 2D canvas (web_library.js), the canvas's CSS cursor, and
// the page's clock.
#include "web_renderer.h"
#include "widget_backend.h"

namespace web {

class WebBackend final : public app::WidgetBackend {
 public:
  bool init();   // takes the WebGL2 context made for Module.canvas; false without WebGL2
  FaceMetrics measure_glyphs(const app::GlyphFace& face, const std::vector<char32_t>& code_points,
                             std::vector<app::GlyphBox>& boxes) override;
  void draw_glyphs(const std::vector<app::GlyphFace>& faces, const std::vector<app::GlyphPlacement>& glyphs,
                   unsigned char* rgba, int width, int height) override;
  void fonts_changed() override;
  void new_frame() override {}
  void render(ImDrawData* data, int framebuffer_width, int framebuffer_height) override;
  void set_cursor(const char* name) override;
  double now_ms() override;

 private:
  WebRenderer renderer_;
};

}  // namespace web
