// The staff preview's entry points (shell/preview): swap the configuration in place, lint it,
// list and jump to steps, read the session's state. Linked only into the preview build
// (widget-preview.*), so customers never download the linter or the snapshot code.
#include "widget_state.h"

#include "config/config_lint.h"
#include "run/flow_catalog.h"
#include "session/session_snapshot.h"

#include <emscripten/emscripten.h>

using web::g;
using web::keep;

extern "C" {

// Swaps the configuration while the widget runs, keeping the customer's place and what they
// typed. Returns 1 when the configuration parsed, 0 when the widget shows its error panel.
EMSCRIPTEN_KEEPALIVE int widget_set_config(const char* config_json) {
  std::string saved = g->session ? g->session->saved_draft().dump() : g->last_draft;
  web::start_session(config_json, saved);
  return g->session ? 1 : 0;
}

// Back to the first screen with a fresh ticket (the preview's "Restart").
EMSCRIPTEN_KEEPALIVE void widget_restart() {
  if (g->session) g->session->start_over();
  g->frames_wanted = 3;
}

// The same checks as `supportctl lint`: [{"path","message"}], empty when clean.
EMSCRIPTEN_KEEPALIVE const char* widget_lint(const char* config_json) {
  nlohmann::json list = nlohmann::json::array();
  for (const auto& p : support::lint_config_text(config_json ? config_json : ""))
    list.push_back({{"path", p.path}, {"message", p.message}});
  return keep(g->json_out, list);
}

// Every step of every flow: [{"flow","step","type","title","categories"}].
EMSCRIPTEN_KEEPALIVE const char* widget_steps() {
  if (!g->session) return keep(g->json_out, nlohmann::json::array());
  return keep(g->json_out, support::flow_catalog_json(g->session->config(), g->session->locale()));
}

EMSCRIPTEN_KEEPALIVE int widget_jump(const char* flow_id, const char* step_id) {
  if (!g->session || !flow_id || !step_id) return 0;
  g->frames_wanted = 3;
  return g->session->jump_to(flow_id, step_id) ? 1 : 0;
}

// Where the session stands (see session/session_snapshot.h) when it changed since the last
// call, else null; {"screen":"config_error"} while the error panel is up.
EMSCRIPTEN_KEEPALIVE const char* widget_take_state() {
  nlohmann::json state = g->session ? support::session_snapshot(*g->session) : nlohmann::json{{"screen", "config_error"}};
  std::string text = state.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  if (text == g->state_out) return nullptr;
  g->state_out = std::move(text);
  return g->state_out.c_str();
}

}  // extern "C"
