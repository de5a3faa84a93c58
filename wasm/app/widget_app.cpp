#include "widget_app.h"

#include "screens/screens.h"
#include "theme.h"
#include "widget_view.h"
#include "widgets.h"

#include "config/config_parser.h"
#include "flow/flow_context_json.h"
#include "text/utf8_codec.h"

#include <imgui.h>

#include <algorithm>
#include <cfloat>

namespace app {
namespace {

static_assert(sizeof(ImWchar) == sizeof(unsigned short), "atlas_ranges_ holds ImWchar16");

const char* cursor_name(int cursor) {
  switch (cursor) {
    case ImGuiMouseCursor_TextInput: return "text";
    case ImGuiMouseCursor_Hand: return "pointer";
    default: return "default";
  }
}

nlohmann::json headers_json(const support::HttpRequest& r) {
  nlohmann::json h = nlohmann::json::object();
  for (const auto& [k, v] : r.headers) h[k] = v;
  return h;
}

}  // namespace

WidgetApp::WidgetApp(WidgetBackend& backend) : backend_(backend) {
  ImGui::CreateContext();
  ImGuiIO& io = ImGui::GetIO();
  io.IniFilename = nullptr;
  io.LogFilename = nullptr;
  io.ConfigFlags |= ImGuiConfigFlags_NoMouseCursorChange;
  ui::draw_context().tree = &tree_;
}

WidgetApp::~WidgetApp() {
  if (ui::draw_context().tree == &tree_) ui::draw_context().tree = nullptr;
  ImGui::DestroyContext();
}

void WidgetApp::start(std::string_view config_json, std::string locale, std::string key_seed,
                      std::string_view saved_draft, std::string_view browser_languages) {
  requested_locale_ = std::move(locale);
  if (!browser_languages.empty()) set_browser_languages(browser_languages);
  key_seed_ = std::move(key_seed);
  start_session(config_json, std::string(saved_draft));
}

// (Re)starts the session on a configuration; the saved draft (JSON or "") puts the customer
// back where they were. A configuration with problems shows the error panel instead.
void WidgetApp::start_session(std::string_view config_json, const std::string& saved_draft) {
  if (session_) last_draft_ = session_->saved_draft().dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  session_.reset();
  session_shown_ = false;
  auto parsed = support::parse_config(std::string(config_json));
  config_problems_ = parsed.problems;
  brand_color_ = parsed.config.brand.colors.primary;
  ui::apply_theme(brand_color_, scheme_);
  if (!config_problems_.empty()) return;
  locale_ = support::choose_locale(parsed.config.texts, requested_locale_, browser_languages_);
  session_ = std::make_unique<support::SupportSession>(std::move(parsed.config), locale_.locale, key_seed_);
  want_locale_glyphs();
  session_->set_customer_context(context_);
  if (!saved_draft.empty()) session_->restore_draft(nlohmann::json::parse(saved_draft, nullptr, false));
  apply_prefill();
  if (utc_now_ms_ > 0) session_->set_utc_now(static_cast<std::int64_t>(utc_now_ms_ / 1000));
  if (identified_) session_->customer_identified();
  saved_draft_revision_ = session_->draft_revision();
  frames_wanted_ = 3;
}

bool WidgetApp::set_config(std::string_view config_json) {
  const std::string saved =
      session_ ? session_->saved_draft().dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) : last_draft_;
  start_session(config_json, saved);
  return session_ != nullptr;
}

void WidgetApp::restart() {
  if (session_) session_->start_over();
  frames_wanted_ = 3;
}

void WidgetApp::want_frames(int count) { frames_wanted_ = std::max(frames_wanted_, count); }

void WidgetApp::fonts_loaded() {
  fonts_reloaded_ = true;
  frames_wanted_ = std::max(frames_wanted_, 2);
}

// What the home screen and the steps say in the session's language (and the default language
// its missing keys fall back to), the brand's name in it: in the atlas before the first frame.
void WidgetApp::want_locale_glyphs() {
  if (!session_) return;
  const support::Config& config = session_->config();
  glyphs_.want_text(config.brand.company_name);
  for (const std::string& locale : {session_->locale(), config.texts.default_locale}) {
    auto texts = config.texts.texts.find(locale);
    if (texts == config.texts.texts.end()) continue;
    for (const auto& [key, text] : texts->second) glyphs_.want_text(text);
  }
}

