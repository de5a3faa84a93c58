#pragma once
// Everything the widget shows and decides, without drawing it: which screen is up, the draft the
// customer is typing, the flow they are walking, what is being sent and what came back.
// The ImGui screens read this and call its actions; the browser glue moves its requests.
#include "config/config.h"
#include "session/http_exchange.h"
#include "ticket/field_error.h"
#include "ticket/ticket_draft.h"
#include "ticket/ticket_validation.h"

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <vector>

namespace support {

enum class Screen {
  Home,        // "What do you need help with?"
  TicketForm,  // the ticket form
  Sent,        // ticket stored: shows its number
};

class SupportSession {
public:
  // key_seed: a random string from the platform, so idempotency keys are unique per browser.
  SupportSession(Config config, std::string locale, std::string key_seed);

  const Config& config() const { return config_; }
  const std::string& locale() const { return locale_; }
  // The configured text for key, placeholders filled in (see config/config_text.h).
  std::string text(const std::string& key) const;

  Screen screen() const { return screen_; }
  void go_home();
  void choose_category(const std::string& category_id);

  // --- ticket form ---
  TicketDraft& draft() { return draft_; }   // the UI writes typed text here, then calls draft_edited
  const TicketDraft& draft() const { return draft_; }
  void draft_edited(const std::string& field);
  // Bumped on every change: the platform saves the draft locally when it moves.
  unsigned draft_revision() const { return draft_revision_; }
  nlohmann::json saved_draft() const;
  void restore_draft(const nlohmann::json& saved);   // ignores anything malformed

  // The error for a field after a submit attempt ("" if none); cleared when the field changes.
  std::string field_error(const std::string& field) const;
  const std::string& form_error() const { return form_error_; }
  void submit();
  bool sending() const { return sending_request_.has_value(); }

  // --- after sending ---
  long ticket_number() const { return ticket_number_; }
  const std::string& ticket_id() const { return ticket_id_; }
  void start_over();

  // --- platform side ---
  std::vector<HttpRequest> take_requests();
  void on_response(int request_id, const HttpResponse& response);

  ValidationRules validation_rules() const;

private:
  void send_ticket();
  void new_idempotency_key();

  Config config_;
  std::string locale_;
  std::string key_seed_;
  unsigned key_counter_ = 0;
  Screen screen_ = Screen::Home;

  TicketDraft draft_;
  unsigned draft_revision_ = 0;
  FieldErrors field_errors_;
  std::string form_error_;

  int next_request_id_ = 1;
  std::vector<HttpRequest> outgoing_;
  std::optional<int> sending_request_;

  long ticket_number_ = 0;
  std::string ticket_id_;
};

}  // namespace support
