// Screening wired into the session (docs/screening.md): what the form shows per field, what
// blocks Send and what never does, the email suggestion and advice, and duplicate screening
// against this browser's sent tickets and the customer's open ones. The test configuration
// (tests/data/configs/screening.json) has its own short texts, so these tests are about
// behaviour, not the shipped wording.
#include "latent_topic_fixtures.h"
#include "session/support_session.h"
#include "session_test_steps.h"
#include "test_files.h"
#include "ticket/ticket_validation.h"

#include <doctest/doctest.h>

using namespace support;
using namespace support::test_files;

namespace {

Config screening_config() { return load_config(test_data_path("configs/screening.json")); }

using test_steps::fill_ticket;

nlohmann::json body_of(const HttpRequest& r) { return nlohmann::json::parse(r.body); }

std::vector<HttpRequest> tickets_in(std::vector<HttpRequest> requests) {
  std::vector<HttpRequest> out;
  for (auto& r : requests)
    if (r.path == "/api/tickets") out.push_back(std::move(r));
  return out;
}

// Sends one sales ticket and lets the server store it as `number`.
void send_stored(SupportSession& s, long number, const std::string& subject, const std::string& description) {
  s.choose_category("sales");
  fill_ticket(s, subject, description);
  s.submit();
  auto sent = tickets_in(s.take_requests());
  REQUIRE(sent.size() == 1);
  s.on_response(sent[0].id, {201, nlohmann::json{{"id", "t"}, {"number", number},
                                                  {"created_at", "2026-11-20T09:30:00Z"}}.dump()});
  REQUIRE(s.screen() == Screen::TicketSent);
  s.start_over();
}

// The screening configuration with `count` more KB articles on four topics: from 300 articles
// on, the duplicate check learns latent topics from the KB.
Config with_topic_articles(int count) {
  Config config = screening_config();
  const std::vector<std::string> texts = latent_topic_fixtures::topic_texts(count);
  for (int i = 0; i < count; ++i)
    config.kb.articles.push_back({"topic-" + std::to_string(i), "Article", texts[static_cast<std::size_t>(i)], {}, "", ""});
  return config;
}

// Sends the car-hire ticket as #41, then submits a draft like it in other words; the score of the
// earlier ticket it is held back for.
double car_hire_duplicate_score(SupportSession& s) {
  send_stored(s, 41, "Car hire with a driver", "I booked car hire with a driver for the airport pickup.");
  s.choose_category("sales");
  fill_ticket(s, "Car hire with a chauffeur", "The vehicle rental with a chauffeur I booked for the airport pickup did not come.");
  s.submit();
  REQUIRE(s.screen() == Screen::Duplicate);
  const double score = s.duplicate()->score;
  s.back_to_draft();
  return score;
}

const std::string kExport = "The CSV export button does nothing in version 2.4";
const std::string kExportText =
    "Since the update to version 2.4 the CSV export button on the reports page does nothing when I click "
    "it; no file is downloaded and no error is shown.";

}  // namespace

TEST_CASE("screening: an empty draft has no notes, no advice and nothing that blocks") {
  SupportSession s(screening_config(), "en", "seed");
  s.choose_category("sales");
  const DraftScreening& screening = s.screening();
  CHECK(screening.tone.empty());
  CHECK_FALSE(screening.email_advice);
  CHECK(screening.email_suggestion_text.empty());
  CHECK_FALSE(screening.blocks());
  CHECK(screening.queue_reminder == "Put everything in this ticket.");
}

TEST_CASE("screening: a warning shows beside its field and never blocks Send") {
  SupportSession s(screening_config(), "en", "seed");
  s.choose_category("sales");
  fill_ticket(s, "Export", "The export does nothing at all when I press it.");
  const auto findings = s.screening().findings_for("description");
  REQUIRE(findings.size() == 1);
  CHECK(findings[0]->level == RuleLevel::warning);
  CHECK(findings[0]->message == "Add the version number.");
  CHECK(findings[0]->reason == "Old versions have known fixes.");
  s.submit();
  CHECK(tickets_in(s.take_requests()).size() == 1);

  // Recomputed when the values change: with a version number the hint goes.
  SupportSession t(screening_config(), "en", "seed");
  t.choose_category("sales");
  fill_ticket(t, "Export", "The export in 2.4.1 does nothing when I press it.");
  CHECK(t.screening().findings_for("description").empty());
}

