#include "widgets.h"

#include "marked_text.h"
#include "theme.h"
#include "text/utf8_codec.h"

#include <imgui_internal.h>

#include <algorithm>
#include <cstring>

namespace ui {
namespace {

using Kind = SemanticInput::Kind;

// Records the last item in the semantic tree, in the coordinates the DOM mirror uses.
SemanticItem& publish(SemanticItem item, ImVec2 min, ImVec2 max) {
  DrawContext& dc = draw_context();
  if (dc.in_scroll) {
    item.layer = Layer::Scroll;
    item.x = min.x - dc.scroll_origin.x;
    item.y = min.y - dc.scroll_origin.y + dc.scroll_y;
  } else {
    item.layer = Layer::Fixed;
    item.x = min.x;
    item.y = min.y;
  }
  item.w = max.x - min.x;
  item.h = max.y - min.y;
  dc.tree->add(std::move(item));
  return const_cast<SemanticItem&>(dc.tree->items().back());
}

// Notes the characters of a text about to be drawn that the atlas has no glyph for (see
// DrawContext::missing_glyphs). The three fonts share one set of glyph ranges: body stands for all.
void need_glyphs(const std::string& text) {
  const ImFont* font = draw_context().fonts.body;
  if (!font) return;
  for (std::size_t i = 0; i < text.size();) {
    if (static_cast<unsigned char>(text[i]) < 0x80) { ++i; continue; }
    const char32_t cp = support::utf8_next(text, i);
    if (cp > IM_UNICODE_CODEPOINT_MAX || !font->FindGlyphNoFallback(ImWchar(cp))) draw_context().missing_glyphs.push_back(cp);
  }
}

bool has_focus(ImGuiID id) { return draw_context().tree->dom_focus() == id; }

// An interactive item for the semantic tree: the fields every focusable item has.
SemanticItem interactive_item(ImGuiID id, Role role, std::string name) {
  SemanticItem item;
  item.id = id;
  item.role = role;
  item.name = std::move(name);
  item.focused = has_focus(id);
  return item;
}

bool activated_from_dom(ImGuiID id) {
  bool hit = false;
  for (const auto& in : draw_context().tree->take_inputs_for(id)) hit |= in.kind == Kind::Activate;
  return hit;
}

// One focus ring everywhere, in the colour that stands out from what it sits on (the brand band
// in the header, the panel elsewhere).
void focus_ring(ImGuiID id, ImVec2 min, ImVec2 max, bool on_accent = false) {
  if (!has_focus(id) || !draw_context().focus_visible) return;
  ImGui::GetWindowDrawList()->AddRect(ImVec2(min.x - 3, min.y - 3), ImVec2(max.x + 3, max.y + 3),
                                      on_accent ? theme().focus_ring_on_accent : theme().focus_ring,
                                      theme().rounding + 2, 0, 2.0f);
}

std::string visible_label(const std::string& label) {
  auto pos = label.find("##");
  return pos == std::string::npos ? label : label.substr(0, pos);
}

}  // namespace

DrawContext& draw_context() {
  static DrawContext context;
  return context;
}

bool button(const std::string& label, ButtonKind kind, bool disabled, float width) {
  const Theme& t = theme();
  ImU32 bg = t.accent, bg_hover = t.accent_hover, fg = t.accent_text;
  if (kind == ButtonKind::Secondary) { bg = t.secondary_bg; bg_hover = t.secondary_hover; fg = t.text; }
  if (kind == ButtonKind::Quiet) { bg = IM_COL32(0, 0, 0, 0); bg_hover = t.surface_alt; fg = t.link; }
  if (kind == ButtonKind::OnAccent) { bg = IM_COL32(0, 0, 0, 0); bg_hover = t.accent_hover; fg = t.accent_text; }
  ImGui::PushStyleColor(ImGuiCol_Button, bg);
  ImGui::PushStyleColor(ImGuiCol_ButtonHovered, bg_hover);
  ImGui::PushStyleColor(ImGuiCol_ButtonActive, bg_hover);
  ImGui::PushStyleColor(ImGuiCol_Text, fg);
  if (disabled) ImGui::PushStyleVar(ImGuiStyleVar_Alpha, 0.55f);
  ImVec2 size(width < 0 ? ImGui::GetContentRegionAvail().x : width, 0);
  // A label wider than a sized button (long words in German, a 320 px phone) wraps onto more
  // lines instead of being cut off; ImGui's own button label is one line.
  const std::string shown = visible_label(label);
  need_glyphs(shown);
  const ImVec2 pad = ImGui::GetStyle().FramePadding;
  const float wrap = size.x - 2 * pad.x;
  const bool wraps = size.x > 0 && wrap > 0 && ImGui::CalcTextSize(shown.c_str()).x > wrap;
  bool pressed = false;
  if (wraps) {
    const ImVec2 text = ImGui::CalcTextSize(shown.c_str(), nullptr, false, wrap);
    size.y = text.y + 2 * pad.y;
    ImGui::PushID(label.c_str());
    pressed = ImGui::Button("##wrapped", size) && !disabled;
    ImGui::PopID();
    const ImVec2 at = ImGui::GetItemRectMin();
    ImGui::GetWindowDrawList()->AddText(ImGui::GetFont(), ImGui::GetFontSize(), ImVec2(at.x + pad.x, at.y + pad.y),
                                        ImGui::GetColorU32(ImGuiCol_Text), shown.c_str(), nullptr, wrap);
  } else {
    pressed = ImGui::Button(label.c_str(), size) && !disabled;
  }
  if (disabled) ImGui::PopStyleVar();
  ImGui::PopStyleColor(4);
  ImGuiID id = ImGui::GetItemID();
  pressed |= activated_from_dom(id) && !disabled;
  // A secondary button's fill is close to the panel's: its edge is what makes it a button (3:1).
  if (kind == ButtonKind::Secondary)
    ImGui::GetWindowDrawList()->AddRect(ImGui::GetItemRectMin(), ImGui::GetItemRectMax(), t.secondary_border,
                                        t.rounding, 0, 1.0f);
  focus_ring(id, ImGui::GetItemRectMin(), ImGui::GetItemRectMax(), kind == ButtonKind::OnAccent);
  SemanticItem item = interactive_item(id, Role::Button, shown);
  item.disabled = disabled;
  publish(std::move(item), ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
  return pressed;
}

void file_picker_button(const std::string& label, const std::string& accept) {
  button(label, ButtonKind::Secondary);
  SemanticItem& item = const_cast<SemanticItem&>(draw_context().tree->items().back());
  item.role = Role::FilePicker;
  item.value = accept;
}

void describe_last_item(const std::string& description) {
  const auto& items = draw_context().tree->items();
  if (!items.empty()) const_cast<SemanticItem&>(items.back()).description = description;
}

bool choice(const std::string& title, const std::string& description, const std::vector<support::TextSpan>& title_marks) {
  const Theme& t = theme();
  ImGuiWindow* window = ImGui::GetCurrentWindow();
  const float width = ImGui::GetContentRegionAvail().x;
  const float pad = 12.0f;
  const float wrap = width - 2 * pad - 16;
  ImFont* bold = draw_context().fonts.bold;
  // Fonts are rasterised at device pixels; draw them at their CSS size.
  const float bold_size = bold->FontSize * ImGui::GetIO().FontGlobalScale;
  need_glyphs(title);
  need_glyphs(description);
  ImVec2 title_size = title_marks.empty() ? bold->CalcTextSizeA(bold_size, FLT_MAX, wrap, title.c_str())
                                          : ImVec2(wrap, marked_text_height(bold, bold_size, wrap, title));
  ImVec2 desc_size(0, 0);
  if (!description.empty())
    desc_size = ImGui::GetFont()->CalcTextSizeA(ImGui::GetFontSize(), FLT_MAX, wrap, description.c_str());
  ImVec2 size(width, title_size.y + (description.empty() ? 0 : desc_size.y + 4) + 2 * pad);
  ImVec2 pos = window->DC.CursorPos;
  bool pressed = ImGui::InvisibleButton(title.c_str(), size);
  ImGuiID id = ImGui::GetItemID();
  pressed |= activated_from_dom(id);
  bool hovered = ImGui::IsItemHovered();
  ImDrawList* dl = ImGui::GetWindowDrawList();
  dl->AddRectFilled(pos, ImVec2(pos.x + size.x, pos.y + size.y), hovered ? t.surface_alt : t.surface, t.rounding);
  dl->AddRect(pos, ImVec2(pos.x + size.x, pos.y + size.y), hovered ? t.accent : t.border, t.rounding, 0, 1.0f);
  if (title_marks.empty()) {
    dl->AddText(bold, bold_size, ImVec2(pos.x + pad, pos.y + pad), t.text, title.c_str(), nullptr, wrap);
  } else {
    draw_marked_text(dl, bold, bold_size, ImVec2(pos.x + pad, pos.y + pad), wrap, title, title_marks, t.text,
                     t.mark_bg, t.mark_text);
  }
  if (!description.empty())
    dl->AddText(ImGui::GetFont(), ImGui::GetFontSize(), ImVec2(pos.x + pad, pos.y + pad + title_size.y + 4), t.muted,
                description.c_str(), nullptr, wrap);
  // A chevron says "this leads somewhere".
  float cy = pos.y + size.y / 2, cx = pos.x + size.x - pad - 4;
  dl->AddLine(ImVec2(cx - 4, cy - 5), ImVec2(cx + 1, cy), t.muted, 2.0f);
  dl->AddLine(ImVec2(cx + 1, cy), ImVec2(cx - 4, cy + 5), t.muted, 2.0f);
  focus_ring(id, pos, ImVec2(pos.x + size.x, pos.y + size.y));
  SemanticItem item = interactive_item(id, Role::Button, title);
  item.description = description;
  publish(std::move(item), pos, ImVec2(pos.x + size.x, pos.y + size.y));
  return pressed;
}

void link(const std::string& label, const std::string& url) {
  const Theme& t = theme();
  need_glyphs(label);
  ImGui::PushStyleColor(ImGuiCol_Text, t.link);
  ImGui::PushTextWrapPos(0.0f);
  ImGui::TextUnformatted(label.c_str());
  ImGui::PopTextWrapPos();
  ImGui::PopStyleColor();
  ImVec2 min = ImGui::GetItemRectMin(), max = ImGui::GetItemRectMax();
  ImGui::GetWindowDrawList()->AddLine(ImVec2(min.x, max.y), ImVec2(max.x, max.y), t.link, 1.0f);
  if (ImGui::IsItemHovered()) ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
  ImGuiID id = ImGui::GetID(("link:" + url + label).c_str());
  // A line of text is 15-18 px high; the target the mirror publishes is at least 24 px (WCAG 2.5.8),
  // grown evenly into the item spacing around it.
  constexpr float kMinTarget = 24.0f;
  if (max.y - min.y < kMinTarget) {
    const float grow = (kMinTarget - (max.y - min.y)) / 2;
    min.y -= grow;
    max.y += grow;
  }
  focus_ring(id, min, max);
  SemanticItem item = interactive_item(id, Role::Link, label);
  item.value = url;   // the mirrored <a> opens it: a real link, new tab, middle-click and all
  publish(std::move(item), min, max);
}

bool text_field(const FieldSpec& spec, std::string& value) {
  const Theme& t = theme();
  ImGui::PushID(spec.id.c_str());
  for (const std::string* text : {&spec.label, &spec.optional_note, &spec.hint, &spec.error}) need_glyphs(*text);
  // Label (and "required" mark) above the field: easier to read than ImGui's label-on-the-right.
  ImGui::PushFont(draw_context().fonts.bold);
  ImGui::TextUnformatted(spec.label.c_str());
  ImGui::PopFont();
  if (!spec.required && !spec.optional_note.empty()) {
    ImGui::SameLine();
    ImGui::TextDisabled("%s", spec.optional_note.c_str());
  }
  if (!spec.hint.empty()) {
    ImGui::PushStyleColor(ImGuiCol_Text, t.muted);
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextUnformatted(spec.hint.c_str());
    ImGui::PopTextWrapPos();
    ImGui::PopStyleColor();
  }
  const bool multiline = spec.input_type == "textarea";
  const float line = ImGui::GetTextLineHeight();
  const ImVec2 pad = ImGui::GetStyle().FramePadding;
  ImVec2 size(ImGui::GetContentRegionAvail().x, (multiline ? line * spec.rows : line) + pad.y * 2);
  ImGui::InvisibleButton("field", size);
  ImGuiID id = ImGui::GetItemID();
  ImVec2 min = ImGui::GetItemRectMin(), max = ImGui::GetItemRectMax();

  bool changed = false;
  int sel_start = int(support::utf16_length(value)), sel_end = sel_start;
  for (auto& in : draw_context().tree->take_inputs_for(id)) {
    if (in.kind != SemanticInput::Kind::SetText || spec.read_only) continue;
    if (in.text != value) { value = std::move(in.text); changed = true; }
    sel_start = in.selection_start;
    sel_end = in.selection_end;
  }

  const bool focused = has_focus(id);
  const bool invalid = !spec.error.empty();
  ImDrawList* dl = ImGui::GetWindowDrawList();
  dl->AddRectFilled(min, max, spec.read_only ? t.surface_alt : t.field_bg, t.rounding);
  ImU32 border = invalid ? t.error : focused ? t.accent : t.border;
  dl->AddRect(min, max, border, t.rounding, 0, focused || invalid ? 2.0f : 1.0f);
  // An invalid field's border is the error colour: its focus shows as the ring around it.
  if (focused && invalid)
    dl->AddRect(ImVec2(min.x - 3, min.y - 3), ImVec2(max.x + 3, max.y + 3), t.focus_ring, t.rounding + 2, 0, 2.0f);
  if (ImGui::IsItemHovered()) ImGui::SetMouseCursor(ImGuiMouseCursor_TextInput);
  // The text itself is drawn by the mirrored DOM field on top of this frame.

  if (invalid) {
    ImGui::PushStyleColor(ImGuiCol_Text, t.error);
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextUnformatted(spec.error.c_str());
    ImGui::PopTextWrapPos();
    ImGui::PopStyleColor();
  }
  if (spec.max_length > 0) {
    int used = int(support::utf16_length(value));
    if (used > spec.max_length * 8 / 10) {
      ImGui::PushStyleColor(ImGuiCol_Text, used > spec.max_length ? t.error : t.muted);
      ImGui::Text("%d / %d", used, spec.max_length);
      ImGui::PopStyleColor();
    }
  }

  SemanticItem item = interactive_item(id, multiline ? Role::TextArea : Role::TextBox, spec.label);
  item.value = value;
  item.description = spec.error.empty() ? spec.hint : spec.error;
  item.input_type = multiline ? "" : spec.input_type;
  item.autocomplete = spec.autocomplete;
  item.selection_start = sel_start;
  item.selection_end = sel_end;
  item.focused = focused;
  item.invalid = invalid;
  item.required = spec.required;
  item.read_only = spec.read_only;
  publish(std::move(item), min, max);
  ImGui::PopID();
  return changed;
}

void heading(const std::string& text, int level, float wrap_at) {
  need_glyphs(text);
  ImGui::PushFont(level <= 2 ? draw_context().fonts.heading : draw_context().fonts.bold);
  ImGui::PushTextWrapPos(wrap_at);
  ImGui::TextUnformatted(text.c_str());
  ImGui::PopTextWrapPos();
  ImGui::PopFont();
  SemanticItem item;
  item.id = ImGui::GetID(("h:" + text).c_str());
  DrawContext& dc = draw_context();
  if (dc.in_scroll && !dc.first_heading) dc.first_heading = item.id;
  item.role = Role::Heading;
  item.name = text;
  item.level = level;
  publish(std::move(item), ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
}

void panel_title(const std::string& text, float wrap_at) {
  need_glyphs(text);
  ImGui::PushFont(draw_context().fonts.heading);
  ImGui::PushTextWrapPos(wrap_at);
  ImGui::TextUnformatted(text.c_str());
  ImGui::PopTextWrapPos();
  ImGui::PopFont();
  SemanticItem item;
  item.id = ImGui::GetID(("title:" + text).c_str());
  item.role = Role::Text;
  item.name = text;
  publish(std::move(item), ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
  draw_context().tree->set_title(text);
}

// Where the first web address in a text is ("Tutorial: https://…"), so the mirror can make it a
// real link inside the text and the canvas can draw it as one; empty when there is none.
static support::TextSpan web_address_in(const std::string& text) {
  std::size_t at = text.find("https://");
  if (at == std::string::npos) at = text.find("http://");
  if (at == std::string::npos) return {0, 0};
  std::size_t end = text.find_first_of(" \t\n", at);
  if (end == std::string::npos) end = text.size();
  while (end > at && std::string(".,;:!?)").find(text[end - 1]) != std::string::npos) --end;
  return {at, end};
}

// Wrapped text with one span (a web address) in the link colour and underlined. The lines break
// exactly where ImGui's TextUnformatted breaks them (the loop of ImFont::RenderText), so the item
// takes the same room and the address sits where the mirror's <a> is.
static void wrapped_text_with_link(const std::string& text, support::TextSpan link, ImU32 color) {
  ImGuiWindow* window = ImGui::GetCurrentWindow();
  ImFont* font = ImGui::GetFont();
  const float size = ImGui::GetFontSize(), scale = size / font->FontSize;
  const ImVec2 pos(window->DC.CursorPos.x, window->DC.CursorPos.y + window->DC.CurrLineTextBaseOffset);
  const float wrap = ImGui::CalcWrapWidthForPos(window->DC.CursorPos, window->DC.TextWrapPos);
  const char* const base = text.c_str();
  const char* const end = base + text.size();
  const char* const link_begin = base + link.begin;
  const char* const link_end = base + link.end;
  ImDrawList* dl = window->DrawList;
  const ImU32 link_color = theme().link;
  float y = 0;
  // One line's bytes, drawn as up to three runs: before, inside and after the address.
  auto draw_line = [&](const char* b, const char* e) {
    const char* cuts[] = {b, std::clamp(link_begin, b, e), std::clamp(link_end, b, e), e};
    float x = 0;
    for (int i = 0; i < 3; ++i) {
      if (cuts[i] == cuts[i + 1]) continue;
      const float w = font->CalcTextSizeA(size, FLT_MAX, 0.0f, cuts[i], cuts[i + 1]).x;
      const ImVec2 at(pos.x + x, pos.y + y);
      dl->AddText(font, size, at, i == 1 ? link_color : color, cuts[i], cuts[i + 1]);
      if (i == 1) dl->AddLine(ImVec2(at.x, at.y + size), ImVec2(at.x + w, at.y + size), link_color, 1.0f);
      x += w;
    }
  };
  const char* s = base;
  const char* eol = nullptr;
  while (s < end) {
    if (!eol) {
      eol = font->CalcWordWrapPositionA(scale, s, end, wrap);
      if (eol == s) {   // not even one character fits: it gets the line anyway, as in ImGui
        unsigned int c = 0;
        eol = s + std::max(1, ImTextCharFromUtf8(&c, s, end));
      }
    }
    if (s >= eol) {   // a wrap: the blanks it lands on are skipped, and one newline
      y += size;
      eol = nullptr;
      while (s < end && ImCharIsBlankA(*s)) ++s;
      if (s < end && *s == '\n') ++s;
      continue;
    }
    const char* newline = static_cast<const char*>(std::memchr(s, '\n', static_cast<std::size_t>(eol - s)));
    draw_line(s, newline ? newline : eol);
    if (newline) {
      s = newline + 1;
      y += size;
    } else {
      s = eol;
    }
  }
  const ImVec2 text_size = ImGui::CalcTextSize(base, end, false, wrap);
  ImGui::ItemSize(text_size, 0.0f);
  ImGui::ItemAdd(ImRect(pos, ImVec2(pos.x + text_size.x, pos.y + text_size.y)), 0);
}

static void text_item(Role role, const std::string& text, ImU32 color) {
  need_glyphs(text);
  const support::TextSpan address =
      role == Role::Text || role == Role::ListItem ? web_address_in(text) : support::TextSpan{0, 0};
  ImGui::PushTextWrapPos(0.0f);
  if (address.end > address.begin) {
    wrapped_text_with_link(text, address, color);
  } else {
    ImGui::PushStyleColor(ImGuiCol_Text, color);
    ImGui::TextUnformatted(text.c_str());
    ImGui::PopStyleColor();
  }
  ImGui::PopTextWrapPos();
  SemanticItem item;
  item.id = ImGui::GetID(("t:" + text).c_str());
  item.role = role;
  item.name = text;
  item.value = text.substr(address.begin, address.end - address.begin);
  publish(std::move(item), ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
}

void paragraph(const std::string& text, bool muted) {
  text_item(Role::Text, text, muted ? theme().muted : theme().text);
}

void bullet(const std::string& text) {
  // A dot centred on the first line, the text indented beside it (wrapped lines align with it).
  const float indent = 18.0f;
  ImVec2 pos = ImGui::GetCursorScreenPos();
  ImGui::GetWindowDrawList()->AddCircleFilled(ImVec2(pos.x + 7, pos.y + ImGui::GetTextLineHeight() * 0.5f), 2.5f,
                                              theme().text);
  ImGui::Indent(indent);
  text_item(Role::ListItem, text, theme().text);
  ImGui::Unindent(indent);
}

void status(const std::string& text) { text_item(Role::Status, text, theme().success); }
void alert(const std::string& text) { text_item(Role::Alert, text, theme().error); }
void spacing(float px) { ImGui::Dummy(ImVec2(1, px)); }
void announce(const std::string& text) { draw_context().tree->announce(text); }

void begin_scroll_region(const char* id, ImVec2 size) {
  DrawContext& dc = draw_context();
  if (dc.dom_scroll) ImGui::SetNextWindowScroll(ImVec2(-1.0f, *dc.dom_scroll));
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(theme().pad, 8));
  ImGui::BeginChild(id, size, false, ImGuiWindowFlags_NoScrollWithMouse | ImGuiWindowFlags_AlwaysUseWindowPadding);
  ImGui::PopStyleVar();
  dc.in_scroll = true;
  dc.scroll_origin = ImGui::GetWindowPos();
  dc.scroll_y = ImGui::GetScrollY();
  dc.scroll_region_pos = ImGui::GetWindowPos();
  dc.scroll_region_size = ImGui::GetWindowSize();
}

void end_scroll_region() {
  DrawContext& dc = draw_context();
  // Leave room at the bottom so the last item is not glued to the edge.
  ImGui::Dummy(ImVec2(1, 8));
  dc.content_height = ImGui::GetScrollMaxY() + ImGui::GetWindowHeight();
  dc.scroll_y = ImGui::GetScrollY();
  ImGui::EndChild();
  dc.in_scroll = false;
}

}  // namespace ui

namespace ui {

// Narrows the window's work and content rectangles to the column while it is drawn: text
// wrapping (PushTextWrapPos(0)) and GetContentRegionAvail read them. Cheaper in bytes than an
// ImGui table, the only one the widget had.
SideBySide::SideBySide(float gap) : gap_(gap) {
  width_ = std::max(0.0f, (ImGui::GetContentRegionAvail().x - gap) / 2);
  top_ = ImGui::GetCursorPosY();
  left_x_ = ImGui::GetCursorScreenPos().x;
  ImGuiWindow* window = ImGui::GetCurrentWindow();
  work_max_x_ = window->WorkRect.Max.x;
  content_max_x_ = window->ContentRegionRect.Max.x;
}

void SideBySide::close_column() {
  if (open_ < 0) return;
  bottom_ = std::max(bottom_, ImGui::GetCursorPosY());
  ImGuiWindow* window = ImGui::GetCurrentWindow();
  window->WorkRect.Max.x = work_max_x_;
  window->ContentRegionRect.Max.x = content_max_x_;
  if (open_ == 1) ImGui::Unindent(width_ + gap_);
  open_ = -1;
}

void SideBySide::left() {
  close_column();
  ImGui::SetCursorPosY(top_);
  ImGuiWindow* window = ImGui::GetCurrentWindow();
  window->WorkRect.Max.x = window->ContentRegionRect.Max.x = left_x_ + width_;
  open_ = 0;
}

void SideBySide::right() {
  close_column();
  ImGui::SetCursorPosY(top_);
  ImGui::Indent(width_ + gap_);
  ImGuiWindow* window = ImGui::GetCurrentWindow();
  window->WorkRect.Max.x = window->ContentRegionRect.Max.x = left_x_ + 2 * width_ + gap_;
  open_ = 1;
}

void SideBySide::end() {
  close_column();
  ImGui::SetCursorPosY(bottom_);
  ImGui::Dummy(ImVec2(0, 0));  // the window's content reaches the taller column
}

}  // namespace ui
