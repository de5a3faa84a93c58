// The widget's entry points, called by shell/widget-host.js: each turns C strings into the app's
// plain calls (wasm/app/widget_app.h) and its answers into JSON or numbers. With web_backend.cpp
// and web_library.js, the only code that knows it runs in a browser.
#include "web_app.h"
#include "web_backend.h"

#include <emscripten/emscripten.h>

#include <memory>
#include <string>
#include <vector>

namespace web {
namespace {

struct Module {
  WebBackend backend;
  std::unique_ptr<app::WidgetApp> app;
  std::string semantic_out, outbox_out, json_out, locale_out, kb_file_out, problems_out;
};
Module* module = nullptr;

std::string text(const char* s) { return s ? s : ""; }

}  // namespace

app::WidgetApp& widget_app() { return *module->app; }

const char* keep(std::string& slot, const nlohmann::json& value) {
  slot = value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  return slot.c_str();
}

}  // namespace web

using web::keep;
using web::module;
using web::text;

extern "C" {

// config_json: the site owner's configuration; locale: data-locale ("" when none); key_seed: random
// per browser; saved_draft: JSON or ""; browser_languages: navigator.languages as a JSON array
// (may be null). widget_locale() then says which locale was chosen and why. 0 without WebGL2.
EMSCRIPTEN_KEEPALIVE int widget_init(const char* config_json, const char* locale, const char* key_seed,
                                     const char* saved_draft, const char* browser_languages) {
  module = new web::Module();
  module->app = std::make_unique<app::WidgetApp>(module->backend);
  if (!module->backend.init()) return 0;
  module->app->start(text(config_json), text(locale), text(key_seed), text(saved_draft), text(browser_languages));
  return 1;
}

// A web font of the page that the glyphs asked for has loaded (web_library.js, glyphFont).
EMSCRIPTEN_KEEPALIVE void widget_fonts_loaded() {
  if (module) module->app->fonts_loaded();
}

EMSCRIPTEN_KEEPALIVE void widget_resize(float css_width, float css_height, float dpr) {
  module->app->resize(css_width, css_height, dpr);
}

// Pointer in CSS pixels relative to the canvas; down: 1 pressed, 0 released, 2 moved without
// pressing (also used over mirrored buttons, which activate by id), -1 left the widget.
EMSCRIPTEN_KEEPALIVE void widget_pointer(float x, float y, int down) { module->app->pointer(x, y, down); }

// What the mirrored DOM did: 0 activate, 1 focus, 2 blur, 3 set text (with selection in UTF-16 units).
EMSCRIPTEN_KEEPALIVE void widget_dom_input(int kind, unsigned id, const char* value, int sel_start, int sel_end) {
  module->app->dom_input({static_cast<ui::SemanticInput::Kind>(kind), id, text(value), sel_start, sel_end});
}

EMSCRIPTEN_KEEPALIVE void widget_dom_scroll(float y) { module->app->dom_scroll(y); }

EMSCRIPTEN_KEEPALIVE void widget_focus_visible(int visible) { module->app->focus_visible(visible != 0); }

// The browser's preferences: dark = prefers-color-scheme: dark; reduced_motion =
// prefers-reduced-motion: reduce (no caret blink). They apply from the next frame.
EMSCRIPTEN_KEEPALIVE void widget_set_preferences(int dark, int reduced_motion) {
  module->app->set_preferences(dark != 0, reduced_motion != 0);
}

// The colours in use, as {"name": "#rrggbb"}, for what the page draws itself (the text fields).
EMSCRIPTEN_KEEPALIVE const char* widget_palette() { return keep(module->json_out, module->app->palette_json()); }

// Draws one frame. Returns 1 if the widget wants another frame soon, 0 if it can sleep until input.
EMSCRIPTEN_KEEPALIVE int widget_frame(double now_ms) { return module->app->frame(now_ms) ? 1 : 0; }

// The semantic list as JSON when it changed since the last call, else null.
EMSCRIPTEN_KEEPALIVE const char* widget_take_semantic() {
  auto changed = module->app->take_semantic();
  if (!changed) return nullptr;
  module->semantic_out = std::move(*changed);
  return module->semantic_out.c_str();
}

// Work for the page glue, as JSON, or null when there is none:
// {"requests":[{id,method,path,headers,body}], "close":true, "draft":"<json to save locally>",
//  "events":[{"type","detail"}] (see session/session_events.h)}
EMSCRIPTEN_KEEPALIVE const char* widget_take_outbox() {
  auto out = module->app->take_outbox();
  return out ? keep(module->outbox_out, *out) : nullptr;
}

// retry_after: the answer's Retry-After header ("" when none), for the automatic retries.
EMSCRIPTEN_KEEPALIVE void widget_http_response(int request_id, int status, const char* body, const char* retry_after) {
  module->app->http_response(request_id, status, text(body), text(retry_after));
}

// The browser's online/offline events: a ticket waiting for the network goes out when it is back.
EMSCRIPTEN_KEEPALIVE void widget_set_online(int online) { module->app->set_online(online != 0); }

// When the session next needs the time (a debounced search, a retry, the retry countdown), in
// the clock of widget_frame; -1 when it needs nothing. The page sleeps until then instead of
// drawing frames to find out.
EMSCRIPTEN_KEEPALIVE double widget_wake_at() {
  const auto at = module->app->wake_at();
  return at ? *at : -1;
}

// The page's wall clock (Date.now()): sent tickets older than 90 days leave the local history.
EMSCRIPTEN_KEEPALIVE void widget_set_utc_now(double unix_ms) { module->app->set_utc_now(unix_ms); }

// The page identified the customer (SupportWidget identify): their open tickets are fetched and
// screened against for duplicates too.
EMSCRIPTEN_KEEPALIVE void widget_identified() { module->app->identified(); }

// Time passes for the session without drawing: the panel may be closed while a ticket waits to
// be retried. Returns 1 when requests are waiting to be taken (widget_take_outbox).
EMSCRIPTEN_KEEPALIVE int widget_tick(double now_ms) { return module->app->tick(now_ms) ? 1 : 0; }

// What the page knows about the customer, as a JSON object ({"logged_in": true, ...}); flow
// conditions read it. Returns the problems as a JSON array of strings (empty when all was taken).
EMSCRIPTEN_KEEPALIVE const char* widget_set_context(const char* context_json) {
  return keep(module->json_out, module->app->set_context(text(context_json)));
}

// ---- the page's JavaScript API (SupportWidget, shell/loader.js) ----

// {"name","email","subject","description","product","fields":{id: text},"readOnly": true | [ids]}.
// Returns the problems as a JSON array of strings (empty when all was taken).
EMSCRIPTEN_KEEPALIVE const char* widget_prefill(const char* prefill_json) {
  return keep(module->json_out, module->app->prefill(text(prefill_json)));
}

// Starts the flow of a category (its id in the configuration's categories). 0 if there is none.
EMSCRIPTEN_KEEPALIVE int widget_start_flow(const char* category_id) {
  return category_id && module->app->start_flow(category_id) ? 1 : 0;
}

// The locale in use: {"locale":"de","reason":"","problem":""}; reason says why a requested
// locale was not used ("locale 'fr' is not configured; using 'en'"), problem what was wrong with
// the browser's languages, so the page can warn the site owner.
EMSCRIPTEN_KEEPALIVE const char* widget_locale() { return keep(module->locale_out, module->app->locale_json()); }

// Changes the language while the widget runs (the JS API's setLocale): `locale` as data-locale,
// browser_languages as in widget_init (null keeps the known ones). The customer stays on their
// step with what they typed. Returns what widget_locale() returns.
EMSCRIPTEN_KEEPALIVE const char* widget_set_locale(const char* locale, const char* browser_languages) {
  std::optional<std::string_view> languages;
  if (browser_languages) languages = browser_languages;
  return keep(module->locale_out, module->app->set_locale(text(locale), languages));
}

// The texts file widget_locale() named (texts_file), as the page glue fetched it. Returns a JSON
// list of its problems ([] when the widget now speaks it).
EMSCRIPTEN_KEEPALIVE const char* widget_locale_texts(const char* locale, const char* json_text) {
  return keep(module->problems_out, module->app->add_locale_texts(text(locale), text(json_text)));
}

// ---- the KB file (kb.file) ----

// The KB file the configuration names ("" when none); the page glue fetches it.
EMSCRIPTEN_KEEPALIVE const char* widget_kb_file() {
  module->kb_file_out = module->app->kb_file();
  return module->kb_file_out.c_str();
}

// The next bytes of the KB file, as they arrive (the widget copies them).
EMSCRIPTEN_KEEPALIVE void widget_kb_chunk(const char* bytes, int length) {
  if (bytes && length > 0) module->app->kb_chunk(std::string_view(bytes, std::size_t(length)));
}

// ok = 1: the file is complete; ok = 0: fetching it failed, `message` says why.
EMSCRIPTEN_KEEPALIVE void widget_kb_end(int ok, const char* message) { module->app->kb_end(ok != 0, text(message)); }

}  // extern "C"
