#include "session/support_session.h"

#include "config/config_text.h"
#include "flow/flow_jump.h"
#include "ticket/ticket_rules_from_config.h"
#include "ticket/ticket_validation.h"

#include <algorithm>
#include <cstdint>

namespace support {

namespace {
constexpr std::size_t kMaxSavedAnswers = 200;
constexpr std::size_t kMaxSavedArticles = 100;
constexpr std::size_t kMaxKbProblems = 100;
// Below this many articles a search costs well under a millisecond: answer every keystroke.
// Above it, wait for the typing to pause.
constexpr std::size_t kInstantSearchArticles = 5000;
constexpr double kSearchBoxDelayMs = 80;
// The form's text is long and the suggestions sit under it: update them when the writer pauses.
constexpr double kFormSuggestionDelayMs = 300;

// FNV-1a, 64 bits, as hex: enough to tell two requests apart in the local draft without keeping
// the whole body there.
std::string request_fingerprint(const std::string& body) {
  std::uint64_t hash = 1469598103934665603ull;
  for (unsigned char c : body) hash = (hash ^ c) * 1099511628211ull;
  static const char* digits = "0123456789abcdef";
  std::string out(16, '0');
  for (int i = 15; i >= 0; --i, hash >>= 4) out[static_cast<std::size_t>(i)] = digits[hash & 15];
  return out;
}

SearchOptions with_limit(std::size_t limit) {
  SearchOptions options;
  options.limit = limit;
  return options;
}
}  // namespace

SupportSession::SupportSession(Config config, std::string locale, std::string key_seed)
    : config_(std::move(config)),
      locale_(std::move(locale)),
      key_seed_(std::move(key_seed)),
      search_box_(with_limit(5)),
      form_search_(with_limit(3)) {
  if (locale_.empty()) locale_ = config_.texts.default_locale;
  for (const auto& article : config_.kb.articles) {
    if (articles_by_id_.emplace(article.id, &article).second) index_.upsert(article);
  }
  index_.prepare();   // the first keystroke should not pay for the index's one-off set-up
  if (!config_.kb.file.empty()) kb_reader_ = std::make_unique<KbFileReader>(config_.kb.file);
  new_idempotency_key();
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
  replay_current_flow();   // the run's locale names the steps in the ticket's log
}

void SupportSession::replay_current_flow() {
  if (!run_) return;
  const nlohmann::json saved = saved_draft();
  const Screen screen = screen_;
  replay_flow(saved.value("category", std::string()), saved.value("answers", nlohmann::json::array()));
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
  field_errors_.clear();
  form_error_.clear();
  screen_ = Screen::Flow;
  ++draft_revision_;
  after_flow_move();
}

std::vector<SearchHit> SupportSession::search(const std::string& query, std::size_t limit) const {
  return index_.search(query, with_limit(limit));
}

// ---- time ----

bool SupportSession::tick(double now_ms) {
  // Each search follows its text only while its screen is up, so the hits are still there when
  // the customer comes back from reading an article.
  bool changed = false;
  if (screen_ == Screen::Home) {
    const double delay = index_.size() <= kInstantSearchArticles ? 0 : kSearchBoxDelayMs;
    changed |= search_box_.update(search_query_, index_, now_ms, delay);
  }
  if (on_form()) changed |= form_search_.update(form_search_text(), index_, now_ms, kFormSuggestionDelayMs);
  return changed;
}

std::optional<double> SupportSession::wake_at() const {
  auto a = screen_ == Screen::Home ? search_box_.due_at() : std::nullopt;
  auto b = on_form() ? form_search_.due_at() : std::nullopt;
  if (a && b) return std::min(*a, *b);
  return a ? a : b;
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
    for (const auto& hit : index_.search(step.kb_query, options))
      add(hit.id);
  }
  return out;
}

// ---- articles ----

const KbArticle* SupportSession::find_article(const std::string& id) const {
  auto it = articles_by_id_.find(id);
  return it == articles_by_id_.end() ? nullptr : it->second;
}

// ---- the KB file ----

