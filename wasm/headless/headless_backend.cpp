#include "headless_backend.h"

#include <imgui.h>

namespace headless {

// A renderer would upload the atlas as a texture; here it only has to exist, so ImGui's
// "font atlas not built" check passes and text is laid out with the real glyph metrics.
void HeadlessBackend::fonts_changed() {
  unsigned char* pixels = nullptr;
  int width = 0, height = 0;
  ImGui::GetIO().Fonts->GetTexDataAsAlpha8(&pixels, &width, &height);
  ImGui::GetIO().Fonts->SetTexID(reinterpret_cast<ImTextureID>(static_cast<intptr_t>(1)));
  ++atlas_uploads_;
}

void HeadlessBackend::new_frame() {
  if (!ImGui::GetIO().Fonts->IsBuilt()) fonts_changed();
}

void HeadlessBackend::render(ImDrawData* data, int, int) {
  vertices_ = data ? data->TotalVtxCount : 0;
}

}  // namespace headless