TEST_CASE("screening: a required finding blocks Send with its message on its field, until fixed") {
  SupportSession s(screening_config(), "en", "seed");
  s.choose_category("billing");
  fill_ticket(s, "Invoice", "Please send me the invoice again.");
  CHECK(s.screening().blocks());
  s.submit();
  CHECK(s.take_requests().empty());
  CHECK(s.field_error("order_ref") == "Enter the order reference.");
  CHECK_FALSE(s.form_error().empty());
  CHECK(s.form_value("description") == "Please send me the invoice again.");   // nothing typed is lost
  s.set_form_value("order_ref", "A-1009");
  CHECK_FALSE(s.screening().blocks());
  s.submit();
  const auto sent = tickets_in(s.take_requests());
  REQUIRE(sent.size() == 1);
  CHECK(body_of(sent[0])["extra"]["order_ref"] == "A-1009");
}

TEST_CASE("screening: tone notes for shouting (any cased script) and insults; the text is sent unchanged") {
  SupportSession s(screening_config(), "en", "seed");
  s.choose_category("sales");
  const std::string shouting = "ПОЧЕМУ НИЧЕГО НЕ РАБОТАЕТ В ВЕРСИИ 2.4, ВЫ IDIOTS!!!";
  fill_ticket(s, "HELP", shouting);
  std::vector<std::string> notes;
  for (const auto& n : s.screening().tone) notes.push_back(n.message);
  CHECK(notes == std::vector<std::string>{"No need for capitals.", "One ! is enough.", "Please stay kind."});
  s.submit();
  const auto sent = tickets_in(s.take_requests());
  REQUIRE(sent.size() == 1);   // notes never block
  CHECK(body_of(sent[0])["description"] == shouting);
  CHECK(body_of(sent[0])["subject"] == "HELP");
}

TEST_CASE("screening: very long input is screened without trouble") {
  SupportSession s(screening_config(), "en", "seed");
  s.choose_category("sales");
  std::string description;
  while (description.size() < 60000) description += "Der Export in Version 2.4 schlägt fehl, 日本語も。 ";
  fill_ticket(s, std::string(300, 'A'), description);
  const DraftScreening& screening = s.screening();
  CHECK(screening.findings_for("description").empty());   // the version number is found
  // 300 capitals in the subject are few beside 60,000 characters of ordinary text: no note.
  CHECK(screening.tone.empty());
  s.set_form_value("description", std::string(60000, 'B'));
  REQUIRE(s.screening().tone.size() == 1);
  CHECK(s.screening().tone[0].issue == ToneIssue::shouting);
}

TEST_CASE("screening: a typo in the address is offered as a one-tap fix, then the provider's advice") {
  SupportSession s(screening_config(), "en", "seed");
  s.choose_category("sales");
  s.set_form_value("email", "name@gmial.com");
  CHECK(s.screening().email_suggestion_text == "Did you mean name@gmail.com?");
  CHECK_FALSE(s.screening().email_advice);   // not for an address that is probably mistyped
  s.accept_email_suggestion();
  CHECK(s.form_value("email") == "name@gmail.com");
  CHECK(s.screening().email_suggestion_text.empty());
  const auto advice = s.screening().email_advice;
  REQUIRE(advice);
  CHECK(advice->provider == "gmail");
  CHECK(advice->where == "Gmail files unknown senders under Promotions or Spam.");
  REQUIRE(advice->steps.size() == 2);
  CHECK(advice->steps[0] == "Search Gmail for test-support.test.");
  s.accept_email_suggestion();   // nothing to accept any more: nothing changes
  CHECK(s.form_value("email") == "name@gmail.com");
}

TEST_CASE("screening: an internationalised domain is a valid address with the general advice") {
  SupportSession s(screening_config(), "en", "seed");
  s.choose_category("sales");
  s.set_form_value("email", "juergen@bücher-müller.de");
  CHECK(s.screening().email.valid);
  REQUIRE(s.screening().email_advice);
  CHECK(s.screening().email_advice->provider == "other");
  fill_ticket(s, "Export", "Export in 2.4 fails every time.", "juergen@bücher-müller.de");
  s.submit();
  CHECK(tickets_in(s.take_requests()).size() == 1);
}

