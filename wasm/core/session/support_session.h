#pragma once
// Everything the widget shows and decides, without drawing it: which screen is up, the flow the
// customer is walking, the articles they read, and the live searches. The ImGui screens read this
// and call its actions; the browser glue moves its requests and saves its draft. The work itself
// is done by its collaborators, one job each:
//   KnowledgeBase   the articles and their search index     (session/knowledge_base.h)
//   KbFileLoader    the KB file streaming into it           (session/kb_file_loader.h)
//   TicketForm      values, errors, submit, request/answer, idempotency key (session/ticket_form.h)
//   RequestQueue    the requests waiting for the platform   (session/request_queue.h)
//   SessionDraft    the local draft and its JSON            (session/draft_store.h)
//   LiveSearch      debounced suggestions                   (session/live_search.h)
//   DraftScreening  findings, tone, email check shown on the form (session/draft_screening.h)
//   SentHistory     this browser's recent tickets           (session/sent_history.h)
//   EarlierTickets  duplicate screening against them        (session/earlier_tickets.h)
//   MyTickets       the identified customer's list          (session/my_tickets.h)
#include "config/config.h"
#include "config/config_problem.h"
#include "kb/kb_article.h"
#include "run/flow_run.h"
#include "search/search_index.h"
#include "session/draft_screening.h"
#include "session/draft_store.h"
#include "session/earlier_tickets.h"
#include "session/http_exchange.h"
#include "session/kb_file_loader.h"
#include "session/knowledge_base.h"
#include "session/live_search.h"
#include "session/my_tickets.h"
#include "session/request_queue.h"
#include "session/sent_ticket.h"
#include "session/ticket_form.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace support {

enum class Screen {
  Home,      // "What do you need help with?" + KB search
  Flow,      // the current step of the category's flow (info, checklist, choice, kb_check, advice, form, end)
  Article,   // a KB article, with "Did this answer your question?"
  TicketSent,   // the server stored the ticket: what was sent, its number, where to follow it
  Resolved,     // the problem was solved without a ticket ("fixed it", "this answered it")
  Duplicate,    // the draft looks like an earlier ticket: both side by side, nothing sent yet
  EarlierTicket,   // that earlier ticket on its own ("Go to that ticket", or an exact resubmit)
  MyTickets,       // an identified customer's tickets: number, subject, status, last update
};

class SupportSession {
public:
  // key_seed: a random string from the platform, so idempotency keys are unique per browser.
  SupportSession(Config config, std::string locale, std::string key_seed);
  SupportSession(const SupportSession&) = delete;   // the flow run and article point into config_
  SupportSession& operator=(const SupportSession&) = delete;

  const Config& config() const { return config_; }
  const std::string& locale() const { return locale_; }
  // Speaks another configured locale from now on (see config/locale_choice.h for picking one):
  // a flow in progress is replayed in it, keeping its answers, screen and what was typed.
  void set_locale(std::string locale);
  // A locale's texts from its texts file (config.texts.files), as the platform fetched them; the
  // screens speak them at once when it is the session's locale. Returns the file's problems.
  ConfigProblems add_locale_texts(const std::string& locale, std::string_view json_text);
  // The configured text for key, placeholders filled in (see config/config_text.h).
  std::string text(const std::string& key) const;

  Screen screen() const { return screen_; }
  void go_home();

  // What the page knows about the customer (logged in, plan, ...): flow conditions read it.
  // Applies at once: a flow in progress is replayed with it, keeping its answers.
  void set_customer_context(FlowContext context);
  const FlowContext& customer_context() const { return customer_context_; }

  // --- home: categories and search ---
  void choose_category(const std::string& category_id);
  const std::string& search_query() const { return search_query_; }
  void set_search_query(std::string text) { search_query_ = std::move(text); }   // the UI's search box changed
  // Hits for the search box, as of the last tick() (debounced, see session/live_search.h).
  const std::vector<SearchHit>& search_hits() const { return search_box_.hits(); }
  // A one-off search, for tools and tests.
  std::vector<SearchHit> search(const std::string& query, std::size_t limit = 5) const;

  // --- time: the platform calls tick() before drawing each frame ---
  // Runs the searches whose text has rested. true when something changed.
  bool tick(double now_ms);
  // When tick() has work waiting (a debounced search); nullopt when idle.
  std::optional<double> wake_at() const;

