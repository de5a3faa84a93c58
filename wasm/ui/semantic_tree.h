#pragma once
// The semantic layer: every item the UI draws is also described here, each frame, with its role,
// accessible name, value and state. The browser glue mirrors this list into real DOM elements
// (see shell/semantic-mirror.js) so screen readers, keyboards, autofill, IME and tests work on
// the widget as on any web form; what happens in those DOM elements comes back as SemanticInput.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace ui {

// FilePicker: a button the mirror makes a real <input type=file> (value: its accept list).
enum class Role { Button, Link, TextBox, TextArea, Heading, Text, ListItem, Status, Alert, FilePicker };
const char* role_name(Role role);

enum class Layer { Fixed, Scroll };  // Fixed: header/footer; Scroll: inside the scrolling content

struct SemanticItem {
  uint32_t id = 0;                 // ImGui id of the item: stable while the item exists
  Role role = Role::Text;
  std::string name;                // accessible name = the visible label
  std::string value;               // text fields: the text; links: the URL
  std::string description;         // e.g. the field's error message (aria-describedby)
  std::string input_type;          // text fields: "text", "email"; autocomplete hint in `autocomplete`
  std::string autocomplete;
  int level = 0;                   // headings: 1..6
  int selection_start = 0;         // text fields: caret/selection in UTF-16 units (what the DOM uses)
  int selection_end = 0;
  bool focused = false, disabled = false, invalid = false, required = false;
  bool read_only = false;          // text fields the page filled in and locked (SupportWidget prefill)
  Layer layer = Layer::Scroll;
  float x = 0, y = 0, w = 0, h = 0;  // CSS pixels; Scroll items are relative to the content's top
};

// What the DOM mirror reports back; consumed by the widget wrappers on the next frame.
struct SemanticInput {
  enum class Kind { Activate, Focus, Blur, SetText } kind;
  uint32_t id = 0;
  std::string text;                // SetText: the field's whole new value (UTF-8)
  int selection_start = 0;         // SetText: in UTF-16 units
  int selection_end = 0;
};

class SemanticTree {
public:
  void begin_frame();
  void add(SemanticItem item);
  const std::vector<SemanticItem>& items() const { return items_; }

  // Serialised list when it differs from the last one taken, else nothing: the DOM is only
  // touched when something changed.
  struct ScrollInfo {
    float x = 0, y = 0, w = 0, h = 0;   // the scrolling region on the panel, CSS pixels
    float content_height = 0;           // its full content height
    float scroll_y = 0;
  };
  std::optional<std::string> take_changed_json(const ScrollInfo& scroll);

  void push_input(SemanticInput input) { inputs_.push_back(std::move(input)); }
  // Inputs addressed to `id` are handed out once; the rest are dropped at the end of the frame
  // (their item no longer exists).
  std::vector<SemanticInput> take_inputs_for(uint32_t id);
  void end_frame();

  uint32_t dom_focus() const { return dom_focus_; }   // the item the DOM says has focus (0: none)

  // Where the customer is, for focus and announcements: `screen` changes exactly when a new
  // screen or step is up, `focus_id` is the item that should take focus then (its heading).
  void set_screen(std::string screen, uint32_t focus_id) { screen_ = std::move(screen); screen_focus_ = focus_id; }
  void set_title(std::string title) { title_ = std::move(title); }   // names the dialog
  // A polite announcement for this frame (e.g. how many suggestions appeared); the mirror speaks
  // it when it changes.
  void announce(std::string text) { announcement_ = std::move(text); }
  // A submit was refused for invalid fields: the mirror moves focus to the first of them.
  void note_invalid_submit() { ++invalid_submits_; }

private:
  std::vector<SemanticItem> items_;
  std::vector<SemanticInput> inputs_;
  std::string last_json_;
  uint32_t dom_focus_ = 0;
  std::string screen_, title_, announcement_;
  uint32_t screen_focus_ = 0;
  unsigned invalid_submits_ = 0;
};

}  // namespace ui
