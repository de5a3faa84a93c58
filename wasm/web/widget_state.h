#pragma once
// The one widget instance a wasm module drives, shared by the customer's entry points
// (widget_main.cpp) and the staff preview's (preview_exports.cpp, linked into the preview build only).
#include "semantic_tree.h"

#include "config/config_problem.h"
#include "config/locale_choice.h"
#include "flow/flow_context.h"
#include "session/session_events.h"
#include "theme/palette.h"
#include "session/support_session.h"

#include <nlohmann/json.hpp>

#include <memory>
#include <string>
#include <vector>

namespace web {

struct Widget {
  std::unique_ptr<support::SupportSession> session;
  support::ConfigProblems config_problems;
  ui::SemanticTree tree;
  std::vector<unsigned char> font_regular, font_bold;
  float width = 380, height = 600, dpr = 1;
  float font_dpr = 0;                 // DPR the atlas was rasterised for
  double last_time_ms = 0;
  int frames_wanted = 2;              // ImGui reacts a frame late: draw a few after each input
  std::string requested_locale, key_seed;   // data-locale / setLocale ("" when none)
  bool identified = false;                  // SupportWidget identify: screen against the server's list
  double utc_now_ms = 0;                    // the page's Date.now(), for the sent history's expiry
  std::vector<std::string> browser_languages;   // navigator.languages
  std::string browser_languages_problem;        // the page sent something else than a list
  support::LocaleChoice locale;                 // what the session speaks, and why
  support::FlowContext context;       // from the page: survives configuration swaps
  std::string last_draft;             // where the customer was when a bad configuration replaced theirs
  std::string semantic_out, outbox_out, draft_out, state_out, json_out, locale_out;
  unsigned saved_draft_revision = 0;
  bool close_requested = false;
  int last_cursor = -2;
  std::string brand_color;            // brand.colors.primary of the running configuration
  std::string config_text;            // the running configuration (a locale change restarts on it)
  support::SessionEventWatcher events;   // what the page's SupportWidget('on', ...) listeners hear
  nlohmann::json pending_events = nlohmann::json::array();
  nlohmann::json prefill;             // the page's prefill, applied again to every new session
  support::ColorScheme scheme = support::ColorScheme::Light;   // the browser's prefers-color-scheme
};

extern Widget* g;

// (Re)starts the session on a configuration; saved_draft (JSON or "") puts the customer back
// where they were. A configuration with problems shows the error panel instead.
void start_session(const char* config_json, const std::string& saved_draft);

// Keeps `value` as JSON text in `slot` and returns it for the page glue to read.
const char* keep(std::string& slot, const nlohmann::json& value);

}  // namespace web