TEST_CASE("screening: an address without a real domain blocks Send with the form's one message") {
  SupportSession s(screening_config(), "en", "seed");
  s.choose_category("sales");
  fill_ticket(s, "Export", "Export in 2.4 fails every time.", "ada@gmail");
  CHECK_FALSE(s.screening().email.valid);
  CHECK(s.screening().email.reason == "no_dot_in_domain");
  s.submit();
  CHECK(s.take_requests().empty());
  CHECK(s.field_error("email") == s.config().texts.find("en", "form.error.invalid_email")->c_str());
}

TEST_CASE("screening: the advice is for addresses new to this browser; the success screen shows it once") {
  SupportSession s(screening_config(), "en", "seed");
  s.choose_category("sales");
  fill_ticket(s, "Export", "Export in 2.4 fails every time.");
  REQUIRE(s.screening().email_advice);
  s.submit();
  const auto sent = tickets_in(s.take_requests());
  REQUIRE(sent.size() == 1);
  s.on_response(sent[0].id, {201, R"({"id":"t","number":5,"created_at":"2026-12-01T10:00:00Z"})"});
  REQUIRE(s.sent_email_advice());
  CHECK(s.sent_email_advice()->provider == "other");
  s.start_over();
  s.choose_category("sales");
  CHECK(s.form_value("email") == "ada@example.com");
  CHECK_FALSE(s.screening().email_advice);   // this address already had its first ticket
}

TEST_CASE("duplicates: an exact resubmit is never posted twice, also after a reload") {
  const Config config = screening_config();
  nlohmann::json saved;
  {
    SupportSession s(config, "en", "seed");
    send_stored(s, 41, kExport, kExportText);
    s.choose_category("sales");
    fill_ticket(s, kExport, kExportText);
    s.submit();
    CHECK(tickets_in(s.take_requests()).empty());
    CHECK(s.screen() == Screen::EarlierTicket);
    REQUIRE(s.duplicate());
    CHECK(s.duplicate()->exact);
    CHECK(s.duplicate_message() == "Already sent as #41.");
    s.back_to_draft();
    CHECK(s.screen() == Screen::Flow);
    CHECK(s.form_value("description") == kExportText);   // everything typed is kept
    saved = s.saved_draft();
  }
  SupportSession reloaded(config, "en", "seed-2");
  reloaded.restore_draft(saved);
  REQUIRE(reloaded.screen() == Screen::Flow);
  // Spacing and case do not make it a new ticket.
  reloaded.set_form_value("description", "  " + kExportText + "  ");
  reloaded.submit();
  CHECK(tickets_in(reloaded.take_requests()).empty());
  CHECK(reloaded.screen() == Screen::EarlierTicket);
  REQUIRE(reloaded.duplicate());
  CHECK(reloaded.duplicate()->ticket.number == "41");
}

TEST_CASE("duplicates: a double click sends one ticket") {
  SupportSession s(screening_config(), "en", "seed");
  s.choose_category("sales");
  fill_ticket(s, kExport, kExportText);
  s.submit();
  s.submit();
  CHECK(tickets_in(s.take_requests()).size() == 1);
}

