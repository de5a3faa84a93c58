#pragma once
// The browser backend: WebGL2 through Dear ImGui's own OpenGL3 backend on the canvas that
// widget-host.js hands in, the canvas's CSS cursor, and the page's clock.
#include "widget_backend.h"

namespace web {

class WebBackend final : public app::WidgetBackend {
 public:
  bool init();   // creates the WebGL2 context on Module.canvas; false without WebGL2
  void fonts_changed() override;
  void new_frame() override;
  void render(ImDrawData* data, int framebuffer_width, int framebuffer_height) override;
  void set_cursor(const char* name) override;
  double now_ms() override;
};

}  // namespace web
