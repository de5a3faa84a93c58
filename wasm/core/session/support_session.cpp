#include "session/support_session.h"

#include "config/config_text.h"
#include "config/locale_texts_json.h"
#include "run/flow_jump.h"

#include <algorithm>
#include <cmath>

namespace support {

namespace {
constexpr std::size_t kMaxSavedAnswers = 200;
constexpr std::size_t kMaxSavedArticles = 100;
// Below this many articles a search costs well under a millisecond: answer every keystroke.
// Above it, wait for the typing to pause.
constexpr std::size_t kInstantSearchArticles = 5000;
constexpr double kSearchBoxDelayMs = 80;
// The form's text is long and the suggestions sit under it: update them when the writer pauses.
constexpr double kFormSuggestionDelayMs = 300;

SearchOptions with_limit(std::size_t limit) {
  SearchOptions options;
  options.limit = limit;
  return options;
}
}  // namespace

SupportSession::SupportSession(Config config, std::string locale, std::string key_seed)
    : config_(std::move(config)),
      locale_(std::move(locale)),
      kb_(config_.kb.articles, locale_.empty() ? config_.texts.default_locale : locale_, config_.texts.default_locale),
      kb_file_(config_.kb.file),
      form_(config_, std::move(key_seed), requests_, [this](const std::string& key) { return text(key); }),
      search_box_(with_limit(5)),
      form_search_(with_limit(3)),
      earlier_(config_.screening.duplicates.threshold) {
  if (locale_.empty()) locale_ = config_.texts.default_locale;
  // The KB teaches the duplicate check which words are common on this site and which go together
  // (the latter learned later, between frames: this runs inside the click that opens the widget).
  for (const KbArticle& article : config_.kb.articles) earlier_.add_background(article);
  earlier_.background_complete();
}

std::string SupportSession::text(const std::string& key) const {
  const std::string product = run_ ? run_->context().value_or("product") : std::string();
  return config_text(config_, locale_, key, product);
}

void SupportSession::go_home() {
  screen_ = Screen::Home;
  ++draft_revision_;
}

// ---- home ----

void SupportSession::set_customer_context(FlowContext context) {
  customer_context_ = std::move(context);
  replay_current_flow();
}

void SupportSession::set_locale(std::string locale) {
  locale_ = locale.empty() ? config_.texts.default_locale : std::move(locale);
  kb_.set_locale(locale_);   // the articles written for it, where there are
  if (article_) article_ = kb_.find(article_->id);
  search_box_.invalidate();   // the hits were found in the other language's articles
  form_search_.invalidate();
  replay_current_flow();   // the run's locale names the steps in the ticket's log
}

ConfigProblems SupportSession::add_locale_texts(const std::string& locale, std::string_view json_text) {
  ConfigProblems problems = support::add_locale_texts(config_.texts, locale, json_text);
  if (locale == locale_) set_locale(locale_);   // the flow's log names its steps in the new words
  return problems;
}

void SupportSession::replay_current_flow() {
  if (!run_) return;
  const SessionDraft saved = draft();
  const Screen screen = screen_;
  replay_flow(saved.category, saved.answers);
  if (run_ && screen != Screen::Home) screen_ = screen;
  ++draft_revision_;
}

void SupportSession::choose_category(const std::string& category_id) {
  run_ = FlowRun::for_category(config_, category_id, customer_context_, locale_);
  if (run_) start_flow_screen();
}

void SupportSession::start_flow_screen() {
  article_ = nullptr;
  resolution_reported_ = false;
  form_.clear_errors();
  screen_ = Screen::Flow;
  ++draft_revision_;
  after_flow_move();
}

std::vector<SearchHit> SupportSession::search(const std::string& query, std::size_t limit) const {
  return kb_.index().search(query, with_limit(limit));
}

// ---- time ----

bool SupportSession::tick(double now_ms) {
  // Each search follows its text only while its screen is up, so the hits are still there when
  // the customer comes back from reading an article.
  bool changed = false;
  const SearchIndex& index = kb_.index();
  if (screen_ == Screen::Home) {
    const double delay = index.size() <= kInstantSearchArticles ? 0 : kSearchBoxDelayMs;
    changed |= search_box_.update(search_query_, index, now_ms, delay);
  }
  if (on_form()) changed |= form_search_.update(form_search_text(), index, now_ms, kFormSuggestionDelayMs);
  // The delivery runs whatever screen is up: a ticket waiting to be retried goes out on time.
  changed |= form_.tick(now_ms);
  return changed;
}

std::optional<double> SupportSession::wake_at() const {
  auto a = screen_ == Screen::Home ? search_box_.due_at() : std::nullopt;
  auto b = on_form() ? form_search_.due_at() : std::nullopt;
  std::optional<double> at;
  for (const auto& t : {a, b, form_.wake_at()})
    if (t && (!at || *t < *at)) at = t;
  return at;
}

bool SupportSession::on_form() const { return screen_ == Screen::Flow && run_ && run_->reached_form(); }

// ---- flow ----

void SupportSession::answer(const std::string& answer_id) {
  if (!run_ || !run_->answer(answer_id)) return;
  ++draft_revision_;
  after_flow_move();
}

void SupportSession::back() {
  if (screen_ == Screen::Article) { screen_ = article_return_; return; }
  if (screen_ == Screen::EarlierTicket && duplicate_ && !duplicate_->exact) { screen_ = Screen::Duplicate; return; }
  if (screen_ == Screen::Duplicate || screen_ == Screen::EarlierTicket) { back_to_draft(); return; }
  if (!run_ || !run_->back()) { go_home(); return; }
  ++draft_revision_;
}

void SupportSession::forward() {
  if (run_ && run_->forward()) ++draft_revision_;
}

bool SupportSession::jump_to(const std::string& flow_id, const std::string& step_id) {
  const Flow* flow = config_.find_flow(flow_id);
  if (!flow) return false;
  FlowContext context = customer_context_;
  for (const Category& category : config_.categories)
    if (category.flow == flow_id) {
      context.set("category", category.id);
      break;
    }
  auto run = run_to_step(config_, *flow, step_id, context, locale_);
  if (!run) return false;
  run_ = std::move(run);
  start_flow_screen();
  return true;
}

void SupportSession::after_flow_move() {
  // "Fixed it" or "this answered it": count it once, no ticket.
  if (run_->is_resolved() && !resolution_reported_) {
    resolution_reported_ = true;
    const auto& path = run_->path();
    std::string step = path.size() >= 2 ? path[path.size() - 2].step_id : std::string();
    post_event({{"type", "resolved"}, {"category", run_->context().value_or("category")}, {"step", step},
                {"flow", run_->flow().id}});
  }
}

std::vector<const KbArticle*> SupportSession::step_articles() const {
  std::vector<const KbArticle*> out;
  if (!run_) return out;
  const FlowStep& step = run_->current_step();
  auto add = [&](const std::string& id) {
    const KbArticle* a = find_article(id);
    for (const KbArticle* seen : out)
      if (seen == a) return;
    if (a) out.push_back(a);
  };
  for (const auto& id : step.article_ids) add(id);
  if (!step.kb_query.empty()) {
    SearchOptions options;
    options.limit = 3;
    options.prefix_last = false;
    for (const auto& hit : kb_.index().search(step.kb_query, options))
      add(hit.id);
  }
  return out;
}

// ---- the KB file ----

std::size_t SupportSession::index_waiting_articles(std::size_t max_articles) {
  const bool had_waiting = kb_file_.waiting() > 0;
  const std::size_t still_waiting = kb_file_.index_waiting(max_articles, kb_);
  // New articles may answer what is already typed; the debounce keeps this to one search.
  if (had_waiting && (still_waiting == 0 || search_box_.hits().empty())) {
    search_box_.invalidate();
    form_search_.invalidate();
  }
  return still_waiting;
}

// ---- articles ----

void SupportSession::open_article(const std::string& article_id) {
  const KbArticle* a = find_article(article_id);
  if (!a) return;
  if (screen_ != Screen::Article) article_return_ = screen_;
  article_ = a;
  screen_ = Screen::Article;
  bool seen = false;
  for (const auto& id : articles_opened_) seen |= id == article_id;
  if (!seen) articles_opened_.push_back(article_id);
  ++draft_revision_;
}

void SupportSession::article_answered(bool answered) {
  if (!article_) return;
  if (answered) {
    post_event({{"type", "resolved"}, {"article", article_->id},
                {"category", run_ ? run_->context().value_or("category") : std::string()}});
    resolution_reported_ = true;
    article_ = nullptr;
    run_.reset();
    screen_ = Screen::Resolved;
    form_.forget_ticket_number();
    return;
  }
  screen_ = article_return_;
}

// ---- form and requests ----

void SupportSession::set_form_value(const std::string& field_id, std::string text) {
  if (field_locked(field_id)) return;   // the page's value stays (the field is read-only)
  if (form_.set_value(field_id, std::move(text))) ++draft_revision_;
}

std::string SupportSession::form_search_text() const {
  const std::string& subject = form_.value("subject");
  const std::string& description = form_.value("description");
  std::string words = subject + " " + description.substr(0, 400);
  return words.size() < 4 ? std::string() : words;
}

void SupportSession::submit() {
  if (!run_ || screen_ != Screen::Flow) return;
  // A required finding blocks with its message on its field; warnings never do.
  FieldErrors blocking;
  for (const DraftFinding& f : screening().findings)
    if (f.level == RuleLevel::required) blocking.push_back({f.field, f.rule_id, f.message});
  std::optional<TicketDraft> draft = form_.check(*run_, articles_opened_, blocking);
  if (!draft) return;
  // Before anything goes out: is this an earlier ticket again? An exact resubmit is never sent;
  // a near one waits for the customer's word (unless they already said it is different).
  if (auto match = earlier_.best_match(draft->subject, draft->description);
      match && (match->exact || !form_.screening_record().is_object())) {
    duplicate_ = std::move(match);
    held_draft_ = std::move(draft);
    screen_ = duplicate_->exact ? Screen::EarlierTicket : Screen::Duplicate;
    ++draft_revision_;
    return;
  }
  form_.send_checked(std::move(*draft));
}

// ---- screening ----

const DraftScreening& SupportSession::screening() const {
  if (screening_revision_ != draft_revision_) {
    screening_revision_ = draft_revision_;
    const std::string category = run_ ? run_->context().value_or("category") : std::string();
    screening_ = screen_draft(config_, locale_, category, form_.values(),
                              run_ ? run_->log() : nlohmann::json::array(), history_.knows_email(form_.value("email")));
  }
  return screening_;
}

void SupportSession::accept_email_suggestion() {
  if (const auto suggestion = screening().email.suggestion) set_form_value("email", *suggestion);
}

namespace {
std::string fill(std::string text, const std::string& placeholder, const std::string& value) {
  for (auto at = text.find(placeholder); at != std::string::npos; at = text.find(placeholder, at + value.size()))
    text.replace(at, placeholder.size(), value);
  return text;
}
}  // namespace

std::string SupportSession::duplicate_message() const {
  if (!duplicate_) return {};
  const auto& settings = config_.screening.duplicates;
  if (duplicate_->exact) return fill(text(settings.resubmit_key), "{number}", duplicate_->ticket.number);
  std::string message = fill(text(settings.similar_key), "{number}", duplicate_->ticket.number);
  message = fill(std::move(message), "{date}", earlier_ticket_date());
  return fill(std::move(message), "{status}", earlier_ticket_status());
}

std::string SupportSession::earlier_ticket_date() const {
  if (!duplicate_) return {};
  const std::string& date = duplicate_->ticket.date;
  return parse_utc_seconds(date) ? date.substr(0, 10) : date;
}

std::string SupportSession::earlier_ticket_status() const {
  if (!duplicate_) return {};
  // A ticket known only to this browser: its status is the helpdesk's, not ours to guess.
  const std::string key = "screening.duplicates.status." + (duplicate_->local ? std::string("sent") : duplicate_->ticket.status);
  if (config_.texts.find(locale_, key)) return text(key);
  return duplicate_->ticket.status;
}

void SupportSession::open_earlier_ticket() {
  if (duplicate_) screen_ = Screen::EarlierTicket;
}

void SupportSession::send_as_different_problem() {
  if (!duplicate_ || duplicate_->exact || !run_) return;
  nlohmann::json record = {{"duplicate_of", duplicate_->ticket.number},
                           {"choice", "different_problem"},
                           {"score", std::round(duplicate_->score * 100) / 100}};
  duplicate_.reset();
  held_draft_.reset();
  screen_ = Screen::Flow;
  form_.set_screening_record(std::move(record));
  if (auto draft = form_.check(*run_, articles_opened_)) form_.send_checked(std::move(*draft));
  ++draft_revision_;
}

void SupportSession::back_to_draft() {
  duplicate_.reset();
  held_draft_.reset();
  if (run_) screen_ = Screen::Flow;
  ++draft_revision_;
}

std::optional<EmailAdvice> SupportSession::sent_email_advice() const {
  if (screen_ != Screen::TicketSent || history_.entries().empty()) return std::nullopt;
  const std::string& email = history_.entries().back().email;
  std::size_t uses = 0;
  for (const auto& e : history_.entries()) uses += e.email == email;
  if (email.empty() || uses != 1) return std::nullopt;   // told with its first ticket only
  const EmailCheck check = check_email(email, config_.screening.email.lists);
  return check.valid ? email_advice_for(config_, locale_, check.provider) : std::nullopt;
}

std::optional<EmailAdvice> SupportSession::step_email_advice() const {
  if (screen_ != Screen::Flow || !run_) return std::nullopt;
  bool lists_generic_advice = false;
  for (const auto& key : run_->current_step().item_keys)
    for (const auto& advice : config_.email.spam_folder_advice) lists_generic_advice |= advice.text_key == key;
  if (!lists_generic_advice) return std::nullopt;
  // The address the widget knows: typed in this draft, else the page's prefill, else the last sent.
  std::string address = form_.value("email");
  if (address.empty()) {
    auto it = prefill_.find("email");
    if (it != prefill_.end()) address = it->second;
  }
  if (address.empty() && !history_.entries().empty()) address = history_.entries().back().email;
  if (address.empty()) return std::nullopt;
  const EmailCheck check = check_email(address, config_.screening.email.lists);
  return check.valid ? email_advice_for(config_, locale_, check.provider) : std::nullopt;
}

void SupportSession::customer_identified() {
  identified_ = true;
  // Again with a fresh token: fetched again; a fetch under the old token may still be out, so
  // its answer is followed by one with the new token.
  if (my_tickets_request_ != 0) my_tickets_refetch_ = true;
  reload_my_tickets();
}

void SupportSession::reload_my_tickets() {
  if (!identified_ || my_tickets_request_ != 0) return;   // one fetch at a time
  my_tickets_request_ = requests_.get("/api/my/tickets");
  my_tickets_.loading();
}

void SupportSession::open_my_tickets() {
  if (!identified_) return;
  if (screen_ != Screen::MyTickets) my_tickets_return_ = screen_;
  screen_ = Screen::MyTickets;
  reload_my_tickets();
}

void SupportSession::close_my_tickets() {
  if (screen_ == Screen::MyTickets) screen_ = my_tickets_return_;
}

std::string SupportSession::ticket_status_text(const std::string& status) const {
  const std::string key = "my_tickets.status." + status;
  if (config_.texts.find(locale_, key)) return text(key);
  return status;
}

void SupportSession::set_utc_now(std::int64_t unix_seconds) {
  const std::size_t before = history_.entries().size();
  history_.expire(unix_seconds);
  if (history_.entries().size() != before) history_changed();
}

void SupportSession::history_changed() {
  earlier_.set_sent(history_);
  ++draft_revision_;
}

void SupportSession::post_event(const nlohmann::json& event) {
  requests_.post("/api/events", event.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace),
                 {{"Content-Type", "application/json"}});
}

