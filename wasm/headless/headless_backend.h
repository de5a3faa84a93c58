#pragma once
// The headless backend: the widget app runs natively without a window, GPU or fonts. Frames are
// laid out and their draw lists built as in the browser, then counted instead of drawn; glyphs
// have made-up sizes (half the line height wide, full width for East Asian characters), so
// layout is deterministic on every machine; the clock is the caller's. The screens and the
// semantic tree are tested through it (tests/ui), and tools can use it to walk a configuration
// the way a customer would.
#include "widget_backend.h"

#include <imgui.h>

#include <string>
#include <vector>

namespace headless {

class HeadlessBackend final : public app::WidgetBackend {
 public:
  FaceMetrics measure_glyphs(const app::GlyphFace& face, const std::vector<char32_t>& code_points,
                             std::vector<app::GlyphBox>& boxes) override;
  void draw_glyphs(const std::vector<app::GlyphFace>& faces, const std::vector<app::GlyphPlacement>& glyphs,
                   unsigned char* rgba, int width, int height) override;
  void fonts_changed() override;
  void new_frame() override {}
  void render(ImDrawData* data, int framebuffer_width, int framebuffer_height) override;
  void set_cursor(const char* name) override { cursor_ = name; }
  double now_ms() override { return now_ms_; }

  void set_now(double ms) { now_ms_ = ms; }
  const std::string& cursor() const { return cursor_; }
  int vertices_drawn() const { return vertices_; }     // of the last frame
  int vertices_coloured(ImU32 colour) const;          // of the last frame, of exactly that colour
  int atlas_uploads() const { return atlas_uploads_; }  // glyph atlas builds seen
  const std::string& font_family() const { return family_; }   // of the last glyphs drawn

 private:
  double now_ms_ = 0;
  std::string cursor_ = "default";
  std::string family_;
  int vertices_ = 0;
  std::vector<ImU32> vertex_colours_;   // of the last frame, in draw order
  int atlas_uploads_ = 0;
};

}  // namespace headless
