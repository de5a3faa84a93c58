#pragma once
// What the widget app needs from the platform it runs on, and nothing more: a renderer for
// Dear ImGui's draw lists, the glyphs of its text, the mouse cursor, and a clock. Two backends
// implement it, the way Dear ImGui keeps its imgui_impl_* files apart from the library: the
// browser (wasm/web: WebGL2, the browser's own fonts, the canvas's CSS cursor) and a headless one
// (wasm/headless: no pixels, glyphs of fixed made-up sizes, for native tests and tools).
#include <string>
#include <vector>

struct ImDrawData;

namespace app {

// One face of the widget's text: the font family (a CSS font-family list from the
// configuration), bold or regular, and its size (the CSS font-size) in device pixels.
struct GlyphFace {
  std::string family;
  bool bold = false;
  float em_size = 13;
};

// Where a glyph's pixels lie around the pen, which sits on the baseline (y grows downwards),
// and how far the pen moves after it. width/height 0: nothing to draw (a space).
struct GlyphBox {
  float advance = 0;
  int left = 0, top = 0, width = 0, height = 0;
};

// A glyph to draw into the atlas: which face, which character, and the pen's position.
struct GlyphPlacement {
  int face = 0;
  char32_t code_point = 0;
  int pen_x = 0, pen_y = 0;
};

class WidgetBackend {
 public:
  virtual ~WidgetBackend() = default;

  // Measures the face's glyphs for `code_points` (boxes in the same order) and returns the
  // font's own ascent and descent below the baseline (both positive) at that size.
  struct FaceMetrics {
    float ascent = 0, descent = 0;
  };
  virtual FaceMetrics measure_glyphs(const GlyphFace& face, const std::vector<char32_t>& code_points,
                                     std::vector<GlyphBox>& boxes) = 0;
  // Draws the glyphs into an RGBA image (white, coverage in alpha; colour glyphs such as emoji in
  // their own colours), each at its pen position as measure_glyphs placed it.
  virtual void draw_glyphs(const std::vector<GlyphFace>& faces, const std::vector<GlyphPlacement>& glyphs,
                           unsigned char* rgba, int width, int height) = 0;
  // The glyph atlas was built again (more characters, another device pixel ratio): upload it.
  virtual void fonts_changed() = 0;

  // Before ImGui::NewFrame().
  virtual void new_frame() = 0;
  // After ImGui::Render(): put the frame on screen (framebuffer size in device pixels).
  virtual void render(ImDrawData* data, int framebuffer_width, int framebuffer_height) = 0;
  // "default", "text" or "pointer", when it changes.
  virtual void set_cursor(const char* name) = 0;
  // A monotonic clock in milliseconds, for work cut into slices per frame.
  virtual double now_ms() = 0;
};

}  // namespace app
