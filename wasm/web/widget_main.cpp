// The widget's entry points, called by shell/widget-host.js. This file and web_library.js are the
// only places that know about the browser; everything they receive goes to the session (core) or
// to the semantic tree (UI), everything they return is JSON or plain numbers.
#include "gl_renderer.h"
#include "widget_state.h"
#include "screens/screens.h"
#include "semantic_tree.h"
#include "theme.h"
#include "widget_view.h"
#include "widgets.h"

#include "config/config_parser.h"
#include "flow/flow_context_json.h"
#include "session/support_session.h"

#include <emscripten/emscripten.h>
#include <imgui.h>
#include <imgui_impl_opengl3.h>

#include <algorithm>
#include <memory>
#include <string>
#include <vector>

extern "C" void web_set_cursor(const char* name);

using web::g;
using web::start_session;
using web::Widget;

namespace {

void build_fonts() {
  ImGuiIO& io = ImGui::GetIO();
  io.Fonts->Clear();
  ui::Fonts& fonts = ui::draw_context().fonts;
  // Rasterise at device pixels and scale back: crisp text on high-DPI screens (1.86 has no
  // per-font density). The atlas keeps pointers into our copies, so it must not free them.
  ImFontConfig cfg;
  cfg.FontDataOwnedByAtlas = false;
  cfg.OversampleH = 1;
  const float s = g->dpr;
  static const ImWchar ranges[] = {0x0020, 0x00FF, 0x0100, 0x017F, 0x2010, 0x2027, 0x20AC, 0x20AC, 0x2190, 0x2193, 0};
  if (!g->font_regular.empty()) {
    fonts.body = io.Fonts->AddFontFromMemoryTTF(g->font_regular.data(), int(g->font_regular.size()), 15.0f * s, &cfg, ranges);
    auto& bold = g->font_bold.empty() ? g->font_regular : g->font_bold;
    fonts.bold = io.Fonts->AddFontFromMemoryTTF(bold.data(), int(bold.size()), 15.0f * s, &cfg, ranges);
    fonts.heading = io.Fonts->AddFontFromMemoryTTF(bold.data(), int(bold.size()), 18.0f * s, &cfg, ranges);
  } else {
    ImFontConfig fallback;
    fallback.SizePixels = 13.0f * s;
    fonts.body = fonts.bold = fonts.heading = io.Fonts->AddFontDefault(&fallback);
  }
  io.FontGlobalScale = 1.0f / s;
  io.Fonts->Build();
  g->font_dpr = s;
  web::gl_rebuild_font_texture();
}

const char* cursor_name(int cursor) {
  switch (cursor) {
    case ImGuiMouseCursor_TextInput: return "text";
    case ImGuiMouseCursor_Hand: return "pointer";
    default: return "default";
  }
}

// Indexes articles of the KB file for a few milliseconds per frame, so a 100,000-article KB
// loads while the page stays responsive. true while articles wait.
bool index_kb_within_budget() {
  constexpr double kBudgetMs = 6;
  constexpr std::size_t kBatch = 64;
  const double start = emscripten_get_now();
  std::size_t waiting = 0;
  do waiting = g->session->index_waiting_articles(kBatch);   // nothing waiting: returns 0 at once
  while (waiting > 0 && emscripten_get_now() - start < kBudgetMs);
  return waiting > 0;   // bytes still on the way wake us through widget_kb_chunk, not by polling
}

nlohmann::json headers_json(const support::HttpRequest& r) {
  nlohmann::json h = nlohmann::json::object();
  for (const auto& [k, v] : r.headers) h[k] = v;
  return h;
}

}  // namespace

namespace web {

Widget* g = nullptr;

// (Re)starts the session on a configuration; the saved draft (JSON or "") puts the customer
// back where they were. A configuration with problems shows the error panel instead.
void start_session(const char* config_json, const std::string& saved_draft) {
  if (g->session) g->last_draft = g->session->saved_draft().dump();
  g->session.reset();
  auto parsed = support::parse_config(config_json ? config_json : "");
  g->config_problems = parsed.problems;
  ui::apply_theme(parsed.config.brand.colors.primary);
  if (!g->config_problems.empty()) return;
  g->session = std::make_unique<support::SupportSession>(std::move(parsed.config), g->locale, g->key_seed);
  g->session->set_customer_context(g->context);
  if (!saved_draft.empty()) {
    auto saved = nlohmann::json::parse(saved_draft, nullptr, false);
    g->session->restore_draft(saved);
  }
  g->saved_draft_revision = g->session->draft_revision();
  g->frames_wanted = 3;
}

const char* keep(std::string& slot, const nlohmann::json& value) {
  slot = value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  return slot.c_str();
}

}  // namespace web