void SupportSession::on_response(int request_id, const HttpResponse& response) {
  if (request_id != 0 && request_id == my_tickets_request_) {
    // The customer's tickets: listed under "My tickets"; the open ones screened against (without
    // them the local history still screens).
    my_tickets_.answered(response.status, response.body);   // the answer is read once, here
    if (my_tickets_.state() == MyTickets::State::Loaded) earlier_.set_server_list(my_tickets_.tickets());
    my_tickets_request_ = 0;
    if (my_tickets_refetch_) {
      my_tickets_refetch_ = false;
      reload_my_tickets();
    }
    return;
  }
  switch (form_.on_response(request_id, response)) {
    case TicketForm::Answer::sent: ticket_sent(); break;
    case TicketForm::Answer::retrying:   // saved as "on its way": a reload sends it again
    case TicketForm::Answer::failed: ++draft_revision_; break;
    case TicketForm::Answer::not_ours: break;
  }
}

void SupportSession::cancel_sending() {
  form_.cancel_sending();
  ++draft_revision_;
}

void SupportSession::set_online(bool online) { form_.set_online(online); }

// The server stored the ticket: show what was sent, and make sure nothing that follows can be
// taken for it. The flow is over; the next ticket starts from the first screen.
void SupportSession::ticket_sent() {
  if (const auto& sent = form_.last_stored(); sent && form_.last_sent()) {
    history_.add({form_.last_sent()->number, sent->subject, sent->description, form_.last_sent()->created_at, sent->email});
    history_changed();
  }
  duplicate_.reset();
  held_draft_.reset();
  run_.reset();
  article_ = nullptr;
  articles_opened_.clear();
  screen_ = Screen::TicketSent;
  reload_my_tickets();   // the new ticket belongs in "My tickets" and in the screening list
  ++draft_revision_;
}