void SupportSession::kb_file_chunk(std::string_view bytes) {
  if (!kb_reader_ || kb_file_done_) return;
  kb_reader_->feed(bytes);
  take_file_articles();
}

void SupportSession::kb_file_end() {
  if (!kb_reader_ || kb_file_done_) return;
  kb_reader_->finish();
  take_file_articles();
  kb_file_done_ = true;
  for (const KbFileProblem& p : kb_reader_->problems())
    if (kb_problems_.size() < kMaxKbProblems) kb_problems_.push_back(format_kb_file_problem(p));
}

void SupportSession::kb_file_failed(const std::string& message) {
  if (!kb_reader_ || kb_file_done_) return;
  kb_file_done_ = true;
  kb_problems_.push_back(config_.kb.file + ": " + message);
}

void SupportSession::take_file_articles() {
  for (KbArticle& article : kb_reader_->take_articles()) kb_waiting_.push_back(std::move(article));
}

std::size_t SupportSession::index_waiting_articles(std::size_t max_articles) {
  const bool had_waiting = !kb_waiting_.empty();
  for (std::size_t n = 0; n < max_articles && !kb_waiting_.empty(); ++n) {
    add_article(std::move(kb_waiting_.front()));
    kb_waiting_.pop_front();
  }
  // New articles may answer what is already typed; the debounce keeps this to one search.
  if (had_waiting && kb_waiting_.empty()) index_.prepare();
  if (had_waiting && (kb_waiting_.empty() || search_box_.hits().empty())) {
    search_box_.invalidate();
    form_search_.invalidate();
  }
  return kb_waiting_.size();
}

void SupportSession::add_article(KbArticle article) {
  if (articles_by_id_.count(article.id)) {
    // The configuration's own article wins; the file's copy is reported, not silently dropped.
    if (kb_problems_.size() < kMaxKbProblems)
      kb_problems_.push_back("article \"" + article.id + "\" is also in the configuration; the file's copy is ignored");
    return;
  }
  file_articles_.push_back(std::move(article));
  const KbArticle& stored = file_articles_.back();
  articles_by_id_.emplace(stored.id, &stored);
  index_.upsert(stored);
  ++kb_indexed_;
}

KbFileStatus SupportSession::kb_file_status() const {
  KbFileStatus status;
  status.file = config_.kb.file;
  status.loading = kb_reader_ && (!kb_file_done_ || !kb_waiting_.empty());
  status.articles = kb_indexed_;
  status.waiting = kb_waiting_.size();
  status.problems = kb_problems_;
  return status;
}

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
    screen_ = Screen::Sent;      // the "all done" screen, without a ticket number
    ticket_number_ = 0;
    return;
  }
  screen_ = article_return_;
}

// ---- form ----

void SupportSession::form_edited(const std::string& field_id) {
  ++draft_revision_;
  for (auto it = field_errors_.begin(); it != field_errors_.end();)
    it = it->field == field_id ? field_errors_.erase(it) : it + 1;
}

std::string SupportSession::field_error(const std::string& field) const {
  for (const auto& e : field_errors_)
    if (e.field == field) return e.message;
  return {};
}

std::string SupportSession::form_search_text() const {
  auto subject = form_values_.find("subject");
  auto description = form_values_.find("description");
  std::string words = (subject != form_values_.end() ? subject->second : "") + " " +
                      (description != form_values_.end() ? description->second.substr(0, 400) : "");
  return words.size() < 4 ? std::string() : words;
}

void SupportSession::submit() {
  if (sending() || !run_ || !run_->reached_form()) return;   // a double click must not send twice
  form_error_.clear();
  field_errors_ = validate_form_values(config_, *run_, form_values_);
  // Then the server's own rules on the ticket the form makes, so the widget never sends what the
  // server would refuse (one error per field: the form's own message wins).
  if (field_errors_.empty()) {
    TicketDraft draft = ticket_draft_from_form(config_, *run_, form_values_);
    field_errors_ = validate_ticket_draft(draft, ticket_rules_from_config(config_));
  }
  if (!field_errors_.empty()) {
    form_error_ = text("form.fix_errors");
    return;
  }
  send_ticket();
}