// The configuration's font (brand.font_family); the error panel, which has none, the default.
const std::string& WidgetApp::font_family() const {
  static const support::Brand defaults;
  return session_ ? session_->config().brand.font_family : defaults.font_family;
}

// Rasterised at device pixels and drawn at 1/dpr: crisp text on high-DPI screens (1.86 has no
// per-font density).
void WidgetApp::build_fonts() {
  ImGuiIO& io = ImGui::GetIO();
  ui::draw_context().fonts = glyphs_.build(backend_, *io.Fonts, dpr_, font_family());
  io.FontGlobalScale = 1.0f / dpr_;
  fonts_reloaded_ = false;
  backend_.fonts_changed();
}

void WidgetApp::resize(float css_width, float css_height, float device_pixel_ratio) {
  width_ = css_width;
  height_ = css_height;
  dpr_ = device_pixel_ratio > 0 ? device_pixel_ratio : 1;
  frames_wanted_ = 2;
}

void WidgetApp::pointer(float x, float y, int down) {
  ImGuiIO& io = ImGui::GetIO();
  if (down < 0) {
    io.MousePos = ImVec2(-FLT_MAX, -FLT_MAX);
    io.MouseDown[0] = false;
  } else {
    io.MousePos = ImVec2(x, y);
    io.MouseDown[0] = down == 1;
  }
  frames_wanted_ = 3;
}

void WidgetApp::dom_input(ui::SemanticInput input) {
  // What the page hands over is the customer's text: ill-formed bytes become U+FFFD here, so
  // nothing downstream (the draft, the request, the fingerprint) meets them.
  input.text = support::to_valid_utf8(input.text);
  tree_.push_input(std::move(input));
  frames_wanted_ = 3;
}

void WidgetApp::dom_scroll(float y) {
  ui::draw_context().dom_scroll = y;
  frames_wanted_ = 2;
}

void WidgetApp::focus_visible(bool visible) {
  ui::draw_context().focus_visible = visible;
  frames_wanted_ = 2;
}

void WidgetApp::set_preferences(bool dark, bool reduced_motion) {
  scheme_ = dark ? support::ColorScheme::Dark : support::ColorScheme::Light;
  ui::apply_theme(brand_color_, scheme_);
  ImGui::GetIO().ConfigInputTextCursorBlink = !reduced_motion;
  frames_wanted_ = 3;
}

nlohmann::json WidgetApp::palette_json() const {
  const support::Palette& p = ui::palette();
  return {{"surface", support::to_hex(p.surface)}, {"text", support::to_hex(p.text)},
          {"field", support::to_hex(p.field_bg)}, {"accent", support::to_hex(p.accent)},
          {"error", support::to_hex(p.error)}, {"font", font_family()}};
}

// The session's work between frames, a few milliseconds per frame so the page stays
// responsive: articles of the KB file (a 100,000-article KB loads meanwhile), then, in what is
// left of the budget, the duplicate check's latent topics (up to 180 ms in one go for a large
// KB). true while either has work left.
bool WidgetApp::work_within_budget() {
  constexpr double kBudgetMs = 6;
  constexpr std::size_t kBatch = 64;
  const double start = backend_.now_ms();
  std::size_t waiting = 0;
  do waiting = session_->index_waiting_articles(kBatch);   // nothing waiting: returns 0 at once
  while (waiting > 0 && backend_.now_ms() - start < kBudgetMs);
  bool learning = session_->learning_topics();
  // Not before a frame of this session is on screen: the first one comes as fast as without topics.
  if (session_shown_)
    while (learning && backend_.now_ms() - start < kBudgetMs) learning = session_->learn_topics_step();
  return waiting > 0 || learning;   // KB bytes still on the way wake us through kb_chunk, not by polling
}

