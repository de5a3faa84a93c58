#pragma once
// The widget's drawing vocabulary: thin wrappers over Dear ImGui that also publish each item to
// the semantic layer (role, name, value, state, rectangle). Screens use only these, so every
// interactive item is reachable by keyboard, screen reader and tests.
//
// Text fields are special: the real editor is the mirrored DOM <input>/<textarea>, laid visibly
// over the frame ImGui draws, so IME, mobile keyboards, autofill, spell-check and selection are
// the browser's own. ImGui draws the label, frame, focus ring and error.
#include "semantic_tree.h"

#include "search/highlight.h"

#include <imgui.h>

#include <optional>
#include <string>
#include <vector>

namespace ui {

struct Fonts {
  ImFont* body = nullptr;
  ImFont* bold = nullptr;
  ImFont* heading = nullptr;
};

// Per-frame drawing state shared by the wrappers (one widget instance per wasm module).
struct DrawContext {
  SemanticTree* tree = nullptr;
  Fonts fonts;
  bool focus_visible = false;        // last interaction was the keyboard: show focus rings
  std::optional<float> dom_scroll;   // scroll position the DOM asked for this frame
  // Set by begin_scroll_region: where the scrolling content starts on screen, and its scroll.
  bool in_scroll = false;
  ImVec2 scroll_origin{0, 0};
  float scroll_y = 0;
  ImVec2 scroll_region_pos{0, 0}, scroll_region_size{0, 0};
  float content_height = 0;
  uint32_t first_heading = 0;        // the screen's first heading in the scroll region: focus goes there
  // Code points of this frame's text that the fonts' atlas has no glyph for (drawn as "?"); the
  // app builds the atlas again with those the font covers (wasm/app/widget_app.cpp).
  std::vector<char32_t> missing_glyphs;
};
DrawContext& draw_context();

enum class ButtonKind { Primary, Secondary, Quiet, OnAccent /* on the brand-coloured header */ };

bool button(const std::string& label, ButtonKind kind = ButtonKind::Primary, bool disabled = false,
            float width = 0 /* 0: fit text; -1: full width */);
// A row-sized choice with a title and an optional one-line description under it.
bool choice(const std::string& title, const std::string& description = "",
            const std::vector<support::TextSpan>& title_marks = {});
void link(const std::string& label, const std::string& url);
// A button that opens the browser's file chooser: the mirror lays a real <input type=file
// multiple accept=...> over it, so keyboard and screen readers get the native control. The files
// chosen go to the glue (shell/widget-host.js), never through ImGui.
void file_picker_button(const std::string& label, const std::string& accept);
// Adds an accessible description to the item drawn last (e.g. which file a "Remove" removes).
void describe_last_item(const std::string& description);

struct FieldSpec {
  std::string id;           // unique per screen, e.g. "email"
  std::string label;
  std::string input_type = "text";   // "text", "email", "textarea"
  std::string autocomplete;          // "name", "email", ...
  std::string hint;                  // help text under the label
  std::string error;                 // shown under the field, announced with it
  std::string optional_note;         // "(optional)" beside the label of a field that is not required
  bool required = false;
  bool read_only = false;            // filled in and locked by the page (SupportWidget prefill)
  int max_length = 0;                // 0: none; shows a counter near the limit
  float rows = 1;                    // textarea height in text rows
};
// Returns true when the text changed this frame.
bool text_field(const FieldSpec& spec, std::string& value);

// The panel's title in the header: it names the dialog (not a heading: the host page has its own).
// wrap_at: window x where lines break (0: the window's right edge).
void panel_title(const std::string& text, float wrap_at = 0.0f);
// Levels start at 2: the widget sits inside a host page that has its own h1. wrap_at as above.
void heading(const std::string& text, int level = 2, float wrap_at = 0.0f);
void paragraph(const std::string& text, bool muted = false);
void bullet(const std::string& text);     // consecutive bullets are one list for screen readers
void status(const std::string& text);   // polite live region (e.g. "Ticket 1042 created")
void alert(const std::string& text);    // an error for the whole screen
void spacing(float px);
void announce(const std::string& text);   // said politely by screen readers, nothing drawn

// Two columns of equal width side by side, each as tall as its content; the next item goes below
// the taller one. Text and full-width controls inside a column wrap at its right edge.
//   SideBySide columns(16); columns.left(); ...; columns.right(); ...; columns.end();
class SideBySide {
 public:
  explicit SideBySide(float gap);
  void left();
  void right();
  void end();

 private:
  void close_column();
  float gap_, width_, top_, left_x_, bottom_ = 0, work_max_x_ = 0, content_max_x_ = 0;
  int open_ = -1;  // the column being drawn, -1: none
};

// The scrolling part of the panel. The DOM mirror scrolls it natively (wheel, touch, focus).
void begin_scroll_region(const char* id, ImVec2 size);
void end_scroll_region();

}  // namespace ui
