#include "web_backend.h"

#include <GLES3/gl3.h>
#include <emscripten/emscripten.h>
#include <imgui.h>
#include <imgui_impl_opengl3.h>

extern "C" int web_create_gl_context();
extern "C" void web_set_cursor(const char* name);

namespace web {

bool WebBackend::init() {
  ImGui::GetIO().BackendPlatformName = "support_widget_web";
  if (web_create_gl_context() <= 0) return false;
  return ImGui_ImplOpenGL3_Init("#version 300 es");
}

void WebBackend::fonts_changed() {
  ImGui_ImplOpenGL3_DestroyFontsTexture();
  ImGui_ImplOpenGL3_CreateFontsTexture();
}

void WebBackend::new_frame() { ImGui_ImplOpenGL3_NewFrame(); }

void WebBackend::render(ImDrawData* data, int framebuffer_width, int framebuffer_height) {
  glViewport(0, 0, framebuffer_width, framebuffer_height);
  ImVec4 bg = ImGui::GetStyle().Colors[ImGuiCol_WindowBg];
  glClearColor(bg.x, bg.y, bg.z, 1.0f);
  glClear(GL_COLOR_BUFFER_BIT);
  ImGui_ImplOpenGL3_RenderDrawData(data);
}

void WebBackend::set_cursor(const char* name) { web_set_cursor(name); }

double WebBackend::now_ms() { return emscripten_get_now(); }

}  // namespace web
