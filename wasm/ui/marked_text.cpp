#include "marked_text.h"

#include <algorithm>

namespace ui {

namespace {

// ImGui's line height for this font size, plus a little air between wrapped lines.
float line_height_for(float size) { return size + 2.0f; }

struct Placed {
  std::size_t begin, end;  // bytes of one word (no spaces)
  ImVec2 pos;
};

// Breaks at spaces; a word wider than the whole line gets a line of its own (and may overflow,
// which is what ImGui does too).
std::vector<Placed> layout(ImFont* font, float size, float wrap, const std::string& text, float& height) {
  std::vector<Placed> words;
  const float space = font->CalcTextSizeA(size, FLT_MAX, 0, " ").x;
  const float line_height = line_height_for(size);
  float x = 0, y = 0;
  std::size_t i = 0;
  while (i < text.size()) {
    if (text[i] == ' ' || text[i] == '\n') {
      if (text[i] == '\n') { x = 0; y += line_height; }
      ++i;
      continue;
    }
    std::size_t end = text.find_first_of(" \n", i);
    if (end == std::string::npos) end = text.size();
    const float w = font->CalcTextSizeA(size, FLT_MAX, 0, text.c_str() + i, text.c_str() + end).x;
    if (x > 0 && x + space + w > wrap) { x = 0; y += line_height; }
    else if (x > 0) x += space;
    words.push_back({i, end, ImVec2(x, y)});
    x += w;
    i = end;
  }
  height = text.empty() ? 0 : y + line_height;
  return words;
}

}  // namespace

float marked_text_height(ImFont* font, float size, float wrap, const std::string& text) {
  float height = 0;
  layout(font, size, wrap, text, height);
  return height;
}

void draw_marked_text(ImDrawList* dl, ImFont* font, float size, ImVec2 pos, float wrap, const std::string& text,
                      const std::vector<support::TextSpan>& marks, ImU32 color, ImU32 mark, ImU32 line) {
  float height = 0;
  const float line_height = line_height_for(size);
  for (const Placed& w : layout(font, size, wrap, text, height)) {
    const char* base = text.c_str();
    // Marks first, under the glyphs: a span may cover part of a word ("password" in "password?").
    for (const support::TextSpan& m : marks) {
      const std::size_t b = std::max(m.begin, w.begin), e = std::min(m.end, w.end);
      if (b >= e) continue;
      const float x0 = pos.x + w.pos.x + font->CalcTextSizeA(size, FLT_MAX, 0, base + w.begin, base + b).x;
      const float x1 = x0 + font->CalcTextSizeA(size, FLT_MAX, 0, base + b, base + e).x;
      const float top = pos.y + w.pos.y - 1, bottom = pos.y + w.pos.y + line_height - 1;
      dl->AddRectFilled(ImVec2(x0 - 1, top), ImVec2(x1 + 1, bottom), mark, 3.0f);
      dl->AddLine(ImVec2(x0, bottom - 1), ImVec2(x1, bottom - 1), line, 1.5f);
    }
    dl->AddText(font, size, ImVec2(pos.x + w.pos.x, pos.y + w.pos.y), color, base + w.begin, base + w.end);
  }
}

}  // namespace ui
