#pragma once
// Draws Dear ImGui's draw lists with WebGL2 (OpenGL ES 3.0 through Emscripten), and keeps the
// glyph atlas as a texture. Written for this widget instead of linking imgui_impl_opengl3: that
// backend reads the atlas through ImFontAtlas::GetTexDataAsRGBA32, which pulls stb_truetype and
// ImGui's built-in font into the wasm (the widget's glyphs come from the browser), and it saves
// and restores GL state that nothing else on this context touches.
struct ImDrawData;

namespace web {

class WebRenderer {
 public:
  bool init();                   // on the current WebGL2 context; false if a shader fails
  void upload_atlas();           // ImGui's font atlas (RGBA) as the texture, again after each build
  // Clears to `background` (RGB, 0..1) and draws the frame.
  void render(ImDrawData* data, int framebuffer_width, int framebuffer_height, const float background[3]);

 private:
  unsigned program_ = 0, vao_ = 0, vertex_buffer_ = 0, index_buffer_ = 0, atlas_texture_ = 0;
  int projection_location_ = -1;
};

}  // namespace web
