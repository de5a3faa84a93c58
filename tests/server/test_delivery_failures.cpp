// Proof by failure: kill -9 of the relay around a delivery, a helpdesk outage during 100
// submissions, the same idempotency key twice at once. The webhook receiver counts what it got
// and what it stored per delivery id: "exactly once" means one stored ticket per 201.
#include "api_test_helpers.h"
#include "relay_server_config.h"

#include <set>

using namespace support_test;
using nlohmann::json;

namespace {

std::string submit(httplib::Client& client, const std::string& subject) {
  const httplib::Result result = post_json(client, "/api/tickets", valid_draft(subject));
  REQUIRE(result);
  REQUIRE(result->status == 201);
  return body_json(result)["id"].get<std::string>();
}

int delivered_count(const ServerProcess& server) {
  int delivered = 0;
  for (const json& ticket : list_tickets(server)) delivered += ticket["delivery"]["state"] == "delivered";
  return delivered;
}

}  // namespace

TEST_CASE("kill -9 after the 201, before the forward: forwarded exactly once after the restart") {
  TempDir data;
  WebhookReceiver receiver(kWebhookSecret);
  receiver.set_mode(WebhookReceiver::Mode::unavailable);  // keeps the ticket in the outbox
  const std::vector<std::string> args = server_config_args(data, webhook_relay_config(receiver.url()));
  std::string id;
  {
    ServerProcess server(data.path(), args);
    httplib::Client client = server.client();
    id = submit(client, "Killed before forwarding");
    REQUIRE(wait_until([&] { return receiver.received_per_key().count(id) == 1; }, 5000));
    server.kill_hard();
  }
  CHECK(receiver.stored().empty());
  receiver.set_mode(WebhookReceiver::Mode::accept);
  ServerProcess restarted(data.path(), args);
  REQUIRE(wait_until([&] { return receiver.stored().size() == 1; }, 5000));
  REQUIRE(wait_until([&] { return delivered_count(restarted) == 1; }, 5000));
  std::this_thread::sleep_for(std::chrono::milliseconds(500));  // nothing more may come
  CHECK(receiver.stored_per_key() == std::map<std::string, int>{{id, 1}});
}

TEST_CASE("kill -9 while the helpdesk is answering: the resend carries the same key, one ticket there") {
  TempDir data;
  WebhookReceiver receiver(kWebhookSecret);
  receiver.set_delay_ms(1500);  // the relay is killed while the receiver is storing the ticket
  const std::vector<std::string> args = server_config_args(data, webhook_relay_config(receiver.url()));
  std::string id;
  {
    ServerProcess server(data.path(), args);
    httplib::Client client = server.client();
    id = submit(client, "Killed mid-delivery");
    REQUIRE(wait_until([&] { return receiver.requests() == 1; }, 5000));
    server.kill_hard();  // the helpdesk will store it, but the relay never records that
  }
  REQUIRE(wait_until([&] { return receiver.stored().size() == 1; }, 5000));
  receiver.set_delay_ms(0);
  ServerProcess restarted(data.path(), args);
  REQUIRE(wait_until([&] { return delivered_count(restarted) == 1; }, 5000));
  CHECK(receiver.received_per_key().at(id) == 2);  // resent once after the restart...
  CHECK(receiver.stored_per_key() == std::map<std::string, int>{{id, 1}});  // ...and deduplicated there
  CHECK(list_tickets(restarted)[0]["delivery"]["helpdesk_ticket_id"] == "hook-" + id);
}

TEST_CASE("helpdesk outage (connections refused, then 503) during 100 submissions: all arrive exactly once") {
  constexpr int kTickets = 100;
  TempDir data;
  WebhookReceiver receiver(kWebhookSecret);
  ServerProcess server(data.path(), server_config_args(data, webhook_relay_config(receiver.url())));
  httplib::Client client = server.client();
  std::set<std::string> ids;

  receiver.server().stop();  // refuses connections
  for (int i = 0; i < kTickets / 2; ++i) ids.insert(submit(client, "Outage " + std::to_string(i)));
  receiver.set_mode(WebhookReceiver::Mode::unavailable);
  receiver.server().start();  // answers 503
  for (int i = kTickets / 2; i < kTickets; ++i) ids.insert(submit(client, "Outage " + std::to_string(i)));
  REQUIRE(wait_until([&] { return receiver.received_per_key().size() > 10; }, 5000));

  const json readiness = body_json(client.Get("/readyz"));
  CHECK(readiness["status"] == "ready");
  CHECK(readiness["outbox"]["pending"].get<int>() == kTickets);
  CHECK(readiness["outbox"]["oldest_pending_age_seconds"].get<double>() > 0);
  CHECK(receiver.stored().empty());

  receiver.set_mode(WebhookReceiver::Mode::accept);
  REQUIRE(wait_until([&] { return receiver.stored().size() == kTickets; }, 30000));
  REQUIRE(wait_until([&] { return delivered_count(server) == kTickets; }, 10000));
  std::this_thread::sleep_for(std::chrono::milliseconds(500));
  const std::map<std::string, int> stored = receiver.stored_per_key();
  CHECK(stored.size() == kTickets);
  std::set<std::string> stored_ids;
  for (const auto& [key, times] : stored) {
    CHECK(times == 1);
    stored_ids.insert(key);
  }
  CHECK(stored_ids == ids);
  CHECK(body_json(client.Get("/readyz"))["outbox"]["pending"] == 0);
}

TEST_CASE("the same idempotency key twice in parallel: one ticket, one delivery") {
  TempDir data;
  WebhookReceiver receiver(kWebhookSecret);
  ServerProcess server(data.path(), server_config_args(data, webhook_relay_config(receiver.url())));
  std::vector<int> statuses(2, -1);
  std::vector<std::thread> threads;
  for (int i = 0; i < 2; ++i) {
    threads.emplace_back([&, i] {
      httplib::Client client = server.client();
      const httplib::Result result = post_json(client, "/api/tickets", valid_draft("Double click"),
                                               {{"Idempotency-Key", "double-click-key"}});
      if (result) statuses[i] = result->status;
    });
  }
  for (auto& thread : threads) thread.join();
  std::multiset<int> seen(statuses.begin(), statuses.end());
  CHECK(seen == std::multiset<int>{200, 201});
  REQUIRE(wait_until([&] { return receiver.stored().size() == 1; }, 5000));
  std::this_thread::sleep_for(std::chrono::milliseconds(500));
  CHECK(list_tickets(server).size() == 1);
  CHECK(receiver.requests() == 1);
  CHECK(receiver.stored().size() == 1);
}
