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
#include "config/locale_choice.h"
#include "run/flow_catalog.h"
#include "flow/flow_context_json.h"
#include "session/session_events.h"
#include "session/session_snapshot.h"
#include "session/support_session.h"
#include "text/font_coverage.h"

#include <emscripten/emscripten.h>
#include <imgui.h>
#include <imgui_impl_opengl3.h>

#include <algorithm>
#include <memory>
#include <string>
#include <vector>

extern "C" void web_set_cursor(const char* name);

using web::g;
using web::keep;
using web::start_session;
using web::Widget;

namespace {

// The atlas's glyph ranges: the code points the font subset keeps (assets/fonts/coverage.txt),
// zero-terminated. The atlas keeps the pointer, so the list lives as long as the module.
const ImWchar* glyph_ranges() {
  static const std::vector<ImWchar> ranges = [] {
    std::vector<ImWchar> list;
    for (const support::CodePointRange& r : support::widget_font_coverage()) {
      if (r.first > IM_UNICODE_CODEPOINT_MAX) continue;   // beyond what ImWchar holds in this build
      list.push_back(ImWchar(r.first));
      list.push_back(ImWchar(std::min<char32_t>(r.last, IM_UNICODE_CODEPOINT_MAX)));
    }
    list.push_back(0);
    return list;
  }();
  return ranges.data();
}

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
  const ImWchar* ranges = glyph_ranges();
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

// {"name","email","subject","description", "fields": {"site_url": ...}, "readOnly": true | ["email"]}
void apply_prefill() {
  if (!g->session || !g->prefill.is_object()) return;
  support::FormValues values;
  for (const char* key : {"name", "email", "subject", "description"})
    if (g->prefill.contains(key) && g->prefill[key].is_string()) values[key] = g->prefill[key].get<std::string>();
  if (g->prefill.contains("fields") && g->prefill["fields"].is_object())
    for (const auto& [key, value] : g->prefill["fields"].items())
      if (value.is_string()) values[key] = value.get<std::string>();
  std::vector<std::string> locked;
  const auto read_only = g->prefill.value("readOnly", nlohmann::json());
  if (read_only == true)
    for (const auto& [key, value] : values) locked.push_back(key);
  if (read_only.is_array())
    for (const auto& key : read_only)
      if (key.is_string()) locked.push_back(key.get<std::string>());
  g->session->prefill(values, locked);
}

// navigator.languages as JSON; a malformed list is kept as a problem for widget_locale().
void set_browser_languages(const char* json_list) {
  g->browser_languages = support::browser_languages_from_json(json_list, g->browser_languages_problem);
}

}  // namespace

namespace web {

Widget* g = nullptr;

// (Re)starts the session on a configuration; the saved draft (JSON or "") puts the customer
// back where they were. A configuration with problems shows the error panel instead.
void start_session(const char* config_json, const std::string& saved_draft) {
  if (g->session) g->last_draft = g->session->saved_draft().dump();
  g->session.reset();
  g->config_text = config_json ? config_json : "";
  auto parsed = support::parse_config(g->config_text);
  g->config_problems = parsed.problems;
  g->brand_color = parsed.config.brand.colors.primary;
  ui::apply_theme(g->brand_color, g->scheme);
  if (!g->config_problems.empty()) return;
  g->locale = support::choose_locale(parsed.config.texts, g->requested_locale, g->browser_languages);
  g->session = std::make_unique<support::SupportSession>(std::move(parsed.config), g->locale.locale, g->key_seed);
  g->session->set_customer_context(g->context);
  if (!saved_draft.empty()) {
    auto saved = nlohmann::json::parse(saved_draft, nullptr, false);
    g->session->restore_draft(saved);
  }
  apply_prefill();
  if (g->utc_now_ms > 0) g->session->set_utc_now(static_cast<std::int64_t>(g->utc_now_ms / 1000));
  if (g->identified) g->session->customer_identified();
  g->saved_draft_revision = g->session->draft_revision();
  g->frames_wanted = 3;
}

const char* keep(std::string& slot, const nlohmann::json& value) {
  slot = value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  return slot.c_str();
}

}  // namespace web

