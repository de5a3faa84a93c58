// The outbox and the forwarder over a real SQLite file, with a scripted connector.
#include "delivery/forwarder.h"
#include "delivery/outbox.h"
#include "relay_test_helpers.h"
#include "server_process.h"
#include "storage/sqlite_store.h"
#include "ticket_store.h"

#include <doctest/doctest.h>

#include <deque>
#include <sstream>

using namespace support::server;
using support_test::TempDir;
using support_test::wait_until;

namespace {

// Answers from a script (then "delivered" for ever) and remembers every call.
class ScriptedConnector : public HelpdeskConnector {
 public:
  explicit ScriptedConnector(std::deque<DeliveryOutcome> script) : script_(std::move(script)) {}
  std::string name() const override { return "scripted"; }
  DeliveryOutcome deliver(const DeliveryRequest& request) override {
    std::lock_guard<std::mutex> guard(mutex_);
    calls_.push_back(request.delivery_id);
    if (script_.empty()) return DeliveryOutcome::success("HD-" + std::to_string(request.number));
    DeliveryOutcome next = script_.front();
    script_.pop_front();
    return next;
  }
  std::vector<std::string> calls() {
    std::lock_guard<std::mutex> guard(mutex_);
    return calls_;
  }

 private:
  std::mutex mutex_;
  std::deque<DeliveryOutcome> script_;
  std::vector<std::string> calls_;
};

OutboxConfig fast_retries() {
  OutboxConfig config;
  config.first_retry_seconds = 0.02;
  config.max_retry_seconds = 0.05;
  return config;
}

nlohmann::json draft(const std::string& subject) {
  return {{"name", "Ada"}, {"email", "ada@example.com"}, {"subject", subject}, {"description", "It broke."}};
}

}  // namespace

TEST_CASE("outbox: a ticket and its pending row commit together") {
  TempDir dir;
  Database database(dir.path() + "/t.sqlite3");
  Outbox outbox(database);
  TicketStore tickets(database, &outbox);
  const TicketInsertResult first = tickets.insert(draft("One"), "account", "key-1", "192.0.2.7");
  REQUIRE(first.created);
  const auto state = outbox.find(first.ticket.number);
  REQUIRE(state);
  CHECK(state->state == "pending");
  CHECK(state->attempts == 0);
  CHECK(state->client_ip == "192.0.2.7");
  // A replay under the same key adds no second row.
  CHECK_FALSE(tickets.insert(draft("One"), "account", "key-1").created);
  CHECK(outbox.backlog().pending == 1);
  CHECK(outbox.due(unix_now_ms(), 10).size() == 1);
  // delivered is final: a second mark (e.g. a racing resend) changes nothing.
  CHECK(outbox.mark_delivered(first.ticket.number, "scripted", "HD-9"));
  CHECK_FALSE(outbox.mark_delivered(first.ticket.number, "scripted", "HD-10"));
  CHECK_FALSE(outbox.mark_failed(first.ticket.number, "late"));
  CHECK(outbox.find(first.ticket.number)->helpdesk_ticket_id == "HD-9");
  CHECK(outbox.backlog().pending == 0);
  CHECK(outbox.retry_failed(first.ticket.id) == Outbox::RetryResult::not_failed);
  CHECK(outbox.retry_failed("t_unknown") == Outbox::RetryResult::no_such_ticket);
}