void SupportSession::send_ticket() {
  TicketDraft draft = ticket_draft_from_form(config_, *run_, form_values_);
  draft.articles_opened = articles_opened_;
  // The same request again (a retry after a lost answer) keeps its key, so the server answers
  // with the ticket it already stored; anything changed is a new request and gets a new key.
  const std::string fingerprint = request_fingerprint(to_json(draft).dump());
  if (!key_request_.empty() && key_request_ != fingerprint) new_idempotency_key();
  key_request_ = fingerprint;
  draft.idempotency_key = idempotency_key_;
  HttpRequest request;
  request.id = next_request_id_++;
  request.method = "POST";
  request.path = "/api/tickets";
  request.body = to_json(draft).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  request.headers = {{"Content-Type", "application/json"}, {"Idempotency-Key", idempotency_key_}};
  sending_request_ = request.id;
  outgoing_.push_back(std::move(request));
}

void SupportSession::post_event(nlohmann::json event) {
  HttpRequest request;
  request.id = next_request_id_++;
  request.method = "POST";
  request.path = "/api/events";
  request.body = event.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  request.headers = {{"Content-Type", "application/json"}};
  outgoing_.push_back(std::move(request));
}

std::vector<HttpRequest> SupportSession::take_requests() {
  std::vector<HttpRequest> out;
  out.swap(outgoing_);
  return out;
}

void SupportSession::on_response(int request_id, const HttpResponse& response) {
  if (!sending_request_ || *sending_request_ != request_id) return;   // events, or a stale answer
  sending_request_.reset();
  nlohmann::json body = nlohmann::json::parse(response.body, nullptr, false);
  if (response.status == 200 || response.status == 201) {
    if (body.is_object() && body.contains("number") && body["number"].is_number_integer()) return ticket_sent(body);
    form_error_ = text("error.server");
    return;
  }
  if (response.status == 422 && body.is_object() && body.value("code", std::string()) == "idempotency_key_reused") {
    // The server has another request under this key (one whose answer we never saw): this draft
    // is not stored yet. Send it as the new request it is, once.
    new_idempotency_key();
    key_request_.clear();
    if (!key_reuse_retried_) {
      key_reuse_retried_ = true;
      send_ticket();
      return;
    }
    form_error_ = text("error.server");
    return;
  }
  if (response.status == 422 && body.is_object() && body.contains("errors") && body["errors"].is_array()) {
    field_errors_.clear();
    for (const auto& e : body["errors"]) {
      if (!e.is_object()) continue;
      field_errors_.push_back({e.value("field", std::string()), e.value("code", std::string()),
                               e.value("message", std::string())});
    }
    form_error_ = text("form.fix_errors");
    return;
  }
  // Nothing the customer typed is lost: the form stays, and a retry of the unchanged draft reuses
  // the idempotency key, so a request that did reach the server is not stored twice.
  if (response.status == 0) form_error_ = text("error.network");
  else if (body.is_object() && body.contains("error") && body["error"].is_string())
    form_error_ = text("error.server") + " (" + body["error"].get<std::string>() + ")";
  else
    form_error_ = text("error.server");
}

// The server stored the ticket: show what was sent, and make sure nothing that follows can be
// taken for it. The key is spent; the flow is over; the next ticket starts from the first screen.
void SupportSession::ticket_sent(const nlohmann::json& answer) {
  ticket_number_ = answer["number"].get<long>();
  auto subject = form_values_.find("subject");
  last_sent_ = SentTicket{ticket_number_, subject != form_values_.end() ? subject->second : std::string(),
                          answer.value("created_at", std::string())};
  new_idempotency_key();
  key_request_.clear();
  key_reuse_retried_ = false;
  run_.reset();
  article_ = nullptr;
  articles_opened_.clear();
  field_errors_.clear();
  form_error_.clear();
  form_values_.erase("subject");        // the next ticket is about something else;
  form_values_.erase("description");    // name and email stay for it
  screen_ = Screen::Sent;
  ++draft_revision_;
}

