#pragma once
// What the widget app needs from the platform it runs on, and nothing more: a renderer for
// Dear ImGui's draw lists, the mouse cursor, and a clock. Two backends implement it, the way Dear
// ImGui keeps its imgui_impl_* files apart from the library: the browser (wasm/web: WebGL2 and the
// canvas's CSS cursor) and a headless one (wasm/headless: no pixels, for native tests and tools).
struct ImDrawData;

namespace app {

class WidgetBackend {
 public:
  virtual ~WidgetBackend() = default;
  // The font atlas was rebuilt (new fonts, another device pixel ratio): upload it again.
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