bool WidgetApp::frame(double now_ms) {
  ImGuiIO& io = ImGui::GetIO();
  if (fonts_reloaded_ || glyphs_.stale(dpr_, font_family())) build_fonts();
  io.DisplaySize = ImVec2(width_, height_);
  io.DisplayFramebufferScale = ImVec2(dpr_, dpr_);
  const double dt = last_time_ms_ > 0 ? (now_ms - last_time_ms_) / 1000.0 : 1.0 / 60.0;
  io.DeltaTime = float(dt > 0 ? (dt < 1.0 ? dt : 1.0) : 1.0 / 60.0);
  last_time_ms_ = now_ms;

  bool session_busy = false;
  if (session_) {
    if (session_->tick(now_ms)) frames_wanted_ = std::max(frames_wanted_, 2);
    // A wake-up that is due soon keeps frames coming; later ones are the platform's timer's job.
    const auto wake = session_->wake_at();
    session_busy = work_within_budget() || (wake && *wake <= now_ms + 50);
  }

  backend_.new_frame();
  ImGui::NewFrame();
  tree_.begin_frame();
  if (session_) {
    if (ui::draw_widget(*session_, width_, height_).close) close_requested_ = true;
  } else {
    ui::draw_config_error_panel(config_problems_, width_, height_);
  }
  tree_.end_frame();
  ui::draw_context().dom_scroll.reset();
  // Text drawn with a glyph the atlas lacks: this frame would show "?", so it is not shown; the
  // atlas is built again with it and the next frame draws it.
  std::vector<char32_t>& missing = ui::draw_context().missing_glyphs;
  bool grew = false;
  for (char32_t cp : missing) grew |= glyphs_.want(cp);
  missing.clear();
  frame_discarded_ = grew;
  if (grew) frames_wanted_ = std::max(frames_wanted_, 2);
  if (session_)
    for (auto& e : events_.observe(*session_)) pending_events_.push_back({{"type", e.type}, {"detail", e.detail}});
  ImGui::Render();
  if (!frame_discarded_) backend_.render(ImGui::GetDrawData(), int(width_ * dpr_), int(height_ * dpr_));
  if (session_ && !frame_discarded_) session_shown_ = true;

  const int cursor = ImGui::GetMouseCursor();
  if (cursor != last_cursor_) {
    backend_.set_cursor(cursor_name(cursor));
    last_cursor_ = cursor;
  }
  if (frames_wanted_ > 0) --frames_wanted_;
  // Keep drawing while a button is held (press feedback) or input is still settling.
  return frames_wanted_ > 0 || io.MouseDown[0] || session_busy;
}

std::optional<std::string> WidgetApp::take_semantic() {
  if (frame_discarded_) return std::nullopt;   // published with the frame that shows it
  const ui::DrawContext& dc = ui::draw_context();
  return tree_.take_changed_json({dc.scroll_region_pos.x, dc.scroll_region_pos.y, dc.scroll_region_size.x,
                                  dc.scroll_region_size.y, dc.content_height, dc.scroll_y});
}

std::optional<nlohmann::json> WidgetApp::take_outbox() {
  nlohmann::json out = nlohmann::json::object();
  if (session_) {
    auto requests = session_->take_requests();
    if (!requests.empty()) {
      nlohmann::json list = nlohmann::json::array();
      for (const auto& r : requests)
        list.push_back({{"id", r.id}, {"method", r.method}, {"path", r.path}, {"body", r.body},
                        {"headers", headers_json(r)}});
      out["requests"] = std::move(list);
    }
    if (session_->draft_revision() != saved_draft_revision_) {
      saved_draft_revision_ = session_->draft_revision();
      out["draft"] = session_->saved_draft().dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    }
  }
  if (close_requested_) {
    out["close"] = true;
    close_requested_ = false;
  }
  if (!pending_events_.empty()) {
    out["events"] = std::move(pending_events_);
    pending_events_ = nlohmann::json::array();
  }
  if (out.empty()) return std::nullopt;
  return out;
}

void WidgetApp::http_response(int request_id, int status, std::string body, std::string retry_after) {
  if (session_) session_->on_response(request_id, {status, std::move(body), std::move(retry_after)});
  frames_wanted_ = 3;
}

void WidgetApp::set_online(bool online) {
  if (session_) session_->set_online(online);
  frames_wanted_ = 3;
}

std::optional<double> WidgetApp::wake_at() const {
  return session_ ? session_->wake_at() : std::nullopt;
}

void WidgetApp::set_utc_now(double unix_ms) {
  utc_now_ms_ = unix_ms;
  if (session_) session_->set_utc_now(static_cast<std::int64_t>(unix_ms / 1000));
}

void WidgetApp::identified() {
  identified_ = true;
  if (session_) session_->customer_identified();
  frames_wanted_ = 3;
}

bool WidgetApp::tick(double now_ms) {
  if (!session_) return false;
  session_->tick(now_ms);
  return session_->has_requests();
}