void SupportSession::prefill(const FormValues& values, const std::vector<std::string>& locked) {
  for (const auto& [field, value] : values) prefill_[field] = value;
  for (const auto& field : locked)
    if (prefill_.count(field) && !field_locked(field)) locked_fields_.push_back(field);
  for (const auto& field : locked_fields_) form_.set_value(field, prefill_[field]);   // locked: the page's value wins
  apply_prefill();
}

bool SupportSession::field_locked(const std::string& field_id) const {
  for (const auto& f : locked_fields_)
    if (f == field_id) return true;
  return false;
}

void SupportSession::apply_prefill() {
  bool changed = false;
  for (const auto& [field, value] : prefill_)
    if (form_.value(field).empty() && !value.empty()) changed |= form_.set_value(field, value);
  if (changed) ++draft_revision_;
}

void SupportSession::start_over() {
  run_.reset();
  article_ = nullptr;
  articles_opened_.clear();
  form_.start_over();
  screen_ = Screen::Home;
  ++draft_revision_;
  apply_prefill();
}

// ---- local draft ----

SessionDraft SupportSession::draft() const {
  SessionDraft draft;
  if (run_) {
    draft.category = run_->context().value_or("category");
    const auto& path = run_->path();
    for (std::size_t i = 0; i < run_->position() && i < path.size(); ++i)
      if (path[i].answer) draft.answers.push_back(*path[i].answer);
  }
  draft.values = form_.values();
  draft.articles_opened = articles_opened_;
  draft.idempotency_key = form_.idempotency_key();
  draft.key_request = form_.key_request();
  draft.screen = run_ && screen_ != Screen::Home ? "flow" : form_.ticket_number() > 0 ? "sent" : "home";
  draft.last_sent = form_.last_sent();
  draft.sending = form_.was_sending() && run_ && run_->reached_form();
  draft.screening_record = form_.screening_record();
  draft.sent_history = history_;
  return draft;
}

