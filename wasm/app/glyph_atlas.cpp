#include "glyph_atlas.h"

#include "text/utf8_codec.h"

#include <imgui.h>
#include <imgui_internal.h>   // ImFontAtlasBuildInit / ImFontAtlasBuildFinish: ImGui's own last steps

#include <algorithm>
#include <cmath>
#include <cstring>

namespace app {
namespace {

// The faces the screens use (ui::Fonts): body text, bold labels, headings, each by the height of
// its lines in CSS pixels (Dear ImGui's font size). The font itself is drawn a little smaller than
// the line (its CSS font-size), which leaves room between lines whatever the family's own
// ascent and descent are.
struct FaceSpec {
  bool bold;
  float line_height;
};
constexpr FaceSpec kFaces[] = {{false, 15.0f}, {true, 15.0f}, {true, 18.0f}};
constexpr float kEmPerLine = 0.86f;

// Packs rectangles in rows ("shelves") of similar height, tallest first, into a texture
// `width` pixels wide; returns the height used. Glyphs are small and many, so this wastes
// little, and it needs no packing library (ImGui's uses stb_rect_pack, which we do not link).
int pack_in_shelves(ImVector<ImFontAtlasCustomRect>& rects, int width, int padding) {
  std::vector<int> order(rects.Size);
  for (int i = 0; i < rects.Size; ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(), [&](int a, int b) { return rects[a].Height > rects[b].Height; });
  int x = padding, y = padding, shelf_height = 0;
  for (int i : order) {
    ImFontAtlasCustomRect& r = rects[i];
    if (x + r.Width + padding > width) {
      x = padding;
      y += shelf_height + padding;
      shelf_height = 0;
    }
    r.X = static_cast<unsigned short>(x);
    r.Y = static_cast<unsigned short>(y);
    x += r.Width + padding;
    shelf_height = std::max<int>(shelf_height, r.Height);
  }
  return y + shelf_height + padding;
}

// A glyph whose pixels are not all white is a colour glyph (an emoji): ImGui then draws it
// untinted instead of in the text's colour.
bool has_colour(const unsigned char* rgba, int stride, const ImFontAtlasCustomRect& r) {
  for (int y = r.Y; y < r.Y + r.Height; ++y)
    for (int x = r.X; x < r.X + r.Width; ++x) {
      const unsigned char* p = rgba + (std::size_t(y) * stride + x) * 4;
      if (p[3] > 32 && (p[0] < 240 || p[1] < 240 || p[2] < 240)) return true;
    }
  return false;
}

}  // namespace

GlyphAtlas::GlyphAtlas() {
  // Printable ASCII and the ellipsis ImGui uses to cut long texts short; the app adds what the
  // language's texts use before the first frame, the rest comes as it is needed. Every glyph is
  // measured and drawn for three faces, so a small start keeps the first frame quick.
  for (char32_t cp = 0x20; cp < 0x7F; ++cp) wanted_.push_back(cp);
  wanted_.push_back(0x2026);
}

bool GlyphAtlas::want(char32_t cp) {
  if (cp < 0x20 || (cp >= 0x7F && cp < 0xA0) || cp > IM_UNICODE_CODEPOINT_MAX) return false;
  auto at = std::lower_bound(wanted_.begin(), wanted_.end(), cp);
  if (at != wanted_.end() && *at == cp) return false;
  wanted_.insert(at, cp);
  return true;
}

bool GlyphAtlas::want_text(const std::string& text) {
  bool grew = false;
  for (std::size_t i = 0; i < text.size();) {
    if (static_cast<unsigned char>(text[i]) < 0x80) { ++i; continue; }   // ASCII is always there
    grew |= want(support::utf8_next(text, i));
  }
  return grew;
}

bool GlyphAtlas::has(char32_t cp) const { return std::binary_search(built_.begin(), built_.end(), cp); }

bool GlyphAtlas::stale(float dpr, const std::string& family) const {
  return built_dpr_ != dpr || built_family_ != family || built_ != wanted_;
}

ui::Fonts GlyphAtlas::build(WidgetBackend& backend, ImFontAtlas& atlas, float dpr, const std::string& family) {
  atlas.Clear();
  atlas.Flags |= ImFontAtlasFlags_NoMouseCursors;   // the canvas's CSS cursor is the cursor
  std::vector<GlyphFace> faces;
  ImFont* fonts[3] = {};
  std::vector<GlyphBox> boxes;
  for (int f = 0; f < 3; ++f) {
    const float line = kFaces[f].line_height * dpr;
    faces.push_back({family, kFaces[f].bold, std::round(line * kEmPerLine)});
    const auto metrics = backend.measure_glyphs(faces.back(), wanted_, boxes);
    ImFont* font = IM_NEW(ImFont);
    atlas.Fonts.push_back(font);
    font->ContainerAtlas = &atlas;
    font->FontSize = line;
    // The baseline divides the line as the font's own ascent and descent divide theirs.
    const float em_line = metrics.ascent + metrics.descent;
    font->Ascent = std::round(em_line > 0 ? line * metrics.ascent / em_line : line * 0.8f);
    font->Descent = font->Ascent - line;
    fonts[f] = font;
    for (std::size_t i = 0; i < wanted_.size() && i < boxes.size(); ++i) {
      const GlyphBox& b = boxes[i];
      // A blank glyph (a space) still needs a rectangle for its advance: 1x1, transparent.
      atlas.AddCustomRectFontGlyph(font, ImWchar(wanted_[i]), std::max(b.width, 1), std::max(b.height, 1), b.advance,
                                   ImVec2(float(b.left), font->Ascent + float(b.top)));
    }
  }
  ImFontAtlasBuildInit(&atlas);   // the white pixel and the anti-aliased line strips

  // A texture wide enough for a squarish result, in steps of 256 pixels.
  long area = 0;
  for (const ImFontAtlasCustomRect& r : atlas.CustomRects) area += long(r.Width + 1) * (r.Height + 1);
  int width = 256;
  while (long(width) * width < area * 5 / 4 && width < 4096) width *= 2;
  const int padding = atlas.TexGlyphPadding;
  const int height = pack_in_shelves(atlas.CustomRects, width, padding);
  atlas.TexWidth = width;
  atlas.TexHeight = height;
  atlas.TexUvScale = ImVec2(1.0f / float(width), 1.0f / float(height));
  atlas.TexPixelsRGBA32 = static_cast<unsigned int*>(IM_ALLOC(std::size_t(width) * height * 4));
  std::memset(atlas.TexPixelsRGBA32, 0, std::size_t(width) * height * 4);

  std::vector<GlyphPlacement> placements;
  for (const ImFontAtlasCustomRect& r : atlas.CustomRects) {
    if (!r.Font) continue;
    const int face = int(std::find(std::begin(fonts), std::end(fonts), r.Font) - std::begin(fonts));
    // The rectangle's corner is the glyph box's: the pen is `left`/`top` away from it.
    const int pen_x = int(r.X) - int(r.GlyphOffset.x);
    const int pen_y = int(r.Y) - int(r.GlyphOffset.y - r.Font->Ascent);
    placements.push_back({face, char32_t(r.GlyphID), pen_x, pen_y});
  }
  unsigned char* rgba = reinterpret_cast<unsigned char*>(atlas.TexPixelsRGBA32);
  backend.draw_glyphs(faces, placements, rgba, width, height);
  ImFontAtlasBuildFinish(&atlas);   // glyphs into the fonts, lookup tables, TexReady

  for (const ImFontAtlasCustomRect& r : atlas.CustomRects)
    if (r.Font)
      if (auto* glyph = const_cast<ImFontGlyph*>(r.Font->FindGlyphNoFallback(ImWchar(r.GlyphID))))
        glyph->Colored = has_colour(rgba, width, r);
  atlas.TexPixelsUseColors = true;
  built_ = wanted_;
  built_dpr_ = dpr;
  built_family_ = family;
  ++builds_;
  return {fonts[0], fonts[1], fonts[2]};
}

}  // namespace app
