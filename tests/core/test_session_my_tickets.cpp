// "My tickets" (issue 8): an identified customer's tickets, every status, fetched when the page
// identifies them, each time the screen opens and after each ticket sent; failures say why and
// keep the last good list; nobody who is not identified gets the screen or the request.
#include "session/my_tickets.h"
#include "session/screen_key.h"
#include "session/support_session.h"
#include "session_test_steps.h"
#include "test_files.h"

#include <doctest/doctest.h>

using namespace support;
using namespace support::test_files;

namespace {

Config screening_config() { return load_config(test_data_path("configs/screening.json")); }

std::vector<HttpRequest> list_requests(std::vector<HttpRequest> requests) {
  std::vector<HttpRequest> out;
  for (auto& r : requests)
    if (r.path == "/api/my/tickets") out.push_back(std::move(r));
  return out;
}

const nlohmann::json kList = {
    {"customer", {{"email", "ada@example.com"}}},
    {"tickets",
     {{{"number", 9}, {"subject", "Export is empty"}, {"status", "pending"}, {"created_at", "2026-11-30T08:00:00Z"},
       {"updated_at", "2026-12-01T10:15:00Z"}},
      {{"number", 3}, {"subject", "Password reset"}, {"status", "closed"}, {"created_at", "2026-10-02T08:00:00Z"}},
      {{"subject", "no number"}}}}};

// Identifies the customer and answers the fetch that follows with `status` and `body`.
void identify_and_answer(SupportSession& s, int status, const std::string& body) {
  s.customer_identified();
  auto fetches = list_requests(s.take_requests());
  REQUIRE(fetches.size() == 1);
  CHECK(fetches[0].method == "GET");
  s.on_response(fetches[0].id, {status, body});
}

}  // namespace

TEST_CASE("my tickets: the list keeps every status, newest first as sent, with the last update") {
  MyTickets mine;
  CHECK(mine.state() == MyTickets::State::NotAsked);
  mine.loading();
  CHECK(mine.state() == MyTickets::State::Loading);
  mine.answered(200, kList.dump());
  REQUIRE(mine.state() == MyTickets::State::Loaded);
  REQUIRE(mine.tickets().size() == 2);
  CHECK(mine.tickets()[0].number == 9);
  CHECK(mine.tickets()[0].status == "pending");
  CHECK(mine.tickets()[0].updated_at == "2026-12-01T10:15:00Z");
  CHECK(mine.tickets()[1].status == "closed");                     // closed ones are listed too
  CHECK(mine.tickets()[1].updated_at == "2026-10-02T08:00:00Z");   // no update: its creation
  CHECK(mine.unreadable_entries() == 1);                           // counted, not silently dropped
}

TEST_CASE("my tickets: a failed fetch says why and keeps the last good list") {
  MyTickets mine;
  mine.answered(200, kList.dump());
  mine.loading();
  mine.answered(401, R"({"error":"identity token expired"})");
  CHECK(mine.state() == MyTickets::State::Failed);
  CHECK(mine.problem() == MyTickets::Problem::SignedOut);
  CHECK(mine.tickets().size() == 2);
  mine.answered(0, "");
  CHECK(mine.problem() == MyTickets::Problem::Unreachable);
  mine.answered(503, "busy");
  CHECK(mine.problem() == MyTickets::Problem::Unreachable);
  mine.answered(200, "<html>");
  CHECK(mine.problem() == MyTickets::Problem::Unreadable);
  mine.answered(200, R"({"tickets": "none"})");
  CHECK(mine.problem() == MyTickets::Problem::Unreadable);
  CHECK(mine.tickets().size() == 2);
  mine.answered(200, R"({"tickets": []})");
  CHECK(mine.state() == MyTickets::State::Loaded);
  CHECK(mine.tickets().empty());
}

TEST_CASE("my tickets: only an identified customer gets the screen and the request") {
  SupportSession s(screening_config(), "en", "seed");
  CHECK_FALSE(s.identified());
  s.open_my_tickets();
  CHECK(s.screen() == Screen::Home);
  CHECK(list_requests(s.take_requests()).empty());
}

TEST_CASE("my tickets: opened from home it fetches again, lists, and goes back where it came from") {
  SupportSession s(screening_config(), "en", "seed");
  identify_and_answer(s, 200, kList.dump());
  CHECK(s.my_tickets().tickets().size() == 2);
  CHECK(s.earlier_ticket_count() == 1);   // the open one screens new drafts; the closed one does not

  s.open_my_tickets();
  CHECK(s.screen() == Screen::MyTickets);
  CHECK(screen_key(s) == "my_tickets");
  auto fetches = list_requests(s.take_requests());
  REQUIRE(fetches.size() == 1);   // never older than the moment it was opened
  CHECK(s.my_tickets().state() == MyTickets::State::Loading);
  CHECK(s.my_tickets().tickets().size() == 2);   // the last list stays up meanwhile
  s.open_my_tickets();
  CHECK(list_requests(s.take_requests()).empty());   // one fetch at a time
  s.on_response(fetches[0].id, {200, R"({"tickets":[{"number":10,"subject":"New","status":"open"}]})"});
  CHECK(s.my_tickets().tickets().size() == 1);
  s.close_my_tickets();
  CHECK(s.screen() == Screen::Home);
}

TEST_CASE("my tickets: a ticket sent by an identified customer brings a fresh list") {
  SupportSession s(screening_config(), "en", "seed");
  identify_and_answer(s, 200, R"({"tickets":[]})");
  s.choose_category("sales");
  test_steps::fill_ticket(s, "Invoice address for order 5521",
                          "Please put our company name on the invoice for order 5521; it shows my own name.");
  s.submit();
  auto requests = s.take_requests();
  const HttpRequest* ticket = nullptr;
  for (const auto& r : requests)
    if (r.path == "/api/tickets") ticket = &r;
  REQUIRE(ticket);
  s.on_response(ticket->id, {201, R"({"id":"t","number":11,"created_at":"2026-12-02T09:00:00Z"})"});
  REQUIRE(s.screen() == Screen::TicketSent);
  auto fetches = list_requests(s.take_requests());
  REQUIRE(fetches.size() == 1);
  s.on_response(fetches[0].id, {200, R"({"tickets":[{"number":11,"subject":"Invoice address for order 5521","status":"open"}]})"});
  s.open_my_tickets();
  CHECK(s.screen() == Screen::MyTickets);
  s.close_my_tickets();
  CHECK(s.screen() == Screen::TicketSent);
}

TEST_CASE("my tickets: statuses in the customer's words where the configuration has them") {
  SupportSession s(load_config(default_config_path()), "de", "seed");
  CHECK(s.ticket_status_text("pending") == "wartet auf Ihre Antwort");
  CHECK(s.ticket_status_text("on-hold") == "on-hold");   // a helpdesk's own word, as it came
}

TEST_CASE("my tickets: a fresh token while a fetch is out brings one more fetch after its answer") {
  SupportSession s(screening_config(), "en", "seed");
  s.customer_identified();
  auto first = list_requests(s.take_requests());
  REQUIRE(first.size() == 1);
  s.customer_identified();   // the page refreshed the token meanwhile
  CHECK(list_requests(s.take_requests()).empty());   // one fetch at a time
  s.on_response(first[0].id, {401, R"({"error":"identity token expired"})"});
  auto again = list_requests(s.take_requests());
  REQUIRE(again.size() == 1);
  s.on_response(again[0].id, {200, kList.dump()});
  CHECK(s.my_tickets().state() == MyTickets::State::Loaded);
  CHECK(list_requests(s.take_requests()).empty());
}
