#include "session/support_session.h"

#include "config/config_text.h"

namespace support {

SupportSession::SupportSession(Config config, std::string locale, std::string key_seed)
    : config_(std::move(config)), locale_(std::move(locale)), key_seed_(std::move(key_seed)) {
  if (locale_.empty()) locale_ = config_.texts.default_locale;
  draft_.locale = locale_;
  new_idempotency_key();
}

std::string SupportSession::text(const std::string& key) const {
  return config_text(config_, locale_, key, draft_.product);
}

void SupportSession::go_home() { screen_ = Screen::Home; }

void SupportSession::choose_category(const std::string& category_id) {
  if (!config_.find_category(category_id)) return;
  if (draft_.category != category_id) {
    draft_.category = category_id;
    ++draft_revision_;
  }
  screen_ = Screen::TicketForm;
}

nlohmann::json SupportSession::saved_draft() const {
  nlohmann::json j = to_json(draft_);
  j["screen"] = screen_ == Screen::TicketForm ? "form" : "home";
  return j;
}

void SupportSession::restore_draft(const nlohmann::json& saved) {
  if (!saved.is_object()) return;
  TicketDraft restored = ticket_draft_from_json(saved);
  // Keep this browser's key if the saved one is missing: a restored draft is the same ticket.
  if (restored.idempotency_key.empty()) restored.idempotency_key = draft_.idempotency_key;
  if (restored.locale.empty()) restored.locale = locale_;
  draft_ = std::move(restored);
  ++draft_revision_;
  auto screen = saved.find("screen");
  if (screen != saved.end() && *screen == "form" && config_.find_category(draft_.category)) screen_ = Screen::TicketForm;
}

std::string SupportSession::field_error(const std::string& field) const {
  for (const auto& e : field_errors_)
    if (e.field == field) return e.message;
  return {};
}

void SupportSession::draft_edited(const std::string& field) {
  ++draft_revision_;
  for (auto it = field_errors_.begin(); it != field_errors_.end();)
    it = it->field == field ? field_errors_.erase(it) : it + 1;
}

ValidationRules SupportSession::validation_rules() const {
  ValidationRules rules;
  rules.description_min = static_cast<std::size_t>(config_.min_description_length(""));
  for (const auto& c : config_.categories)
    rules.description_min_by_category[c.id] = static_cast<std::size_t>(config_.min_description_length(c.id));
  return rules;
}

void SupportSession::submit() {
  if (sending()) return;   // a double click must not send twice
  form_error_.clear();
  field_errors_ = validate_ticket_draft(draft_, validation_rules());
  if (!field_errors_.empty()) {
    form_error_ = text("ui.form.fix_errors");
    return;
  }
  send_ticket();
}

void SupportSession::send_ticket() {
  HttpRequest request;
  request.id = next_request_id_++;
  request.method = "POST";
  request.path = "/api/tickets";
  request.body = to_json(draft_).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  request.headers = {{"Content-Type", "application/json"}, {"Idempotency-Key", draft_.idempotency_key}};
  sending_request_ = request.id;
  outgoing_.push_back(std::move(request));
}

std::vector<HttpRequest> SupportSession::take_requests() {
  std::vector<HttpRequest> out;
  out.swap(outgoing_);
  return out;
}

void SupportSession::on_response(int request_id, const HttpResponse& response) {
  if (!sending_request_ || *sending_request_ != request_id) return;   // stale answer
  sending_request_.reset();
  nlohmann::json body = nlohmann::json::parse(response.body, nullptr, false);
  if (response.status == 200 || response.status == 201) {
    if (body.is_object() && body.contains("number") && body["number"].is_number_integer()) {
      ticket_number_ = body["number"].get<long>();
      ticket_id_ = body.value("id", std::string());
      screen_ = Screen::Sent;
      return;
    }
    form_error_ = text("ui.error.bad_answer");
    return;
  }
  if (response.status == 422 && body.is_object() && body.contains("errors") && body["errors"].is_array()) {
    field_errors_.clear();
    for (const auto& e : body["errors"]) {
      if (!e.is_object()) continue;
      field_errors_.push_back({e.value("field", std::string()), e.value("code", std::string()),
                               e.value("message", std::string())});
    }
    form_error_ = text("ui.form.fix_errors");
    return;
  }
  // Nothing the customer typed is lost: the draft stays, the same idempotency key is reused on retry.
  if (response.status == 0) form_error_ = text("ui.error.offline");
  else if (body.is_object() && body.contains("error") && body["error"].is_string())
    form_error_ = text("ui.error.server") + " " + body["error"].get<std::string>();
  else
    form_error_ = text("ui.error.server");
}

void SupportSession::start_over() {
  std::string name = draft_.name, email = draft_.email;
  draft_ = TicketDraft{};
  draft_.name = name;          // people rarely change who they are between tickets
  draft_.email = email;
  draft_.locale = locale_;
  ++draft_revision_;
  field_errors_.clear();
  form_error_.clear();
  ticket_number_ = 0;
  ticket_id_.clear();
  new_idempotency_key();
  screen_ = Screen::Home;
}

void SupportSession::new_idempotency_key() {
  draft_.idempotency_key = key_seed_ + "-" + std::to_string(++key_counter_);
}

}  // namespace support
