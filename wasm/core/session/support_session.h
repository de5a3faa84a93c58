#pragma once
// Everything the widget shows and decides, without drawing it: which screen is up, the flow the
// customer is walking, the form they are typing, the KB articles they read, what is being sent
// and what came back. The ImGui screens read this and call its actions; the browser glue moves
// its requests and saves its draft.
#include "config/config.h"
#include "flow/flow_run.h"
#include "flow/form_submission.h"
#include "kb/kb_article.h"
#include "kb/kb_file.h"
#include "search/search_index.h"
#include "session/http_exchange.h"
#include "session/live_search.h"
#include "ticket/field_error.h"

#include <nlohmann/json.hpp>

#include <deque>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace support {

enum class Screen {
  Home,      // "What do you need help with?" + KB search
  Flow,      // the current step of the category's flow (info, checklist, choice, kb_check, advice, form, end)
  Article,   // a KB article, with "Did this answer your question?"
  Sent,      // ticket stored (shows what was sent), or the problem was solved without one
};

// A ticket this browser sent, as the server confirmed it: what the customer sees after sending
// (also after a reload), and what an unchanged resubmit is recognised by.
struct SentTicket {
  long number = 0;
  std::string subject;
  std::string created_at;   // ISO 8601 UTC, from the server's answer
};

// The KB file named by the configuration (kb.file), as it loads.
struct KbFileStatus {
  std::string file;                   // as configured; empty when there is none
  bool loading = false;               // bytes still arriving or articles still being indexed
  std::size_t articles = 0;           // articles from the file in the index so far
  std::size_t waiting = 0;            // read, not indexed yet
  std::vector<std::string> problems;  // "line 17: ..." for the site owner (preview, console)
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
  std::string& search_query() { return search_query_; }
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
  // flow/flow_jump.h). false if there is no such step.
  bool jump_to(const std::string& flow_id, const std::string& step_id);
  // Articles to offer at a kb_check step: its article ids first, then search hits for its query.
  std::vector<const KbArticle*> step_articles() const;

  // --- KB articles ---
  void open_article(const std::string& article_id);
  const KbArticle* article() const { return article_; }
  void article_answered(bool answered);   // "Did this answer your question?"
  const KbArticle* find_article(const std::string& id) const;

  // --- form (the flow's form step) ---
  std::string& form_value(const std::string& field_id) { return form_values_[field_id]; }
  void form_edited(const std::string& field_id);   // the UI changed a value
  std::string field_error(const std::string& field) const;
  const std::string& form_error() const { return form_error_; }
  void submit();
  bool sending() const { return sending_request_.has_value(); }
  // Articles matching what the customer is writing (subject + description), for "maybe this
  // helps"; as of the last tick().
  const std::vector<SearchHit>& form_suggestions() const { return form_search_.hits(); }

  // --- after sending or resolving ---
  long ticket_number() const { return ticket_number_; }
  // The last ticket this browser sent (kept across reloads); nullopt before the first.
  const std::optional<SentTicket>& last_sent() const { return last_sent_; }
  void start_over();

  // --- the KB file (kb.file): the platform fetches it and hands the bytes over as they arrive;
  // the articles are indexed a batch at a time so the page never freezes ---
  void kb_file_chunk(std::string_view bytes);
  void kb_file_end();
  void kb_file_failed(const std::string& message);   // could not fetch it
  // Indexes up to `max_articles` waiting articles; returns how many still wait.
  std::size_t index_waiting_articles(std::size_t max_articles);
  KbFileStatus kb_file_status() const;

  // --- platform side ---
  std::vector<HttpRequest> take_requests();
  void on_response(int request_id, const HttpResponse& response);
  // Bumped on every change worth keeping: the platform saves saved_draft() locally when it moves.
  unsigned draft_revision() const { return draft_revision_; }
  nlohmann::json saved_draft() const;
  void restore_draft(const nlohmann::json& saved);   // ignores anything malformed

private:
  void start_flow_screen();   // a new run_ was just set
  // Starts the category's flow and gives the answers again, as far as they still lead.
  void replay_flow(const std::string& category, const nlohmann::json& answers);
  // The same flow again with the answers given so far (after the context or locale changed),
  // staying on the screen that is up.
  void replay_current_flow();
  void after_flow_move();
  void post_event(nlohmann::json event);
  void send_ticket();
  void ticket_sent(const nlohmann::json& answer);
  void new_idempotency_key();
  void add_article(KbArticle article);
  void take_file_articles();
  std::string form_search_text() const;
  bool on_form() const;

  Config config_;
  std::string locale_;
  std::string key_seed_;
  unsigned key_counter_ = 0;
  std::string idempotency_key_;
  // Fingerprint of the one request the current key was sent with (empty: not used yet). A key
  // belongs to one exact request: a changed draft gets a new key, never the old ticket's.
  std::string key_request_;
  bool key_reuse_retried_ = false;
  Screen screen_ = Screen::Home;
  FlowContext customer_context_;
  SearchIndex index_;
  std::unordered_map<std::string, const KbArticle*> articles_by_id_;
  std::deque<KbArticle> file_articles_;    // a deque: pointers to its articles stay valid
  std::unique_ptr<KbFileReader> kb_reader_;
  std::deque<KbArticle> kb_waiting_;       // read from the file, not indexed yet
  std::size_t kb_indexed_ = 0;
  bool kb_file_done_ = false;
  std::vector<std::string> kb_problems_;
  std::string search_query_;
  LiveSearch search_box_;
  LiveSearch form_search_;

  std::optional<FlowRun> run_;
  bool resolution_reported_ = false;
  const KbArticle* article_ = nullptr;
  Screen article_return_ = Screen::Home;
  std::vector<std::string> articles_opened_;

  FormValues form_values_;
  unsigned draft_revision_ = 0;
  FieldErrors field_errors_;
  std::string form_error_;

  int next_request_id_ = 1;
  std::vector<HttpRequest> outgoing_;
  std::optional<int> sending_request_;
  long ticket_number_ = 0;
  std::optional<SentTicket> last_sent_;
};

}  // namespace support