  // --- flow ---
  const FlowRun* flow() const { return run_ ? &*run_ : nullptr; }
  void answer(const std::string& answer_id);
  void back();      // previous step, or home from the first one
  void forward();
  // Staff preview: put the run on any step of any flow (by its shortest real route, see
  // run/flow_jump.h). false if there is no such step.
  bool jump_to(const std::string& flow_id, const std::string& step_id);
  // Articles to offer at a kb_check step: its article ids first, then search hits for its query.
  std::vector<const KbArticle*> step_articles() const;

  // --- KB articles ---
  void open_article(const std::string& article_id);
  const KbArticle* article() const { return article_; }
  void article_answered(bool answered);   // "Did this answer your question?"
  const KbArticle* find_article(const std::string& id) const { return kb_.find(id); }

  // --- form (the flow's form step) ---
  const std::string& form_value(const std::string& field_id) const { return form_.value(field_id); }
  // The UI's field changed: the value is kept (and saved in the draft), its error goes.
  void set_form_value(const std::string& field_id, std::string text);
  std::string field_error(const std::string& field) const { return form_.field_error(field); }
  const std::string& form_error() const { return form_.error(); }
  void submit();
  bool sending() const { return form_.sending(); }
  // Getting the ticket through: it is retried on its own after no answer, 429 or 5xx (with
  // backoff, honouring Retry-After) and waits while the browser is offline.
  DeliveryState delivery_state() const { return form_.delivery_state(); }
  std::string delivery_message() const { return form_.delivery_message(); }   // empty when nothing waits
  void cancel_sending();
  void set_online(bool online);   // the platform's online/offline events
  // Articles matching what the customer is writing (subject + description), for "maybe this
  // helps"; as of the last tick().
  const std::vector<SearchHit>& form_suggestions() const { return form_search_.hits(); }
  // What the page already knows (SupportWidget prefill): fills the fields that are empty now and
  // again after "start over"; fields in `locked` keep the page's value (read-only in the form).
  void prefill(const FormValues& values, const std::vector<std::string>& locked);
  bool field_locked(const std::string& field_id) const;
  // Files for the ticket (session/support_session_attachments.cpp): the platform hands over the
  // bytes of each file picked, dropped or pasted; a refused one leaves a message naming it.
  bool add_attachment(const std::string& name, const std::string& declared_type, std::string_view bytes);
  void begin_adding_files();   // a new pick/drop/paste: the refusals of the last one go
  void file_unreadable(const std::string& name);   // the platform could not read it: say so
  void remove_attachment(std::size_t index);
  const TicketAttachments& attachments() const { return form_.attachments(); }
  // The limits for the form that is up (none when it has no "attachments" field), texts in the locale.
  AttachmentLimits attachment_limits() const;

  // --- screening before submit (docs/screening.md) ---
  // Findings, tone notes, email check and reminder for the form as it stands (recomputed after a
  // change of the values, the flow or the locale).
  const DraftScreening& screening() const;
  // "Did you mean name@gmail.com?" tapped: the email field takes the suggestion.
  void accept_email_suggestion();
  // The earlier ticket the submitted draft looks like (Duplicate and EarlierTicket screens).
  const std::optional<DuplicateMatch>& duplicate() const { return duplicate_; }
  // The draft held back on the Duplicate screen (subject and description as they would be sent).
  const std::optional<TicketDraft>& held_draft() const { return held_draft_; }
  // "This looks like ticket #N from <date>, which is <status>." or, for an exact resubmit, "You
  // already sent this exact message as ticket #N".
  std::string duplicate_message() const;
  std::string earlier_ticket_date() const;     // the match's date, readable
  std::string earlier_ticket_status() const;   // the match's status in the locale's words
  void open_earlier_ticket();      // "Go to that ticket"
  void send_as_different_problem();   // "It's a different problem": sent, the choice recorded
  void back_to_draft();            // from either screen back to the form, everything kept
  // The provider's advice for the address just used, on the success screen (its first ticket
  // from this browser); and in a flow step that lists generic spam-folder advice, the advice for
  // the address the widget knows (typed or prefilled).
  std::optional<EmailAdvice> sent_email_advice() const;
  std::optional<EmailAdvice> step_email_advice() const;
  // The page identified the customer (SupportWidget identify): their tickets are fetched from
  // GET /api/my/tickets, the open ones screened against, all of them listed under "My tickets".
  void customer_identified();
  bool identified() const { return identified_; }
  // "My tickets" (identified customers only): the list is fetched again each time it is opened,
  // and after each ticket sent, so it is never older than the customer's last action.
  void open_my_tickets();
  void reload_my_tickets();
  void close_my_tickets();   // back to the screen it was opened from
  const MyTickets& my_tickets() const { return my_tickets_; }
  // A ticket's status in the locale's words ("my_tickets.status.<status>"), else as the server said.
  std::string ticket_status_text(const std::string& status) const;
  std::size_t earlier_ticket_count() const { return earlier_.size(); }
  // The platform's clock (seconds since 1970, UTC): sent history older than 90 days expires.
  void set_utc_now(std::int64_t unix_seconds);
  const SentHistory& sent_history() const { return history_; }

