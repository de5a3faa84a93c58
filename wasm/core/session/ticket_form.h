#pragma once
// The flow's form step as a ticket on its way to the server: the values typed, the errors to
// show, the submit, the request and its answer, and the idempotency key bound to the one exact
// request it was sent with (a retry of that request keeps it; anything changed gets a new one).
#include "config/config.h"
#include "delivery/ticket_sender.h"
#include "run/flow_run.h"
#include "run/form_submission.h"
#include "session/http_exchange.h"
#include "session/request_queue.h"
#include "session/sent_ticket.h"
#include "session/ticket_attachments.h"
#include "ticket/field_error.h"
#include "ticket/ticket_draft.h"

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace support {

class TicketForm {
 public:
  using TextLookup = std::function<std::string(const std::string& key)>;

  // key_seed: a random string from the platform, so idempotency keys are unique per browser.
  // `text` gives the messages shown above the form ("form.fix_errors", "error.server", ...).
  TicketForm(const Config& config, std::string key_seed, RequestQueue& requests, TextLookup text);

  const FormValues& values() const { return values_; }
  const std::string& value(const std::string& field_id) const;
  // A field changed: its error goes (the customer is fixing it). false when the text is the same.
  bool set_value(const std::string& field_id, std::string text);
  std::string field_error(const std::string& field_id) const;
  const std::string& error() const { return error_; }
  void clear_errors();
  // The files going with the ticket; call files_changed() after adding or removing one.
  TicketAttachments& attachments() { return attachments_; }
  const TicketAttachments& attachments() const { return attachments_; }
  void files_changed();

  // Checks the values (the form's rules, then the server's own rules on the ticket they make)
  // and, when all is well, queues the ticket. Ignored while a ticket is on its way.
  void submit(const FlowRun& run, const std::vector<std::string>& articles_opened);
  // submit() in two halves, so the session can screen the ticket in between: check() validates
  // (plus `blocking`, e.g. required screening findings) and shows the errors, or returns the
  // ticket the form makes; send_checked() sends it with the screening record.
  std::optional<TicketDraft> check(const FlowRun& run, const std::vector<std::string>& articles_opened,
                                   const FieldErrors& blocking = {});
  void send_checked(TicketDraft draft);
  // What the screening asked and the customer chose (ticket "screening"); null: nothing. Part of
  // the request, so it is kept with the draft and goes again with a resend after a reload.
  void set_screening_record(nlohmann::json record) { screening_record_ = std::move(record); }
  const nlohmann::json& screening_record() const { return screening_record_; }
  // A ticket is on its way: sent and not answered yet, or waiting to be tried again.
  bool sending() const { return sender_.active(); }

  // --- getting it through (delivery/ticket_sender.h): retries, offline, cancel ---
  // The time, from the platform's frame tick; queues a retry when one is due. true if it did.
  bool tick(double now_ms);
  void set_online(bool online);
  DeliveryState delivery_state() const { return sender_.state(); }
  std::optional<double> retry_at() const { return sender_.retry_at(); }
  // When the platform should call tick() again: a due retry, or the next change of the
  // "trying again in N s" countdown.
  std::optional<double> wake_at() const;
  // The customer stopped the retries: nothing more goes out, the form is theirs again. The key
  // stays, so sending the unchanged form later cannot make a second ticket.
  void cancel_sending();
  // A line for the customer while a ticket waits ("trying again in 8 s", "offline"); empty else.
  std::string delivery_message() const;

  enum class Answer { not_ours, failed, sent, retrying };
  // The platform's answer to a request: `sent` when the server stored the ticket (the form is
  // then ready for the next one: new key, subject and description cleared, name and email kept).
  Answer on_response(int request_id, const HttpResponse& response);

  // The number shown after sending (0: none, e.g. an article solved it).
  long ticket_number() const { return ticket_number_; }
  void forget_ticket_number() { ticket_number_ = 0; }
  const std::optional<SentTicket>& last_sent() const { return last_sent_; }
  // The ticket the server stored last, as it was sent (for the sent history).
  const std::optional<TicketDraft>& last_stored() const { return last_stored_; }
  // A new ticket from scratch: no errors, no number shown, a fresh key.
  void start_over();

  // For the local draft.
  const std::string& idempotency_key() const { return idempotency_key_; }
  const std::string& key_request() const { return key_request_; }
  // A ticket was on its way when the draft was saved: send it again after a reload (same
  // request, same key, so it is stored once whatever happened to the first try).
  bool was_sending() const { return sender_.active(); }
  // Puts back what a saved draft held: its values (over the current ones), the key of the unsent
  // ticket with its request (an empty key keeps the current one), the last ticket sent.
  void restore(const FormValues& values, const std::string& key, const std::string& key_request,
               const std::optional<SentTicket>& last_sent, const nlohmann::json& screening_record = nullptr);
  // Back on "what was sent" after a reload.
  void show_last_sent() { ticket_number_ = last_sent_ ? last_sent_->number : 0; }

 private:
  void send(TicketDraft draft);
  void ticket_stored(const nlohmann::json& answer);
  void new_idempotency_key();

  const Config& config_;
  RequestQueue& requests_;
  TextLookup text_;
  FormValues values_;
  FieldErrors field_errors_;
  std::string error_;

  std::string key_seed_;
  unsigned key_counter_ = 0;
  std::string idempotency_key_;
  // Fingerprint of the one request the current key was sent with (empty: not used yet). A key
  // belongs to one exact request: a changed draft gets a new key, never the old ticket's.
  std::string key_request_;
  bool key_reuse_retried_ = false;
  std::optional<TicketDraft> pending_;   // the ticket on its way (without its key)
  TicketSender sender_;
  double now_ms_ = 0;
  long ticket_number_ = 0;
  std::optional<SentTicket> last_sent_;
  std::optional<TicketDraft> last_stored_;
  nlohmann::json screening_record_ = nullptr;
  TicketAttachments attachments_;
};

}  // namespace support
