#pragma once
// The one widget instance a wasm module drives, shared by the customer's entry points
// (widget_main.cpp) and the staff preview's (preview_exports.cpp, linked into the preview build only).
#include "semantic_tree.h"

#include "config/config_problem.h"
#include "flow/flow_context.h"
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
  std::string locale, key_seed;
  support::FlowContext context;       // from the page: survives configuration swaps
  std::string last_draft;             // where the customer was when a bad configuration replaced theirs
  std::string semantic_out, outbox_out, draft_out, state_out, json_out;
  unsigned saved_draft_revision = 0;
  bool close_requested = false;
  int last_cursor = -2;
};

extern Widget* g;

// (Re)starts the session on a configuration; saved_draft (JSON or "") puts the customer back
// where they were. A configuration with problems shows the error panel instead.
void start_session(const char* config_json, const std::string& saved_draft);

// Keeps `value` as JSON text in `slot` and returns it for the page glue to read.
const char* keep(std::string& slot, const nlohmann::json& value);

}  // namespace web
