#pragma once
// The widget's glyph atlas: Dear ImGui's font atlas filled with glyphs the platform draws
// (the browser's own fonts, so every script the customer's system has is drawn, and no font file
// is downloaded). It holds only the characters the widget has needed so far: printable ASCII
// from the start, then each character a text about to be drawn needs (the texts of the
// language, a KB article, a subject the customer typed); the app builds it again before a frame
// would show a character it lacks.
#include "widget_backend.h"
#include "widgets.h"   // ui::Fonts: the faces the screens draw with

#include <string>
#include <vector>

struct ImFontAtlas;

namespace app {

class GlyphAtlas {
 public:
  GlyphAtlas();

  // Asks for a character; true when it is new (the atlas is then stale until the next build).
  // Characters Dear ImGui cannot index (beyond U+FFFF) and control characters are never wanted.
  bool want(char32_t code_point);
  bool want_text(const std::string& utf8);   // every character of a text; true if one was new
  bool has(char32_t code_point) const;       // in the atlas as last built
  // Built for another density or family, or characters were wanted since the last build.
  bool stale(float device_pixel_ratio, const std::string& family) const;

  // Builds ImGui's atlas (`atlas`, cleared first) at device pixels: the three faces of the family
  // (body 15 px, bold 15 px, heading 18 px bold), every wanted character, packed into one RGBA
  // texture the backend draws. The backend uploads it.
  ui::Fonts build(WidgetBackend& backend, ImFontAtlas& atlas, float device_pixel_ratio, const std::string& family);

  int builds() const { return builds_; }

 private:
  std::vector<char32_t> wanted_;  // sorted
  std::vector<char32_t> built_;   // sorted: what the atlas holds
  float built_dpr_ = 0;
  std::string built_family_;
  int builds_ = 0;
};

}  // namespace app
