// TicketSender: one ticket request through flaky networks, as the same request every time.
#include "delivery/ticket_sender.h"

#include <doctest/doctest.h>

using namespace support;

namespace {

HttpRequest ticket_request(int id) {
  HttpRequest r;
  r.id = id;
  r.method = "POST";
  r.path = "/api/tickets";
  r.body = R"({"subject":"s","idempotency_key":"k-1"})";
  r.headers = {{"Idempotency-Key", "k-1"}};
  return r;
}

}  // namespace

TEST_CASE("ticket sender: a final answer ends it at once") {
  for (int status : {201, 200, 400, 422}) {
    CAPTURE(status);
    TicketSender sender;
    sender.start(ticket_request(1), 0);
    CHECK(sender.state() == DeliveryState::Sending);
    const auto answer = sender.on_response(1, {status, "{}", ""}, 10);
    REQUIRE(answer);
    CHECK(answer->status == status);
    CHECK(sender.state() == DeliveryState::Idle);
    CHECK_FALSE(sender.due(1e9, 2));
  }
}

TEST_CASE("ticket sender: no answer, 429 and 5xx are retried as the very same request, with growing waits") {
  TicketSender sender(42);
  const HttpRequest first = sender.start(ticket_request(1), 0);
  double now = 0;
  double previous_wait = 0;
  int id = 1;
  for (int status : {0, 503, 502, 500, 0}) {
    CAPTURE(status);
    CHECK_FALSE(sender.on_response(id, {status, "", ""}, now));
    REQUIRE(sender.state() == DeliveryState::WaitingToRetry);
    REQUIRE(sender.retry_at());
    const double at = *sender.retry_at();
    const double wait = at - now;
    CHECK(wait > 0);
    CHECK(wait >= previous_wait / 2);   // jitter, but the trend is up
    previous_wait = wait;
    CHECK_FALSE(sender.due(at - 1, 99));   // not yet
    const auto retry = sender.due(at, ++id);
    REQUIRE(retry);
    CHECK(retry->id == id);
    CHECK(retry->body == first.body);         // same request...
    CHECK(retry->headers == first.headers);   // ...under the same key
    now = at;
  }
  CHECK(sender.attempts() == 6);
  const auto done = sender.on_response(id, {201, R"({"number":7})", ""}, now);
  REQUIRE(done);
  CHECK(done->status == 201);
}

TEST_CASE("ticket sender: Retry-After is honoured") {
  TicketSender sender;
  sender.start(ticket_request(1), 1000);
  CHECK_FALSE(sender.on_response(1, {429, "", "8"}, 1000));
  REQUIRE(sender.retry_at());
  CHECK(*sender.retry_at() == doctest::Approx(9000));
}

TEST_CASE("ticket sender: offline waits for the connection, then tries at once") {
  TicketSender sender;
  sender.start(ticket_request(1), 0);
  sender.set_online(false, 5);
  CHECK_FALSE(sender.on_response(1, {0, "", ""}, 10));
  CHECK(sender.state() == DeliveryState::Offline);
  CHECK_FALSE(sender.due(1e9, 2));   // no timers while offline
  sender.set_online(true, 5000);
  const auto retry = sender.due(5000, 2);
  REQUIRE(retry);
  CHECK(sender.state() == DeliveryState::Sending);

  // Going offline while a retry waits parks it too.
  CHECK_FALSE(sender.on_response(2, {503, "", ""}, 5010));
  REQUIRE(sender.state() == DeliveryState::WaitingToRetry);
  sender.set_online(false, 5020);
  CHECK(sender.state() == DeliveryState::Offline);
}

TEST_CASE("ticket sender: stale answers are ignored and cancel stops everything") {
  TicketSender sender;
  sender.start(ticket_request(3), 0);
  CHECK_FALSE(sender.on_response(2, {201, "{}", ""}, 1));   // an event's answer, or an old try's
  CHECK(sender.state() == DeliveryState::Sending);
  CHECK_FALSE(sender.on_response(3, {0, "", ""}, 2));
  sender.cancel();
  CHECK(sender.state() == DeliveryState::Idle);
  CHECK_FALSE(sender.due(1e12, 4));
  CHECK_FALSE(sender.on_response(3, {201, "{}", ""}, 3));   // a late answer after cancel changes nothing
}

TEST_CASE("ticket sender: two widgets that failed together do not retry together") {
  TicketSender a(1), b(2);
  a.start(ticket_request(1), 0);
  b.start(ticket_request(1), 0);
  a.on_response(1, {503, "", ""}, 0);
  b.on_response(1, {503, "", ""}, 0);
  REQUIRE(a.retry_at());
  REQUIRE(b.retry_at());
  CHECK(*a.retry_at() != *b.retry_at());
}