extern "C" {

// config_json: the site owner's configuration; locale: data-locale ("" when none); key_seed: random
// per browser; saved_draft: JSON or ""; browser_languages: navigator.languages as a JSON array
// (may be null). widget_locale() then says which locale was chosen and why.
EMSCRIPTEN_KEEPALIVE int widget_init(const char* config_json, const char* locale, const char* key_seed,
                                     const char* saved_draft, const char* browser_languages) {
  g = new Widget();
  ImGui::CreateContext();
  ImGuiIO& io = ImGui::GetIO();
  io.IniFilename = nullptr;
  io.LogFilename = nullptr;
  io.ConfigFlags |= ImGuiConfigFlags_NoMouseCursorChange;
  io.BackendPlatformName = "support_widget_web";
  if (!web::gl_init()) return 0;

  g->requested_locale = locale ? locale : "";
  if (browser_languages) set_browser_languages(browser_languages);
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

// The browser's preferences: dark = prefers-color-scheme: dark; reduced_motion =
// prefers-reduced-motion: reduce (no caret blink). They apply from the next frame.
EMSCRIPTEN_KEEPALIVE void widget_set_preferences(int dark, int reduced_motion) {
  g->scheme = dark ? support::ColorScheme::Dark : support::ColorScheme::Light;
  ui::apply_theme(g->brand_color, g->scheme);
  ImGui::GetIO().ConfigInputTextCursorBlink = !reduced_motion;
  g->frames_wanted = 3;
}

// The colours in use, as {"name": "#rrggbb"}, for what the page draws itself (the text fields).
EMSCRIPTEN_KEEPALIVE const char* widget_palette() {
  const support::Palette& p = ui::palette();
  return keep(g->json_out, {{"surface", support::to_hex(p.surface)}, {"text", support::to_hex(p.text)},
                            {"field", support::to_hex(p.field_bg)}, {"accent", support::to_hex(p.accent)},
                            {"error", support::to_hex(p.error)}});
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
    // A wake-up that is due soon keeps frames coming; later ones are the page's timer's job.
    const auto wake = g->session->wake_at();
    session_busy = index_kb_within_budget() || (wake && *wake <= now_ms + 50);
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
  if (g->session)
    for (auto& e : g->events.observe(*g->session)) g->pending_events.push_back({{"type", e.type}, {"detail", e.detail}});
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
// {"requests":[{id,method,path,headers,body}], "close":true, "draft":"<json to save locally>",
//  "events":[{"type","detail"}] (see session/session_events.h)}
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
  if (!g->pending_events.empty()) {
    out["events"] = std::move(g->pending_events);
    g->pending_events = nlohmann::json::array();
  }
  if (out.empty()) return nullptr;
  g->outbox_out = out.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  return g->outbox_out.c_str();
}

// retry_after: the answer's Retry-After header ("" when none), for the automatic retries.
EMSCRIPTEN_KEEPALIVE void widget_http_response(int request_id, int status, const char* body, const char* retry_after) {
  if (g->session) g->session->on_response(request_id, {status, body ? body : "", retry_after ? retry_after : ""});
  g->frames_wanted = 3;
}

// The browser's online/offline events: a ticket waiting for the network goes out when it is back.
EMSCRIPTEN_KEEPALIVE void widget_set_online(int online) {
  if (g->session) g->session->set_online(online != 0);
  g->frames_wanted = 3;
}

// When the session next needs the time (a debounced search, a retry, the retry countdown), in
// the clock of widget_frame; -1 when it needs nothing. The page sleeps until then instead of
// drawing frames to find out.
EMSCRIPTEN_KEEPALIVE double widget_wake_at() {
  if (!g->session) return -1;
  const auto at = g->session->wake_at();
  return at ? *at : -1;
}

// The page's wall clock (Date.now()): sent tickets older than 90 days leave the local history.
EMSCRIPTEN_KEEPALIVE void widget_set_utc_now(double unix_ms) {
  g->utc_now_ms = unix_ms;
  if (g->session) g->session->set_utc_now(static_cast<std::int64_t>(unix_ms / 1000));
}

// The page identified the customer (SupportWidget identify): their open tickets are fetched and
// screened against for duplicates too.
EMSCRIPTEN_KEEPALIVE void widget_identified() {
  g->identified = true;
  if (g->session) g->session->customer_identified();
  g->frames_wanted = 3;
}

// Time passes for the session without drawing: the panel may be closed while a ticket waits to
// be retried. Returns 1 when requests are waiting to be taken (widget_take_outbox).
EMSCRIPTEN_KEEPALIVE int widget_tick(double now_ms) {
  if (!g->session) return 0;
  g->session->tick(now_ms);
  return g->session->has_requests() ? 1 : 0;
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

// ---- the page's JavaScript API (SupportWidget, shell/loader.js) ----

// Fills the form with what the page knows; see apply_prefill for the shape. Returns the problems
// as a JSON array of strings (empty when all was taken).
EMSCRIPTEN_KEEPALIVE const char* widget_prefill(const char* prefill_json) {
  std::vector<std::string> problems;
  auto parsed = nlohmann::json::parse(prefill_json ? prefill_json : "", nullptr, false);
  if (!parsed.is_object()) {
    problems.push_back("prefill: expected an object such as {\"email\": \"ada@example.com\"}");
    return keep(g->json_out, problems);
  }
  static const char* known[] = {"name", "email", "subject", "description", "fields", "readOnly", "product"};
  for (const auto& entry : parsed.items()) {
    const std::string key = entry.key();
    const auto& value = entry.value();
    if (std::find_if(std::begin(known), std::end(known), [&](const char* k) { return key == k; }) == std::end(known))
      problems.push_back("prefill." + key + ": unknown (use name, email, subject, description, product, fields, readOnly)");
    else if (key != "fields" && key != "readOnly" && !value.is_string())
      problems.push_back("prefill." + key + ": expected a string");
  }
  if (parsed.contains("fields") && !parsed["fields"].is_object()) problems.push_back("prefill.fields: expected an object");
  if (parsed.contains("readOnly") && !parsed["readOnly"].is_boolean() && !parsed["readOnly"].is_array())
    problems.push_back("prefill.readOnly: expected true or a list of field names");
  if (!g->prefill.is_object()) g->prefill = nlohmann::json::object();
  for (const auto& [key, value] : parsed.items()) g->prefill[key] = value;
  apply_prefill();
  g->frames_wanted = 3;
  return keep(g->json_out, problems);
}

// Starts the flow of a category (its id in the configuration's categories). 0 if there is none.
EMSCRIPTEN_KEEPALIVE int widget_start_flow(const char* category_id) {
  if (!g->session || !category_id) return 0;
  const auto& categories = g->session->config().categories;
  if (std::none_of(categories.begin(), categories.end(), [&](const auto& c) { return c.id == category_id; })) return 0;
  g->session->choose_category(category_id);
  g->frames_wanted = 3;
  return g->session->screen() == support::Screen::Flow ? 1 : 0;
}

// The locale in use: {"locale":"de","reason":"","problem":""}; reason says why a requested
// locale was not used ("locale 'fr' is not configured; using 'en'"), problem what was wrong with
// the browser's languages, so the page can warn the site owner.
EMSCRIPTEN_KEEPALIVE const char* widget_locale() {
  return keep(g->locale_out, {{"locale", g->locale.locale}, {"reason", g->locale.fallback_reason},
                              {"problem", g->browser_languages_problem}});
}

// Changes the language while the widget runs (the JS API's setLocale): `locale` as data-locale,
// browser_languages as in widget_init (null keeps the known ones). The customer stays on their
// step with what they typed. Returns what widget_locale() returns.
EMSCRIPTEN_KEEPALIVE const char* widget_set_locale(const char* locale, const char* browser_languages) {
  g->requested_locale = locale ? locale : "";
  if (browser_languages) set_browser_languages(browser_languages);
  if (g->session) {
    g->locale = support::choose_locale(g->session->config().texts, g->requested_locale, g->browser_languages);
    g->session->set_locale(g->locale.locale);
  }
  g->frames_wanted = 3;
  return widget_locale();
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