TEST_CASE("duplicates: near duplicate -> comparison -> different problem -> sent with the choice recorded") {
  SupportSession s(screening_config(), "en", "seed");
  send_stored(s, 41, kExport, kExportText);
  s.choose_category("sales");
  fill_ticket(s, "CSV export does nothing since 2.4",
       "After updating to version 2.4, clicking the CSV export button on the reports page does nothing; "
       "no file downloads.");
  s.submit();
  CHECK(tickets_in(s.take_requests()).empty());
  REQUIRE(s.screen() == Screen::Duplicate);
  REQUIRE(s.duplicate());
  CHECK_FALSE(s.duplicate()->exact);
  CHECK(s.duplicate()->local);
  CHECK(s.duplicate_message() == "Like #41 of 2026-11-20, sent from here.");
  REQUIRE(s.held_draft());
  CHECK(s.held_draft()->subject == "CSV export does nothing since 2.4");

  // "Go to that ticket" shows it; back returns to the comparison.
  s.open_earlier_ticket();
  CHECK(s.screen() == Screen::EarlierTicket);
  s.back();
  CHECK(s.screen() == Screen::Duplicate);

  s.send_as_different_problem();
  const auto sent = tickets_in(s.take_requests());
  REQUIRE(sent.size() == 1);
  const nlohmann::json body = body_of(sent[0]);
  REQUIRE(body.contains("screening"));
  CHECK(body["screening"]["duplicate_of"] == "41");
  CHECK(body["screening"]["choice"] == "different_problem");
  const double score = body["screening"]["score"];
  CHECK(score >= 0.3);
  CHECK(score <= 1.0);
  // The server's own rules accept the record.
  CHECK(validate_ticket_draft(ticket_draft_from_json(body), ValidationRules{}).empty());
  s.on_response(sent[0].id, {201, R"({"id":"t2","number":42,"created_at":"2026-12-01T10:00:00Z"})"});
  CHECK(s.screen() == Screen::TicketSent);
  CHECK(s.sent_history().entries().size() == 2);
}

TEST_CASE("duplicates: a different problem is sent straight away, without a screening record") {
  SupportSession s(screening_config(), "en", "seed");
  send_stored(s, 41, kExport, kExportText);
  s.choose_category("sales");
  fill_ticket(s, "Invoice address in 3.1", "Please change the billing address on my invoices to our new office.");
  s.submit();
  const auto sent = tickets_in(s.take_requests());
  REQUIRE(sent.size() == 1);
  CHECK_FALSE(body_of(sent[0]).contains("screening"));
}

TEST_CASE("duplicates: an identified customer's open tickets from the server count too; closed ones do not") {
  SupportSession s(screening_config(), "en", "seed");
  s.customer_identified();
  s.customer_identified();   // asked once
  auto requests = s.take_requests();
  REQUIRE(requests.size() == 1);
  CHECK(requests[0].method == "GET");
  CHECK(requests[0].path == "/api/my/tickets");
  const nlohmann::json list = {
      {"customer", {{"email", "ada@example.com"}}},
      {"tickets",
       {{{"number", 7}, {"subject", kExport}, {"description", kExportText}, {"status", "open"},
         {"created_at", "2026-11-02T08:00:00Z"}},
        {{"number", 3}, {"subject", "Password reset mail never arrives"},
         {"description", "The password reset mail never arrives in my inbox."}, {"status", "closed"},
         {"created_at", "2026-10-02T08:00:00Z"}}}}};
  s.on_response(requests[0].id, {200, list.dump()});
  CHECK(s.earlier_ticket_count() == 1);

  s.choose_category("sales");
  fill_ticket(s, "CSV export does nothing since 2.4",
       "After updating to version 2.4, clicking the CSV export button on the reports page does nothing.");
  s.submit();
  REQUIRE(s.screen() == Screen::Duplicate);
  CHECK_FALSE(s.duplicate()->local);
  CHECK(s.duplicate_message() == "Like #7 of 2026-11-02, still open.");

  s.back_to_draft();
  fill_ticket(s, "Password reset mail never arrives", "The password reset mail never arrives in my inbox.");
  s.submit();
  CHECK(tickets_in(s.take_requests()).size() == 1);   // the closed ticket is not in the way
}

TEST_CASE("duplicates: a malformed server list is ignored and the local history still screens") {
  SupportSession s(screening_config(), "en", "seed");
  send_stored(s, 41, kExport, kExportText);
  s.customer_identified();
  auto requests = s.take_requests();
  REQUIRE(requests.size() == 1);
  s.on_response(requests[0].id, {200, "not json"});
  CHECK(s.earlier_ticket_count() == 1);
  s.choose_category("sales");
  fill_ticket(s, kExport, kExportText);
  s.submit();
  CHECK(s.screen() == Screen::EarlierTicket);
}

