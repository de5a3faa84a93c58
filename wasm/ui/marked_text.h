#pragma once
// Wrapped text with some words marked (the words a KB search matched in an article title), laid
// out word by word so marks sit exactly under their words. ImGui's own wrapping cannot say where
// a word landed, so measuring and drawing share this one layout.
#include "search/highlight.h"

#include <imgui.h>

#include <string>
#include <vector>

namespace ui {

// Height the text takes at `wrap` width with `font` at `size` (CSS pixels).
float marked_text_height(ImFont* font, float size, float wrap, const std::string& text);

// Draws the text at `pos`; each span gets a soft background of `mark` and an underline in `line`.
void draw_marked_text(ImDrawList* dl, ImFont* font, float size, ImVec2 pos, float wrap, const std::string& text,
                      const std::vector<support::TextSpan>& marks, ImU32 color, ImU32 mark, ImU32 line);

}  // namespace ui