void SupportSession::restore_draft(const nlohmann::json& saved) {
  const std::optional<SessionDraft> draft = draft_from_json(saved);
  if (!draft) return;
  for (const std::string& id : draft->articles_opened)
    // Articles of a KB file are not loaded yet when the draft comes back: keep their ids.
    if (articles_opened_.size() < kMaxSavedArticles && (find_article(id) || (kb_file_.expects_file() && id.size() <= 200)))
      articles_opened_.push_back(id);
  form_.restore(draft->values, draft->idempotency_key, draft->key_request, draft->last_sent, draft->screening_record);
  for (const auto& entry : draft->sent_history.entries()) history_.add(entry);
  earlier_.set_sent(history_);
  restore_saved_attachments(saved);
  if (draft->screen == "sent" && form_.last_sent()) {
    form_.show_last_sent();   // back on "what was sent", never on its form
    screen_ = Screen::TicketSent;
    return;
  }
  if (draft->category.empty() || draft->screen != "flow") return;
  replay_flow(draft->category, draft->answers);
  // A ticket that was on its way goes out again: the replayed form makes the very same request,
  // so it keeps its key and is stored once, whether or not the first try arrived.
  if (draft->sending && run_ && run_->reached_form()) form_.submit(*run_, articles_opened_);
}

void SupportSession::replay_flow(const std::string& category, const std::vector<std::string>& answers) {
  run_ = FlowRun::for_category(config_, category, customer_context_, locale_);
  if (!run_) {
    screen_ = Screen::Home;
    return;
  }
  screen_ = Screen::Flow;
  resolution_reported_ = true;   // replaying answers must not report a resolution again
  std::size_t replayed = 0;
  for (const std::string& id : answers) {
    if (++replayed > kMaxSavedAnswers || !run_->answer(id)) break;
  }
  if (run_->is_resolved()) start_over();
  resolution_reported_ = false;
}

}  // namespace support