extern "C" {

// config_json: the site owner's configuration; key_seed: random per browser; saved_draft: JSON or "".
EMSCRIPTEN_KEEPALIVE int widget_init(const char* config_json, const char* locale, const char* key_seed,
                                     const char* saved_draft) {
  g = new Widget();
  ImGui::CreateContext();
  ImGuiIO& io = ImGui::GetIO();
  io.IniFilename = nullptr;
  io.LogFilename = nullptr;
  io.ConfigFlags |= ImGuiConfigFlags_NoMouseCursorChange;
  io.BackendPlatformName = "support_widget_web";
  if (!web::gl_init()) return 0;

  g->locale = locale ? locale : "";
  g->key_seed = key_seed ? key_seed : "";
  start_session(config_json, saved_draft ? saved_draft : "");
  ui::draw_context().tree = &g->tree;
  return 1;
}

// Font files (TTF/OTF bytes) handed over by the page glue; the widget keeps its own copies.
EMSCRIPTEN_KEEPALIVE void widget_set_fonts(const unsigned char* regular, int regular_len, const unsigned char* bold,
                                           int bold_len) {
  g->font_regular.assign(regular, regular + regular_len);
  g->font_bold.assign(bold, bold + bold_len);
  g->font_dpr = 0;
  g->frames_wanted = 2;
}

EMSCRIPTEN_KEEPALIVE void widget_resize(float css_width, float css_height, float dpr) {
  g->width = css_width;
  g->height = css_height;
  g->dpr = dpr > 0 ? dpr : 1;
  g->frames_wanted = 2;
}

// Pointer in CSS pixels relative to the canvas; down: 1 pressed, 0 released, 2 moved without
// pressing (also used over mirrored buttons, which activate by id), -1 left the widget.
EMSCRIPTEN_KEEPALIVE void widget_pointer(float x, float y, int down) {
  ImGuiIO& io = ImGui::GetIO();
  if (down < 0) {
    io.MousePos = ImVec2(-FLT_MAX, -FLT_MAX);
    io.MouseDown[0] = false;
  } else {
    io.MousePos = ImVec2(x, y);
    io.MouseDown[0] = down == 1;
  }
  g->frames_wanted = 3;
}

// What the mirrored DOM did: 0 activate, 1 focus, 2 blur, 3 set text (with selection in UTF-16 units).
EMSCRIPTEN_KEEPALIVE void widget_dom_input(int kind, unsigned id, const char* text, int sel_start, int sel_end) {
  ui::SemanticInput in{static_cast<ui::SemanticInput::Kind>(kind), id, text ? text : "", sel_start, sel_end};
  g->tree.push_input(std::move(in));
  g->frames_wanted = 3;
}

EMSCRIPTEN_KEEPALIVE void widget_dom_scroll(float y) {
  ui::draw_context().dom_scroll = y;
  g->frames_wanted = 2;
}

EMSCRIPTEN_KEEPALIVE void widget_focus_visible(int visible) {
  ui::draw_context().focus_visible = visible != 0;
  g->frames_wanted = 2;
}

// Draws one frame. Returns 1 if the widget wants another frame soon, 0 if it can sleep until input.
EMSCRIPTEN_KEEPALIVE int widget_frame(double now_ms) {
  ImGuiIO& io = ImGui::GetIO();
  if (g->font_dpr != g->dpr) build_fonts();
  io.DisplaySize = ImVec2(g->width, g->height);
  io.DisplayFramebufferScale = ImVec2(g->dpr, g->dpr);
  double dt = g->last_time_ms > 0 ? (now_ms - g->last_time_ms) / 1000.0 : 1.0 / 60.0;
  io.DeltaTime = float(dt > 0 ? (dt < 1.0 ? dt : 1.0) : 1.0 / 60.0);
  g->last_time_ms = now_ms;

  bool session_busy = false;
  if (g->session) {
    if (g->session->tick(now_ms)) g->frames_wanted = std::max(g->frames_wanted, 2);
    session_busy = index_kb_within_budget() || g->session->wake_at().has_value();
  }

  ImGui_ImplOpenGL3_NewFrame();
  ImGui::NewFrame();
  g->tree.begin_frame();
  if (g->session) {
    auto requests = ui::draw_widget(*g->session, g->width, g->height);
    if (requests.close) g->close_requested = true;
  } else {
    ui::draw_config_error_panel(g->config_problems, g->width, g->height);
  }
  g->tree.end_frame();
  ui::draw_context().dom_scroll.reset();
  ImGui::Render();
  web::gl_render(ImGui::GetDrawData(), int(g->width * g->dpr), int(g->height * g->dpr));

  int cursor = ImGui::GetMouseCursor();
  if (cursor != g->last_cursor) {
    web_set_cursor(cursor_name(cursor));
    g->last_cursor = cursor;
  }
  if (g->frames_wanted > 0) --g->frames_wanted;
  // Keep drawing while a button is held (press feedback) or input is still settling.
  return g->frames_wanted > 0 || io.MouseDown[0] || session_busy ? 1 : 0;
}

// The semantic list as JSON when it changed since the last call, else null.
EMSCRIPTEN_KEEPALIVE const char* widget_take_semantic() {
  const ui::DrawContext& dc = ui::draw_context();
  auto changed = g->tree.take_changed_json({dc.scroll_region_pos.x, dc.scroll_region_pos.y, dc.scroll_region_size.x,
                                            dc.scroll_region_size.y, dc.content_height, dc.scroll_y});
  if (!changed) return nullptr;
  g->semantic_out = std::move(*changed);
  return g->semantic_out.c_str();
}

// Work for the page glue, as JSON, or null when there is none:
// {"requests":[{id,method,path,headers,body}], "close":true, "draft":"<json to save locally>"}
EMSCRIPTEN_KEEPALIVE const char* widget_take_outbox() {
  nlohmann::json out = nlohmann::json::object();
  if (g->session) {
    auto requests = g->session->take_requests();
    if (!requests.empty()) {
      nlohmann::json list = nlohmann::json::array();
      for (const auto& r : requests)
        list.push_back({{"id", r.id}, {"method", r.method}, {"path", r.path}, {"body", r.body},
                        {"headers", headers_json(r)}});
      out["requests"] = std::move(list);
    }
    if (g->session->draft_revision() != g->saved_draft_revision) {
      g->saved_draft_revision = g->session->draft_revision();
      out["draft"] = g->session->saved_draft().dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    }
  }
  if (g->close_requested) {
    out["close"] = true;
    g->close_requested = false;
  }
  if (out.empty()) return nullptr;
  g->outbox_out = out.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  return g->outbox_out.c_str();
}

EMSCRIPTEN_KEEPALIVE void widget_http_response(int request_id, int status, const char* body) {
  if (g->session) g->session->on_response(request_id, {status, body ? body : ""});
  g->frames_wanted = 3;
}

// What the page knows about the customer, as a JSON object ({"logged_in": true, ...}); flow
// conditions read it. Returns the problems as a JSON array of strings (empty when all was taken).
EMSCRIPTEN_KEEPALIVE const char* widget_set_context(const char* context_json) {
  std::vector<std::string> problems;
  auto parsed = nlohmann::json::parse(context_json ? context_json : "", nullptr, false);
  if (parsed.is_discarded()) problems.push_back("context: not JSON");
  support::FlowContext context = support::flow_context_from_json(parsed.is_discarded() ? nlohmann::json() : parsed, problems);
  g->context = context;
  if (g->session) g->session->set_customer_context(std::move(context));
  g->frames_wanted = 3;
  return web::keep(g->json_out, problems);
}

// ---- the KB file (kb.file) ----

// The KB file the configuration names ("" when none); the page glue fetches it.
EMSCRIPTEN_KEEPALIVE const char* widget_kb_file() {
  static std::string file;
  file = g->session ? g->session->config().kb.file : std::string();
  return file.c_str();
}

// The next bytes of the KB file, as they arrive (the widget copies them).
EMSCRIPTEN_KEEPALIVE void widget_kb_chunk(const char* bytes, int length) {
  if (g->session && bytes && length > 0) g->session->kb_file_chunk(std::string_view(bytes, std::size_t(length)));
  g->frames_wanted = std::max(g->frames_wanted, 1);
}

// ok = 1: the file is complete; ok = 0: fetching it failed, `message` says why.
EMSCRIPTEN_KEEPALIVE void widget_kb_end(int ok, const char* message) {
  if (!g->session) return;
  if (ok) g->session->kb_file_end();
  else g->session->kb_file_failed(message ? message : "could not be loaded");
  g->frames_wanted = std::max(g->frames_wanted, 2);
}

}  // extern "C"
