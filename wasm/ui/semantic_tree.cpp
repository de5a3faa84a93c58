#include "semantic_tree.h"

#include <nlohmann/json.hpp>

namespace ui {

const char* role_name(Role role) {
  switch (role) {
    case Role::Button: return "button";
    case Role::Link: return "link";
    case Role::TextBox: return "textbox";
    case Role::TextArea: return "textarea";
    case Role::Heading: return "heading";
    case Role::Text: return "text";
    case Role::ListItem: return "listitem";
    case Role::Status: return "status";
    case Role::Alert: return "alert";
    case Role::FilePicker: return "filepicker";
  }
  return "text";
}

void SemanticTree::begin_frame() {
  items_.clear();
  announcement_.clear();
  // Focus/blur are state, not one-shot events: remember them across frames.
  for (const auto& in : inputs_) {
    if (in.kind == SemanticInput::Kind::Focus) dom_focus_ = in.id;
    if (in.kind == SemanticInput::Kind::Blur && dom_focus_ == in.id) dom_focus_ = 0;
  }
}

void SemanticTree::add(SemanticItem item) { items_.push_back(std::move(item)); }

std::vector<SemanticInput> SemanticTree::take_inputs_for(uint32_t id) {
  std::vector<SemanticInput> mine;
  for (auto it = inputs_.begin(); it != inputs_.end();) {
    if (it->id == id && it->kind != SemanticInput::Kind::Focus && it->kind != SemanticInput::Kind::Blur) {
      mine.push_back(std::move(*it));
      it = inputs_.erase(it);
    } else {
      ++it;
    }
  }
  return mine;
}

void SemanticTree::end_frame() {
  // Keep text for items not drawn this frame (a screen change can race a late input event):
  // nothing the customer typed is dropped silently while its field may come back next frame.
  std::vector<SemanticInput> kept;
  for (auto& in : inputs_)
    if (in.kind == SemanticInput::Kind::SetText) kept.push_back(std::move(in));
  inputs_ = std::move(kept);
  if (inputs_.size() > 64) inputs_.erase(inputs_.begin(), inputs_.end() - 64);
}

std::optional<std::string> SemanticTree::take_changed_json(const ScrollInfo& scroll) {
  nlohmann::json list = nlohmann::json::array();
  for (const auto& it : items_) {
    nlohmann::json j = {{"id", it.id}, {"role", role_name(it.role)}, {"name", it.name},
                        {"layer", it.layer == Layer::Fixed ? "fixed" : "scroll"},
                        {"rect", {it.x, it.y, it.w, it.h}}};
    if (!it.value.empty()) j["value"] = it.value;
    if (!it.description.empty()) j["description"] = it.description;
    if (!it.input_type.empty()) j["type"] = it.input_type;
    if (!it.autocomplete.empty()) j["autocomplete"] = it.autocomplete;
    if (it.level) j["level"] = it.level;
    if (it.role == Role::TextBox || it.role == Role::TextArea) j["selection"] = {it.selection_start, it.selection_end};
    if (it.focused) j["focused"] = true;
    if (it.disabled) j["disabled"] = true;
    if (it.invalid) j["invalid"] = true;
    if (it.required) j["required"] = true;
    if (it.read_only) j["readonly"] = true;
    list.push_back(std::move(j));
  }
  nlohmann::json doc = {{"items", std::move(list)},
                        {"scroll", {{"rect", {scroll.x, scroll.y, scroll.w, scroll.h}},
                                    {"contentHeight", scroll.content_height}, {"y", scroll.scroll_y}}},
                        {"screen", screen_}, {"focus", screen_focus_}, {"title", title_},
                        {"announce", announcement_}, {"invalidSubmits", invalid_submits_}};
  std::string text = doc.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  if (text == last_json_) return std::nullopt;
  last_json_ = text;
  return text;
}

}  // namespace ui
