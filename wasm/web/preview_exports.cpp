// The staff preview's entry points (shell/preview): swap the configuration in place, lint it,
// list and jump to steps, read the session's state. Linked only into the preview build
// (widget-preview.*), so customers never download the linter or the snapshot code.
#include "web_app.h"

#include "config/config_lint.h"
#include "run/flow_catalog.h"
#include "session/session_snapshot.h"

#include <emscripten/emscripten.h>

using web::keep;
using web::widget_app;

namespace {
std::string json_out, state_out;
}

extern "C" {

// Swaps the configuration while the widget runs, keeping the customer's place and what they
// typed. Returns 1 when the configuration parsed, 0 when the widget shows its error panel.
EMSCRIPTEN_KEEPALIVE int widget_set_config(const char* config_json) {
  return widget_app().set_config(config_json ? config_json : "") ? 1 : 0;
}

// Back to the first screen with a fresh ticket (the preview's "Restart").
EMSCRIPTEN_KEEPALIVE void widget_restart() { widget_app().restart(); }

// The same checks as `supportctl lint`: [{"path","message"}], empty when clean.
EMSCRIPTEN_KEEPALIVE const char* widget_lint(const char* config_json) {
  nlohmann::json list = nlohmann::json::array();
  for (const auto& p : support::lint_config_text(config_json ? config_json : ""))
    list.push_back({{"path", p.path}, {"message", p.message}});
  return keep(json_out, list);
}

// Every step of every flow: [{"flow","step","type","title","categories"}].
EMSCRIPTEN_KEEPALIVE const char* widget_steps() {
  const support::SupportSession* session = widget_app().session();
  if (!session) return keep(json_out, nlohmann::json::array());
  return keep(json_out, support::flow_catalog_json(session->config(), session->locale()));
}

EMSCRIPTEN_KEEPALIVE int widget_jump(const char* flow_id, const char* step_id) {
  support::SupportSession* session = widget_app().session();
  if (!session || !flow_id || !step_id) return 0;
  widget_app().want_frames(3);
  return session->jump_to(flow_id, step_id) ? 1 : 0;
}

// Where the session stands (see session/session_snapshot.h) when it changed since the last
// call, else null; {"screen":"config_error"} while the error panel is up.
EMSCRIPTEN_KEEPALIVE const char* widget_take_state() {
  const support::SupportSession* session = widget_app().session();
  nlohmann::json state = session ? support::session_snapshot(*session) : nlohmann::json{{"screen", "config_error"}};
  std::string text = state.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  if (text == state_out) return nullptr;
  state_out = std::move(text);
  return state_out.c_str();
}

}  // extern "C"