TEST_CASE("forwarder: retries with backoff until delivered, exactly one success recorded") {
  TempDir dir;
  Database database(dir.path() + "/t.sqlite3");
  Outbox outbox(database);
  TicketStore tickets(database, &outbox);
  ScriptedConnector connector({DeliveryOutcome::try_again("down"), DeliveryOutcome::try_again("still down")});
  std::ostringstream log_text;
  JsonLog log(log_text);
  SqliteStore store(database);
  Forwarder forwarder(store, connector, fast_retries(), log);
  const auto ticket = tickets.insert(draft("Retry me"), "", "").ticket;
  forwarder.start();
  REQUIRE(wait_until([&] { return outbox.find(ticket.number)->state == "delivered"; }, 5000));
  forwarder.stop();
  const DeliveryState state = *outbox.find(ticket.number);
  CHECK(state.attempts == 3);
  CHECK(state.helpdesk_ticket_id == "HD-" + std::to_string(ticket.number));
  CHECK(state.helpdesk == "scripted");
  CHECK(connector.calls() == std::vector<std::string>(3, ticket.id));  // the same delivery id each time
  CHECK(log_text.str().find("\"outcome\":\"retry\"") != std::string::npos);
  CHECK(log_text.str().find("ada@example.com") == std::string::npos);
}

TEST_CASE("forwarder: a rejection marks the ticket failed with the reason; staff retry delivers it") {
  TempDir dir;
  Database database(dir.path() + "/t.sqlite3");
  Outbox outbox(database);
  TicketStore tickets(database, &outbox);
  ScriptedConnector connector({DeliveryOutcome::reject("helpdesk answered 400: unknown queue")});
  std::ostringstream log_text;
  JsonLog log(log_text);
  SqliteStore store(database);
  Forwarder forwarder(store, connector, fast_retries(), log);
  const auto ticket = tickets.insert(draft("Rejected"), "", "").ticket;
  forwarder.start();
  REQUIRE(wait_until([&] { return outbox.find(ticket.number)->state == "failed"; }, 5000));
  CHECK(outbox.find(ticket.number)->last_error == "helpdesk answered 400: unknown queue");
  CHECK(tickets.find_by_number(ticket.number));  // kept, never dropped
  std::this_thread::sleep_for(std::chrono::milliseconds(200));
  CHECK(connector.calls().size() == 1);  // a failed row is not retried on its own
  REQUIRE(outbox.retry_failed(ticket.id) == Outbox::RetryResult::queued);
  forwarder.wake();
  REQUIRE(wait_until([&] { return outbox.find(ticket.number)->state == "delivered"; }, 5000));
  CHECK(connector.calls().size() == 2);
}

TEST_CASE("forwarder: 'probably permanent' answers give up after their attempt limit") {
  TempDir dir;
  Database database(dir.path() + "/t.sqlite3");
  Outbox outbox(database);
  TicketStore tickets(database, &outbox);
  DeliveryOutcome suspicious = DeliveryOutcome::try_again("osTicket answered 500: Unable to create new ticket");
  suspicious.give_up_after_attempts = 3;
  ScriptedConnector connector({suspicious, suspicious, suspicious, suspicious});
  std::ostringstream log_text;
  JsonLog log(log_text);
  SqliteStore store(database);
  Forwarder forwarder(store, connector, fast_retries(), log);
  const auto ticket = tickets.insert(draft("Invalid fields"), "", "").ticket;
  forwarder.start();
  REQUIRE(wait_until([&] { return outbox.find(ticket.number)->state == "failed"; }, 5000));
  forwarder.stop();
  CHECK(connector.calls().size() == 3);
  CHECK(outbox.find(ticket.number)->last_error.find("gave up after 3 attempts") != std::string::npos);
}

TEST_CASE("forwarder: a restart resumes pending rows") {
  TempDir dir;
  std::int64_t number = 0;
  {
    Database database(dir.path() + "/t.sqlite3");
    Outbox outbox(database);
    TicketStore tickets(database, &outbox);
    number = tickets.insert(draft("Before restart"), "", "").ticket.number;
  }
  Database database(dir.path() + "/t.sqlite3");
  Outbox outbox(database);
  TicketStore tickets(database, &outbox);
  ScriptedConnector connector({});
  std::ostringstream log_text;
  JsonLog log(log_text);
  SqliteStore store(database);
  Forwarder forwarder(store, connector, fast_retries(), log);
  forwarder.start();
  REQUIRE(wait_until([&] { return outbox.find(number)->state == "delivered"; }, 5000));
  CHECK(connector.calls().size() == 1);
}
