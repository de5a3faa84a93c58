#pragma once
// The headless backend: the widget app runs natively without a window or GPU. Frames are laid
// out and their draw lists built as in the browser, then counted instead of drawn; the clock is
// the caller's. The screens and the semantic tree are tested through it (tests/ui), and tools
// can use it to walk a configuration the way a customer would.
#include "widget_backend.h"

#include <string>

namespace headless {

class HeadlessBackend final : public app::WidgetBackend {
 public:
  void fonts_changed() override;
  void new_frame() override;
  void render(ImDrawData* data, int framebuffer_width, int framebuffer_height) override;
  void set_cursor(const char* name) override { cursor_ = name; }
  double now_ms() override { return now_ms_; }

  void set_now(double ms) { now_ms_ = ms; }
  const std::string& cursor() const { return cursor_; }
  int vertices_drawn() const { return vertices_; }     // of the last frame
  int atlas_uploads() const { return atlas_uploads_; }  // font atlas rebuilds seen

 private:
  double now_ms_ = 0;
  std::string cursor_ = "default";
  int vertices_ = 0;
  int atlas_uploads_ = 0;
};

}  // namespace headless