  // --- after sending or resolving ---
  long ticket_number() const { return form_.ticket_number(); }
  // The last ticket this browser sent (kept across reloads); nullopt before the first.
  const std::optional<SentTicket>& last_sent() const { return form_.last_sent(); }
  void start_over();

  // --- the KB file (kb.file): the platform fetches it and hands the bytes over as they arrive;
  // the articles are indexed a batch at a time so the page never freezes ---
  void kb_file_chunk(std::string_view bytes) { kb_file_.chunk(bytes); }
  void kb_file_end() { kb_file_.end(); }
  void kb_file_failed(const std::string& message) { kb_file_.failed(message); }   // could not fetch it
  // Indexes up to `max_articles` waiting articles; returns how many still wait.
  std::size_t index_waiting_articles(std::size_t max_articles);
  KbFileStatus kb_file_status() const { return kb_file_.status(); }

  // --- the duplicate check's latent topics (docs/screening.md): learned from the KB and the
  // earlier tickets after the session starts and again when a ticket joins, one bounded step at
  // a time (half a millisecond in wasm), by the platform between frames; a check meanwhile uses
  // the last topics learned (none before the first) ---
  bool learn_topics_step() { return earlier_.learn_topics_step(); }   // true while steps remain
  bool learning_topics() const { return earlier_.learning_topics(); }
  bool has_duplicate_topics() const { return earlier_.has_topics(); }   // never from under 300 articles and tickets
  std::size_t topic_steps_taken() const { return earlier_.topic_steps(); }

  // --- platform side ---
  std::vector<HttpRequest> take_requests() { return requests_.take(); }
  bool has_requests() const { return requests_.waiting(); }
  void on_response(int request_id, const HttpResponse& response);
  // Bumped on every change worth keeping: the platform saves saved_draft() locally when it moves.
  unsigned draft_revision() const { return draft_revision_; }
  nlohmann::json saved_draft() const;
  void restore_draft(const nlohmann::json& saved);   // ignores anything malformed

private:
  SessionDraft draft() const;
  void restore_saved_attachments(const nlohmann::json& saved);
  void start_flow_screen();   // a new run_ was just set
  // Starts the category's flow and gives the answers again, as far as they still lead.
  void replay_flow(const std::string& category, const std::vector<std::string>& answers);
  // The same flow again with the answers given so far (after the context or locale changed),
  // staying on the screen that is up.
  void replay_current_flow();
  void after_flow_move();
  void post_event(const nlohmann::json& event);
  void history_changed();
  void ticket_sent();
  std::string form_search_text() const;
  bool on_form() const;

  Config config_;
  std::string locale_;
  Screen screen_ = Screen::Home;
  FlowContext customer_context_;
  KnowledgeBase kb_;
  KbFileLoader kb_file_;
  RequestQueue requests_;
  TicketForm form_;
  std::string search_query_;
  LiveSearch search_box_;
  LiveSearch form_search_;

  std::optional<FlowRun> run_;
  bool resolution_reported_ = false;
  const KbArticle* article_ = nullptr;
  Screen article_return_ = Screen::Home;
  std::vector<std::string> articles_opened_;
  FormValues prefill_;                      // what the page filled in (SupportWidget prefill)
  std::vector<std::string> locked_fields_;  // ...and locked: read-only in the form
  void apply_prefill();
  unsigned draft_revision_ = 0;

  SentHistory history_;
  EarlierTickets earlier_;
  bool identified_ = false;
  MyTickets my_tickets_;
  int my_tickets_request_ = 0;   // the fetch in flight, 0 when none
  bool my_tickets_refetch_ = false;   // a new token came while it was out: fetch once more
  Screen my_tickets_return_ = Screen::Home;
  std::optional<DuplicateMatch> duplicate_;
  std::optional<TicketDraft> held_draft_;
  mutable DraftScreening screening_;
  mutable unsigned screening_revision_ = ~0u;
};

}  // namespace support
