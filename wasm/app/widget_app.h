#pragma once
// The widget as an application, with no platform in it: the session (core), the screens (UI) and
// the semantic tree, driven by plain calls and answering in JSON. A backend (widget_backend.h)
// puts its frames on a screen; the browser's entry points (wasm/web/widget_exports.cpp) and the
// native tests (tests/ui) call the same methods, so what the tests see is what customers get.
#include "glyph_atlas.h"
#include "semantic_tree.h"
#include "widget_backend.h"

#include "config/config_problem.h"
#include "config/locale_choice.h"
#include "flow/flow_context.h"
#include "session/session_events.h"
#include "session/support_session.h"
#include "theme/palette.h"

#include <nlohmann/json.hpp>

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace app {

class WidgetApp {
 public:
  // Creates the ImGui context (one app at a time per thread). The backend outlives the app.
  explicit WidgetApp(WidgetBackend& backend);
  ~WidgetApp();
  WidgetApp(const WidgetApp&) = delete;
  WidgetApp& operator=(const WidgetApp&) = delete;

  // config_json: the site owner's configuration; locale: data-locale ("" when none); key_seed:
  // random per browser; saved_draft: JSON or ""; browser_languages: navigator.languages as a JSON
  // array ("" when unknown). locale_json() then says which locale was chosen and why.
  void start(std::string_view config_json, std::string locale, std::string key_seed, std::string_view saved_draft,
             std::string_view browser_languages);
  // Swaps the configuration in place (staff preview), keeping the customer's place and what they
  // typed. false when it has problems: the error panel is shown instead.
  bool set_config(std::string_view config_json);
  void restart();   // back to the first screen with a fresh ticket

  // A font the page was still loading has arrived: the glyphs are drawn again with it.
  void fonts_loaded();
  void resize(float css_width, float css_height, float device_pixel_ratio);
  // Pointer in CSS pixels; down: 1 pressed, 0 released, 2 moved, -1 left the widget.
  void pointer(float x, float y, int down);
  // What the mirrored DOM did (see ui::SemanticInput).
  void dom_input(ui::SemanticInput input);
  void dom_scroll(float y);
  void focus_visible(bool visible);
  void set_preferences(bool dark, bool reduced_motion);
  // {"surface","text","field","accent","error"} as #rrggbb, and "font": the CSS font-family list
  // the canvas draws with, for the page's own text fields.
  nlohmann::json palette_json() const;

  // Draws one frame at `now_ms`. true if the app wants another frame soon.
  bool frame(double now_ms);
  // The semantic list as JSON when it changed since the last call.
  std::optional<std::string> take_semantic();
  // Work for the platform ({"requests","close","draft","events"}), or nullopt when there is none.
  std::optional<nlohmann::json> take_outbox();

  void http_response(int request_id, int status, std::string body, std::string retry_after);
  void set_online(bool online);
  std::optional<double> wake_at() const;
  // The page's wall clock (Date.now()): sent tickets older than 90 days leave the local history.
  void set_utc_now(double unix_ms);
  // The page identified the customer (SupportWidget identify): their open tickets are fetched and
  // screened against for duplicates too.
  void identified();
  // Time passes without drawing (panel closed). true when requests wait in the outbox.
  bool tick(double now_ms);

  // The page's JavaScript API. Each returns the problems with its input (empty: all taken).
  std::vector<std::string> set_context(std::string_view context_json);
  std::vector<std::string> prefill(std::string_view prefill_json);
  bool start_flow(const std::string& category_id);
  // {"locale","reason","problem","texts_file"}: texts_file, when not "", is the chosen locale's
  // texts file (relative to the configuration), to be fetched and handed to add_locale_texts.
  nlohmann::json locale_json() const;
  // That file's content; the problems with it (none: the widget speaks it from the next frame).
  std::vector<std::string> add_locale_texts(const std::string& locale, std::string_view json_text);
  nlohmann::json set_locale(std::string locale, std::optional<std::string_view> browser_languages);

  // The KB file the configuration names ("" when none), and its bytes as they arrive.
  std::string kb_file() const;
  void kb_chunk(std::string_view bytes);
  void kb_end(bool ok, const std::string& message);

  // For the staff preview's entry points and tests; null while the error panel is up.
  support::SupportSession* session() { return session_.get(); }
  const ui::SemanticTree& tree() const { return tree_; }
  void want_frames(int count);
  // Whether the glyph atlas holds cp now (it grows with the texts drawn; see glyph_atlas.h).
  bool atlas_has_glyph(char32_t cp) const { return glyphs_.has(cp); }
  int atlas_builds() const { return glyphs_.builds(); }

 private:
  void start_session(std::string_view config_json, const std::string& saved_draft);
  void build_fonts();
  const std::string& font_family() const;
  void want_locale_glyphs();
  bool work_within_budget();
  void apply_prefill();
  void set_browser_languages(std::string_view json_list);

  WidgetBackend& backend_;
  std::unique_ptr<support::SupportSession> session_;
  support::ConfigProblems config_problems_;
  ui::SemanticTree tree_;
  GlyphAtlas glyphs_;
  bool fonts_reloaded_ = false;        // a page font arrived: draw the glyphs again
  float width_ = 380, height_ = 600, dpr_ = 1;
  bool frame_discarded_ = false;       // the last frame met glyphs the atlas lacked: not shown
  bool session_shown_ = false;         // a frame of the running session is on screen
  double last_time_ms_ = 0;
  int frames_wanted_ = 2;              // ImGui reacts a frame late: draw a few after each input
  std::string requested_locale_, key_seed_;
  bool identified_ = false;                 // SupportWidget identify: screen against the server's list
  double utc_now_ms_ = 0;                   // the page's Date.now(), for the sent history's expiry
  std::vector<std::string> browser_languages_;
  std::string browser_languages_problem_;   // the page sent something else than a list
  support::LocaleChoice locale_;            // what the session speaks, and why
  support::FlowContext context_;            // from the page: survives configuration swaps
  std::string last_draft_;                  // where the customer was when a bad configuration replaced theirs
  unsigned saved_draft_revision_ = 0;
  bool close_requested_ = false;
  int last_cursor_ = -2;
  std::string brand_color_;                 // brand.colors.primary of the running configuration
  support::SessionEventWatcher events_;     // what the page's SupportWidget('on', ...) listeners hear
  nlohmann::json pending_events_ = nlohmann::json::array();
  nlohmann::json prefill_;                  // the page's prefill, applied again to every new session
  support::ColorScheme scheme_ = support::ColorScheme::Light;
};

}  // namespace app
