#pragma once
// WebGL2 through Dear ImGui's own OpenGL3 backend: context creation, font texture, drawing.
struct ImDrawData;

namespace web {

bool gl_init();                       // creates the WebGL2 context on Module.canvas
void gl_rebuild_font_texture();       // after the font atlas changed (new DPR)
void gl_render(ImDrawData* data, int framebuffer_w, int framebuffer_h);

}  // namespace web
