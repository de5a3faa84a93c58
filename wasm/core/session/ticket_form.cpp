#include "session/ticket_form.h"

#include "ticket/ticket_rules_from_config.h"
#include "ticket/ticket_validation.h"

#include <algorithm>
#include <cmath>
#include <cstdint>

namespace support {

namespace {
// FNV-1a, 64 bits: the request fingerprint and the retry jitter's seed.
std::uint64_t fnv1a64(const std::string& text) {
  std::uint64_t hash = 1469598103934665603ull;
  for (unsigned char c : text) hash = (hash ^ c) * 1099511628211ull;
  return hash;
}

// As hex: enough to tell two requests apart in the local draft without keeping the whole body.
std::string request_fingerprint(const std::string& body) {
  std::uint64_t hash = fnv1a64(body);
  static const char* digits = "0123456789abcdef";
  std::string out(16, '0');
  for (int i = 15; i >= 0; --i, hash >>= 4) out[static_cast<std::size_t>(i)] = digits[hash & 15];
  return out;
}

const std::string kNoValue;
}  // namespace

TicketForm::TicketForm(const Config& config, std::string key_seed, RequestQueue& requests, TextLookup text)
    : config_(config), requests_(requests), text_(std::move(text)), key_seed_(std::move(key_seed)),
      sender_(fnv1a64(key_seed_)) {
  new_idempotency_key();
}

const std::string& TicketForm::value(const std::string& field_id) const {
  auto it = values_.find(field_id);
  return it == values_.end() ? kNoValue : it->second;
}

bool TicketForm::set_value(const std::string& field_id, std::string text) {
  auto it = values_.find(field_id);
  if (it != values_.end() && it->second == text) return false;
  values_[field_id] = std::move(text);
  // A ticket on its way carries the old text: stop it, so what goes out is what was typed.
  if (sender_.active()) {
    sender_.cancel();
    error_ = text_("delivery.edited");
  }
  for (auto e = field_errors_.begin(); e != field_errors_.end();)
    e = e->field == field_id ? field_errors_.erase(e) : e + 1;
  // "It's a different problem" was said of the text as it was: an edit asks again.
  if (field_id == "subject" || field_id == "description") screening_record_ = nullptr;
  return true;
}

std::string TicketForm::field_error(const std::string& field_id) const {
  for (const auto& e : field_errors_)
    if (e.field == field_id) return e.message;
  return {};
}

void TicketForm::files_changed() {
  // As for a typed change: a ticket on its way carries the old files, so it is stopped.
  if (sender_.active()) {
    sender_.cancel();
    error_ = text_("delivery.edited");
  }
  for (auto e = field_errors_.begin(); e != field_errors_.end();)
    e = e->field.compare(0, 11, "attachments") == 0 ? field_errors_.erase(e) : e + 1;
}

void TicketForm::clear_errors() {
  field_errors_.clear();
  error_.clear();
}

void TicketForm::submit(const FlowRun& run, const std::vector<std::string>& articles_opened) {
  if (auto draft = check(run, articles_opened)) send_checked(std::move(*draft));
}

std::optional<TicketDraft> TicketForm::check(const FlowRun& run, const std::vector<std::string>& articles_opened,
                                             const FieldErrors& blocking) {
  if (sending() || !run.reached_form()) return std::nullopt;   // a double click must not send twice
  error_.clear();
  field_errors_ = validate_form_values(config_, run, values_);
  // Then the server's own rules on the ticket the form makes, so the widget never sends what the
  // server would refuse (one error per field: the form's own message wins).
  if (field_errors_.empty()) {
    TicketDraft draft = ticket_draft_from_form(config_, run, values_);
    draft.attachments = attachments_.files();
    field_errors_ = validate_ticket_draft(draft, ticket_rules_from_config(config_));
  }
  for (const auto& b : blocking) {
    bool has = false;
    for (const auto& e : field_errors_) has |= e.field == b.field;
    if (!has) field_errors_.push_back(b);
  }
  if (!field_errors_.empty()) {
    error_ = text_("form.fix_errors");
    return std::nullopt;
  }
  TicketDraft draft = ticket_draft_from_form(config_, run, values_);
  draft.articles_opened = articles_opened;
  draft.attachments = attachments_.files();
  return draft;
}

void TicketForm::send_checked(TicketDraft draft) {
  if (sending()) return;
  draft.screening = screening_record_;
  send(std::move(draft));
}

void TicketForm::send(TicketDraft draft) {
  // The same request again (a retry after a lost answer) keeps its key, so the server answers
  // with the ticket it already stored; anything changed is a new request and gets a new key.
  // Typed text may hold invalid UTF-8 (a lone surrogate from the DOM): replaced, never thrown.
  const std::string fingerprint =
      request_fingerprint(to_json(draft).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
  if (!key_request_.empty() && key_request_ != fingerprint) new_idempotency_key();
  key_request_ = fingerprint;
  pending_ = draft;
  draft.idempotency_key = idempotency_key_;
  HttpRequest request;
  request.method = "POST";
  request.path = "/api/tickets";
  request.body = to_json(draft).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  request.headers = {{"Content-Type", "application/json"}, {"Idempotency-Key", idempotency_key_}};
  request.id = requests_.resend(request);
  sender_.start(std::move(request), now_ms_);
}

bool TicketForm::tick(double now_ms) {
  now_ms_ = now_ms;
  const DeliveryState before = sender_.state();
  const int next_id = requests_.peek_next_id();
  if (auto retry = sender_.due(now_ms, next_id)) {
    requests_.resend(std::move(*retry));
    return true;
  }
  return sender_.state() != before;
}

void TicketForm::set_online(bool online) { sender_.set_online(online, now_ms_); }

std::optional<double> TicketForm::wake_at() const {
  const auto at = sender_.retry_at();
  if (!at) return std::nullopt;
  const double left = *at - now_ms_;
  if (left <= 0) return *at;
  const double to_next_second = std::fmod(left, 1000.0);
  return std::min(*at, now_ms_ + (to_next_second > 0 ? to_next_second : 1000.0));
}

void TicketForm::cancel_sending() {
  if (!sender_.active()) return;
  sender_.cancel();
  error_ = text_("delivery.cancelled");
}

std::string TicketForm::delivery_message() const {
  switch (sender_.state()) {
    case DeliveryState::WaitingToRetry: {
      const double left = std::max(0.0, *sender_.retry_at() - now_ms_);
      std::string message = text_("delivery.retrying");
      const std::string seconds = std::to_string(static_cast<long>(std::ceil(left / 1000.0)));
      if (const auto at = message.find("{seconds}"); at != std::string::npos) message.replace(at, 9, seconds);
      return message;
    }
    case DeliveryState::Offline: return text_("delivery.offline");
    case DeliveryState::Sending:
    case DeliveryState::Idle: break;
  }
  return {};
}

TicketForm::Answer TicketForm::on_response(int request_id, const HttpResponse& answer) {
  if (!sender_.active() || sender_.request().id != request_id) return Answer::not_ours;   // events, or a stale answer
  const std::optional<HttpResponse> final_answer = sender_.on_response(request_id, answer, now_ms_);
  if (!final_answer) return Answer::retrying;   // no answer, 429 or 5xx: the sender tries again
  const HttpResponse& response = *final_answer;
  nlohmann::json body = nlohmann::json::parse(response.body, nullptr, false);
  if (response.status == 200 || response.status == 201) {
    if (body.is_object() && body.contains("number") && body["number"].is_number_integer()) {
      ticket_stored(body);
      return Answer::sent;
    }
    error_ = text_("error.server");
    return Answer::failed;
  }
  if (response.status == 422 && body.is_object() && body.value("code", std::string()) == "idempotency_key_reused") {
    // The server has another request under this key (one whose answer we never saw): this draft
    // is not stored yet. Send it as the new request it is, once.
    new_idempotency_key();
    key_request_.clear();
    if (!key_reuse_retried_ && pending_) {
      key_reuse_retried_ = true;
      send(*pending_);
      return Answer::failed;
    }
    error_ = text_("error.server");
    return Answer::failed;
  }
  if (response.status == 422 && body.is_object() && body.contains("errors") && body["errors"].is_array()) {
    field_errors_.clear();
    for (const auto& e : body["errors"]) {
      if (!e.is_object()) continue;
      field_errors_.push_back({e.value("field", std::string()), e.value("code", std::string()),
                               e.value("message", std::string())});
    }
    error_ = text_("form.fix_errors");
    return Answer::failed;
  }
  // The server's final word on this request (no answer, 429 and 5xx were retried above). Its own
  // wording is for developers, not customers: the form shows ours, and keeps everything typed.
  error_ = text_("error.server");
  return Answer::failed;
}

// The server stored the ticket: remember what was sent, and make sure nothing that follows can be
// taken for it. The key is spent; the next ticket is about something else.
void TicketForm::ticket_stored(const nlohmann::json& answer) {
  ticket_number_ = answer["number"].get<long>();
  last_sent_ = SentTicket{ticket_number_, value("subject"), answer.value("created_at", std::string())};
  new_idempotency_key();
  key_request_.clear();
  key_reuse_retried_ = false;
  last_stored_ = pending_;
  pending_.reset();
  screening_record_ = nullptr;
  clear_errors();
  values_.erase("subject");        // the next ticket is about something else;
  values_.erase("description");    // name and email stay for it
  attachments_.clear();
}

void TicketForm::start_over() {
  clear_errors();
  screening_record_ = nullptr;
  ticket_number_ = 0;
  new_idempotency_key();
  key_request_.clear();
  key_reuse_retried_ = false;
}

void TicketForm::restore(const FormValues& values, const std::string& key, const std::string& key_request,
                         const std::optional<SentTicket>& last_sent, const nlohmann::json& screening_record) {
  for (const auto& [field, text] : values) values_[field] = text;
  if (screening_record.is_object()) screening_record_ = screening_record;
  if (!key.empty()) {
    idempotency_key_ = key;           // the same unsent ticket keeps its key...
    key_request_ = key_request;       // ...and the request it was sent with, if any
  }
  if (last_sent) last_sent_ = last_sent;
}

void TicketForm::new_idempotency_key() { idempotency_key_ = key_seed_ + "-" + std::to_string(++key_counter_); }

}  // namespace support