TEST_CASE("duplicates: the 'different problem' record rides along when the request is sent again after a reload") {
  SupportSession s(screening_config(), "en", "seed");
  send_stored(s, 41, kExport, kExportText);
  s.choose_category("sales");
  fill_ticket(s, "CSV export does nothing since 2.4",
       "After updating to version 2.4, clicking the CSV export button on the reports page does nothing.");
  s.submit();
  REQUIRE(s.screen() == Screen::Duplicate);
  s.send_as_different_problem();
  auto sent = tickets_in(s.take_requests());
  REQUIRE(sent.size() == 1);
  // The answer is lost and the page reloads: the very same request (with its record) goes again.
  const nlohmann::json saved = s.saved_draft();
  SupportSession reloaded(screening_config(), "en", "seed-2");
  reloaded.restore_draft(saved);
  auto again = tickets_in(reloaded.take_requests());
  REQUIRE(again.size() == 1);
  CHECK(again[0].body == sent[0].body);
}

TEST_CASE("sent history in the session: expired tickets no longer screen") {
  SupportSession s(screening_config(), "en", "seed");
  send_stored(s, 41, kExport, kExportText);   // created 2026-11-20
  s.set_utc_now(*parse_utc_seconds("2027-03-01T00:00:00Z"));
  CHECK(s.sent_history().entries().empty());
  s.choose_category("sales");
  fill_ticket(s, kExport, kExportText);
  s.submit();
  CHECK(tickets_in(s.take_requests()).size() == 1);
}

TEST_CASE("ticket validation: the screening record must have its known members and types") {
  auto errors_for = [](const nlohmann::json& screening) {
    nlohmann::json body = {{"name", "Ada"}, {"email", "ada@example.com"}, {"subject", "S"},
                           {"description", "A description that is long enough."}, {"screening", screening}};
    return validate_ticket_draft(ticket_draft_from_json(body), ValidationRules{});
  };
  CHECK(errors_for({{"duplicate_of", "12"}, {"choice", "different_problem"}, {"score", 0.5}}).empty());
  CHECK(errors_for(nullptr).empty());
  CHECK_FALSE(errors_for("different").empty());
  CHECK_FALSE(errors_for({{"choice", "same"}}).empty());
  CHECK_FALSE(errors_for({{"score", 7}}).empty());
  CHECK_FALSE(errors_for({{"duplicate_of", 12}}).empty());
  CHECK_FALSE(errors_for({{"note", "x"}}).empty());
  // Without a record, a ticket's JSON has no "screening" member at all.
  CHECK_FALSE(to_json(ticket_draft_from_json({{"name", "Ada"}})).contains("screening"));
}

TEST_CASE("duplicates: a KB of 300 articles teaches topics after the session starts, a step at a time, never in a check") {
  const Config config = with_topic_articles(400);
  SupportSession s(config, "en", "seed");
  CHECK(s.learning_topics());   // the constructor only marks the KB complete
  CHECK_FALSE(s.has_duplicate_topics());
  CHECK(s.topic_steps_taken() == 0);

  const double without_topics = car_hire_duplicate_score(s);
  CHECK(s.topic_steps_taken() == 0);   // the checks learned nothing
  std::size_t steps = 0;
  while (s.learn_topics_step()) ++steps;
  CHECK(steps > 10);
  CHECK(s.has_duplicate_topics());
  CHECK_FALSE(s.learning_topics());
  CHECK_FALSE(s.learn_topics_step());

  s.submit();
  REQUIRE(s.screen() == Screen::Duplicate);
  const double with_topics = s.duplicate()->score;
  CHECK(with_topics > without_topics);   // hire / rental and driver / chauffeur meet in the KB
  // Topics learned before the ticket was sent are learned again with it, to the same end.
  SupportSession learned_first(config, "en", "seed");
  while (learned_first.learn_topics_step()) {
  }
  car_hire_duplicate_score(learned_first);
  CHECK(learned_first.learning_topics());   // the sent ticket joined the texts of the topics
  while (learned_first.learn_topics_step()) {
  }
  learned_first.submit();
  REQUIRE(learned_first.screen() == Screen::Duplicate);
  CHECK(learned_first.duplicate()->score == with_topics);

  // Under 300 articles there is nothing to learn.
  SupportSession small(screening_config(), "en", "seed");
  CHECK_FALSE(small.learn_topics_step());
  CHECK_FALSE(small.learning_topics());
  CHECK_FALSE(small.has_duplicate_topics());
}
