#include "gl_renderer.h"

#include <GLES3/gl3.h>
#include <imgui.h>
#include <imgui_impl_opengl3.h>

extern "C" int web_create_gl_context();

namespace web {

bool gl_init() {
  if (web_create_gl_context() <= 0) return false;
  return ImGui_ImplOpenGL3_Init("#version 300 es");
}

void gl_rebuild_font_texture() {
  ImGui_ImplOpenGL3_DestroyFontsTexture();
  ImGui_ImplOpenGL3_CreateFontsTexture();
}

void gl_render(ImDrawData* data, int framebuffer_w, int framebuffer_h) {
  glViewport(0, 0, framebuffer_w, framebuffer_h);
  ImVec4 bg = ImGui::GetStyle().Colors[ImGuiCol_WindowBg];
  glClearColor(bg.x, bg.y, bg.z, 1.0f);
  glClear(GL_COLOR_BUFFER_BIT);
  ImGui_ImplOpenGL3_RenderDrawData(data);
}

}  // namespace web