void SupportSession::start_over() {
  run_.reset();
  article_ = nullptr;
  articles_opened_.clear();
  field_errors_.clear();
  form_error_.clear();
  ticket_number_ = 0;
  new_idempotency_key();
  key_request_.clear();
  key_reuse_retried_ = false;
  screen_ = Screen::Home;
  ++draft_revision_;
}

void SupportSession::new_idempotency_key() { idempotency_key_ = key_seed_ + "-" + std::to_string(++key_counter_); }

// ---- local draft ----

nlohmann::json SupportSession::saved_draft() const {
  nlohmann::json answers = nlohmann::json::array();
  if (run_) {
    const auto& path = run_->path();
    for (std::size_t i = 0; i < run_->position() && i < path.size(); ++i)
      if (path[i].answer) answers.push_back(*path[i].answer);
  }
  nlohmann::json saved = {{"version", 1},
                          {"category", run_ ? run_->context().value_or("category") : std::string()},
                          {"answers", answers},
                          {"values", form_values_},
                          {"articles_opened", articles_opened_},
                          {"idempotency_key", idempotency_key_},
                          {"key_request", key_request_},
                          {"screen", run_ && screen_ != Screen::Home ? "flow" : ticket_number_ > 0 ? "sent" : "home"}};
  if (last_sent_)
    saved["last_sent"] = {{"number", last_sent_->number}, {"subject", last_sent_->subject},
                          {"created_at", last_sent_->created_at}};
  return saved;
}

void SupportSession::restore_draft(const nlohmann::json& saved) {
  if (!saved.is_object() || saved.value("version", 0) != 1) return;
  if (auto v = saved.find("values"); v != saved.end() && v->is_object())
    for (auto it = v->begin(); it != v->end(); ++it)
      if (it.value().is_string()) form_values_[it.key()] = it.value().get<std::string>();
  if (auto a = saved.find("articles_opened"); a != saved.end() && a->is_array())
    for (const auto& id : *a)
      // Articles of a KB file are not loaded yet when the draft comes back: keep their ids.
      if (id.is_string() && articles_opened_.size() < kMaxSavedArticles &&
          (find_article(id.get<std::string>()) || (kb_reader_ && id.get<std::string>().size() <= 200)))
        articles_opened_.push_back(id.get<std::string>());
  if (auto k = saved.find("idempotency_key"); k != saved.end() && k->is_string() && !k->get<std::string>().empty()) {
    idempotency_key_ = k->get<std::string>();   // the same unsent ticket keeps its key...
    if (auto r = saved.find("key_request"); r != saved.end() && r->is_string())
      key_request_ = r->get<std::string>();     // ...and the request it was sent with, if any
  }
  if (auto l = saved.find("last_sent"); l != saved.end() && l->is_object() && l->value("number", 0L) > 0) {
    last_sent_ = SentTicket{l->value("number", 0L), l->value("subject", std::string()),
                            l->value("created_at", std::string())};
  }
  const std::string screen = saved.value("screen", std::string());
  if (screen == "sent" && last_sent_) {
    ticket_number_ = last_sent_->number;   // back on "what was sent", never on its form
    screen_ = Screen::Sent;
    return;
  }
  const std::string category = saved.value("category", std::string());
  if (category.empty() || screen != "flow") return;
  auto answers = saved.find("answers");
  replay_flow(category, answers != saved.end() ? *answers : nlohmann::json::array());
}

void SupportSession::replay_flow(const std::string& category, const nlohmann::json& answers) {
  run_ = FlowRun::for_category(config_, category, customer_context_, locale_);
  if (!run_) {
    screen_ = Screen::Home;
    return;
  }
  screen_ = Screen::Flow;
  resolution_reported_ = true;   // replaying answers must not report a resolution again
  if (answers.is_array()) {
    std::size_t replayed = 0;
    for (const auto& id : answers) {
      if (!id.is_string() || ++replayed > kMaxSavedAnswers || !run_->answer(id.get<std::string>())) break;
    }
  }
  if (run_->is_resolved()) start_over();
  resolution_reported_ = false;
}

}  // namespace support