std::vector<std::string> WidgetApp::set_context(std::string_view context_json) {
  std::vector<std::string> problems;
  auto parsed = nlohmann::json::parse(context_json, nullptr, false);
  if (parsed.is_discarded()) problems.push_back("context: not JSON");
  support::FlowContext context =
      support::flow_context_from_json(parsed.is_discarded() ? nlohmann::json() : parsed, problems);
  context_ = context;
  if (session_) session_->set_customer_context(std::move(context));
  frames_wanted_ = 3;
  return problems;
}

// {"name","email","subject","description", "fields": {"site_url": ...}, "readOnly": true | ["email"]}
void WidgetApp::apply_prefill() {
  if (!session_ || !prefill_.is_object()) return;
  support::FormValues values;
  for (const char* key : {"name", "email", "subject", "description"})
    if (prefill_.contains(key) && prefill_[key].is_string()) values[key] = prefill_[key].get<std::string>();
  if (prefill_.contains("fields") && prefill_["fields"].is_object())
    for (const auto& [key, value] : prefill_["fields"].items())
      if (value.is_string()) values[key] = value.get<std::string>();
  std::vector<std::string> locked;
  const auto read_only = prefill_.value("readOnly", nlohmann::json());
  if (read_only == true)
    for (const auto& [key, value] : values) locked.push_back(key);
  if (read_only.is_array())
    for (const auto& key : read_only)
      if (key.is_string()) locked.push_back(key.get<std::string>());
  session_->prefill(values, locked);
}

std::vector<std::string> WidgetApp::prefill(std::string_view prefill_json) {
  std::vector<std::string> problems;
  auto parsed = nlohmann::json::parse(prefill_json, nullptr, false);
  if (!parsed.is_object()) {
    problems.push_back("prefill: expected an object such as {\"email\": \"ada@example.com\"}");
    return problems;
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
  if (!prefill_.is_object()) prefill_ = nlohmann::json::object();
  for (const auto& [key, value] : parsed.items()) prefill_[key] = value;
  apply_prefill();
  frames_wanted_ = 3;
  return problems;
}

bool WidgetApp::start_flow(const std::string& category_id) {
  if (!session_) return false;
  const auto& categories = session_->config().categories;
  if (std::none_of(categories.begin(), categories.end(), [&](const auto& c) { return c.id == category_id; })) return false;
  session_->choose_category(category_id);
  frames_wanted_ = 3;
  return session_->screen() == support::Screen::Flow;
}

// navigator.languages as JSON; a malformed list is kept as a problem for locale_json().
void WidgetApp::set_browser_languages(std::string_view json_list) {
  browser_languages_ = support::browser_languages_from_json(json_list, browser_languages_problem_);
}

nlohmann::json WidgetApp::locale_json() const {
  return {{"locale", locale_.locale}, {"reason", locale_.fallback_reason}, {"problem", browser_languages_problem_},
          {"texts_file", session_ ? session_->config().texts.pending_file(locale_.locale) : std::string()}};
}

std::vector<std::string> WidgetApp::add_locale_texts(const std::string& locale, std::string_view json_text) {
  if (!session_) return {"the widget has no configuration"};
  std::vector<std::string> problems;
  for (const support::JsonProblem& p : session_->add_locale_texts(locale, json_text)) problems.push_back(support::format_problem(p));
  if (locale == session_->locale()) want_locale_glyphs();
  frames_wanted_ = 3;
  return problems;
}

nlohmann::json WidgetApp::set_locale(std::string locale, std::optional<std::string_view> browser_languages) {
  requested_locale_ = std::move(locale);
  if (browser_languages) set_browser_languages(*browser_languages);
  if (session_) {
    locale_ = support::choose_locale(session_->config().texts, requested_locale_, browser_languages_);
    session_->set_locale(locale_.locale);
    want_locale_glyphs();
  }
  frames_wanted_ = 3;
  return locale_json();
}

std::string WidgetApp::kb_file() const { return session_ ? session_->config().kb.file : std::string(); }

void WidgetApp::kb_chunk(std::string_view bytes) {
  if (session_ && !bytes.empty()) session_->kb_file_chunk(bytes);
  frames_wanted_ = std::max(frames_wanted_, 1);
}

void WidgetApp::kb_end(bool ok, const std::string& message) {
  if (!session_) return;
  if (ok) session_->kb_file_end();
  else session_->kb_file_failed(message.empty() ? "could not be loaded" : message);
  frames_wanted_ = std::max(frames_wanted_, 2);
}

}  // namespace app
