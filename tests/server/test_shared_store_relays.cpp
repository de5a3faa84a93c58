// Several relays on one PostgreSQL (issue 8, item 6): two support-server processes share the
// store; tickets arrive at both at once, some retried under the same idempotency key, some with a
// reused key; a webhook receiver counts what reaches the helpdesk. Every ticket must be stored
// once and forwarded exactly once, and a relay killed mid-delivery must lose its claim when the
// lease ends, not earlier and not never. One customer's duplicate check holds across relays too.
#include "api_test_helpers.h"
#include "identity_token.h"
#include "postgres_instance.h"
#include "relay_server_config.h"
#include "relay_test_helpers.h"
#include "server_process.h"

#include <doctest/doctest.h>

#include <chrono>
#include <fstream>
#include <map>
#include <mutex>
#include <set>
#include <sstream>
#include <thread>

using namespace support_test;
using nlohmann::json;

namespace {

json shared_store_config(const std::string& webhook_url, double lease_seconds) {
  json config = webhook_relay_config(webhook_url);
  config["outbox"]["lease_seconds"] = lease_seconds;
  return config;
}

std::int64_t number_of(PostgresInstance& postgres, const std::string& url, const std::string& sql) {
  return std::stoll(postgres.query(sql, url));
}

struct Answer {
  int status = 0;
  std::string id;
};

}  // namespace

TEST_CASE("two relays, one PostgreSQL: 1,000 concurrent submissions, each ticket stored once and forwarded once") {
  PostgresInstance postgres;
  const std::string url = postgres.fresh_schema_url();
  WebhookReceiver receiver(kWebhookSecret);
  TempDir folder;
  StderrCapture logs(folder.path() + "/relays.log");  // both relays' JSON log lines (they inherit fd 2)
  const std::vector<std::string> config = server_config_args(folder, shared_store_config(receiver.url(), 10));
  std::vector<std::string> args = {"--database", url};
  args.insert(args.end(), config.begin(), config.end());
  // Started together: both run the migrations, which take turns on an advisory lock.
  std::unique_ptr<ServerProcess> relays[2];
  std::thread second([&] { relays[1] = std::make_unique<ServerProcess>(folder.path() + "/b", args); });
  relays[0] = std::make_unique<ServerProcess>(folder.path() + "/a", args);
  second.join();
  REQUIRE(relays[1]);

  // 1,000 submissions: keys 0..899 once each; 900..949 resend keys 0..49 with the same ticket (a
  // client retry: same answer), 950..999 reuse keys 50..99 for another ticket (422).
  constexpr int kSubmissions = 1000;
  auto key_of = [](int i) { return "key-" + std::to_string(i < 900 ? i : i - 900); };
  auto draft_of = [](int i) {
    const int ticket = i < 950 ? (i < 900 ? i : i - 900) : 10000 + i;
    return valid_draft("Two relays, ticket " + std::to_string(ticket));
  };
  const auto started = std::chrono::steady_clock::now();
  const auto seconds_since_start = [&] {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  };
  std::vector<Answer> answers(kSubmissions);
  std::vector<std::thread> senders;
  constexpr int kThreads = 8;
  for (int t = 0; t < kThreads; ++t) {
    senders.emplace_back([&, t] {
      httplib::Client clients[2] = {relays[0]->client(), relays[1]->client()};
      for (int i = t; i < kSubmissions; i += kThreads) {
        httplib::Client& client = clients[(i / kThreads) % 2];  // both relays, alternating
        const httplib::Result result =
            post_json(client, "/api/tickets", draft_of(i), {{"Idempotency-Key", key_of(i)}});
        if (!result) continue;  // status 0: counted as a failure below
        answers[i].status = result->status;
        const json body = json::parse(result->body, nullptr, false);
        if (body.is_object() && body.contains("id")) answers[i].id = body["id"].get<std::string>();
      }
    });
  }
  for (std::thread& sender : senders) sender.join();
  const double submitted_after = seconds_since_start();

  // Per key: exactly one 201; a retry of the same ticket gets that ticket, a different one 422.
  std::map<std::string, std::vector<int>> statuses_per_key;
  std::map<std::string, std::set<std::string>> ids_per_key;
  for (int i = 0; i < kSubmissions; ++i) {
    statuses_per_key[key_of(i)].push_back(answers[i].status);
    if (!answers[i].id.empty()) ids_per_key[key_of(i)].insert(answers[i].id);
  }
  int keys_with_one_201 = 0, replays = 0, reuses = 0;
  for (const auto& entry : statuses_per_key) {
    const std::string& key = entry.first;
    const std::vector<int>& statuses = entry.second;
    keys_with_one_201 += std::count(statuses.begin(), statuses.end(), 201) == 1;
    replays += static_cast<int>(std::count(statuses.begin(), statuses.end(), 200));
    reuses += static_cast<int>(std::count(statuses.begin(), statuses.end(), 422));
    CHECK_MESSAGE(ids_per_key[key].size() == 1, key);
  }
  CHECK(keys_with_one_201 == 900);
  CHECK(replays == 50);
  CHECK(reuses == 50);
  CHECK(number_of(postgres, url, "SELECT COUNT(*) FROM tickets") == 900);
  CHECK(number_of(postgres, url, "SELECT COUNT(DISTINCT idempotency_key) FROM tickets") == 900);

  // Forwarded: every ticket reaches the helpdesk, each exactly once (not even a resend).
  REQUIRE(wait_until([&] { return receiver.stored().size() >= 900; }, 60000));
  REQUIRE(wait_until(
      [&] { return number_of(postgres, url, "SELECT COUNT(*) FROM deliveries WHERE state = 'delivered'") == 900; },
      30000));
  const double delivered_after = seconds_since_start();
  const std::map<std::string, int> received = receiver.received_per_key();
  CHECK(received.size() == 900);
  int sent_twice = 0;
  for (const auto& [key, times] : received) sent_twice += times != 1;
  CHECK(sent_twice == 0);
  CHECK(receiver.stored().size() == 900);
  CHECK(number_of(postgres, url, "SELECT COUNT(*) FROM deliveries WHERE attempts <> 1 OR lease_owner <> ''") == 0);
  CHECK(number_of(postgres, url, "SELECT COUNT(*) FROM deliveries") == 900);
  // Who delivered what, from the relays' logs (a figure, not a check: the split depends on scheduling).
  std::map<std::string, int> deliveries_per_relay;
  std::istringstream lines(logs.text());
  for (std::string line; std::getline(lines, line);) {
    const json entry = json::parse(line, nullptr, false);
    if (entry.is_object() && entry.value("kind", "") == "delivery" && entry.value("outcome", "") == "delivered") {
      ++deliveries_per_relay[entry.value("relay", "")];
    }
  }
  std::string split;
  for (const auto& entry : deliveries_per_relay) split += " " + std::to_string(entry.second);
  MESSAGE("deliveries per relay:" << split);
  MESSAGE("two relays: 1,000 submissions answered in " << submitted_after << " s, 900 tickets all delivered after "
          << delivered_after << " s, " << receiver.requests() << " webhook requests");
}

TEST_CASE("two relays: a relay killed mid-delivery keeps its claim until the lease ends, then the other takes over") {
  PostgresInstance postgres;
  const std::string url = postgres.fresh_schema_url();
  WebhookReceiver receiver(kWebhookSecret);
  receiver.set_delay_ms(3000);  // the first relay is killed while the helpdesk holds its request
  TempDir folder;
  constexpr double kLeaseSeconds = 6;  // above the webhook's 5 s timeout (the configuration insists)
  const std::vector<std::string> config = server_config_args(folder, shared_store_config(receiver.url(), kLeaseSeconds));
  std::vector<std::string> args = {"--database", url};
  args.insert(args.end(), config.begin(), config.end());

  std::string first_id;
  std::int64_t lease_until_ms = 0;
  {
    ServerProcess doomed(folder.path() + "/a", args);
    httplib::Client client = doomed.client();
    for (int i = 0; i < 3; ++i) {
      const httplib::Result result = post_json(client, "/api/tickets", valid_draft("Killed relay " + std::to_string(i)));
      REQUIRE(result);
      REQUIRE(result->status == 201);
      if (i == 0) first_id = body_json(result)["id"].get<std::string>();
    }
    REQUIRE(wait_until([&] { return receiver.requests() >= 1; }, 10000));  // its first delivery is under way
    // The claim is in the database: one row leased to the first relay.
    REQUIRE(number_of(postgres, url, "SELECT COUNT(*) FROM deliveries WHERE lease_owner <> ''") == 1);
    lease_until_ms = number_of(postgres, url, "SELECT MAX(lease_until_ms) FROM deliveries");
    doomed.kill_hard();
  }
  receiver.set_delay_ms(0);
  ServerProcess survivor(folder.path() + "/b", args);
  // The two unclaimed tickets go at once; the claimed one waits for the dead relay's lease.
  REQUIRE(wait_until(
      [&] { return number_of(postgres, url, "SELECT COUNT(*) FROM deliveries WHERE state = 'delivered'") == 3; },
      20000));
  const std::int64_t first_number =
      number_of(postgres, url, "SELECT number FROM tickets WHERE id = '" + first_id + "'");
  // Delivered by the survivor only after the lease ended (its claim was never taken early).
  CHECK(number_of(postgres, url,
                  "SELECT COUNT(*) FROM deliveries WHERE ticket_number = " + std::to_string(first_number) +
                      " AND attempts = 1") == 1);
  CHECK(number_of(postgres, url,
                  "SELECT (extract(epoch FROM updated_at::timestamptz) * 1000)::bigint FROM deliveries "
                  "WHERE ticket_number = " + std::to_string(first_number)) >= lease_until_ms);
  // The helpdesk saw the killed relay's request and the survivor's resend under the same key,
  // and stored the ticket once; the other two arrived once each.
  const std::map<std::string, int> received = receiver.received_per_key();
  CHECK(received.size() == 3);
  CHECK(received.at(first_id) == 2);
  for (const auto& entry : receiver.stored_per_key()) CHECK_MESSAGE(entry.second == 1, entry.first);
  CHECK(receiver.stored_per_key().size() == 3);
}

TEST_CASE("two relays: the same customer's same text at both at once under different keys is one ticket, the rest 409") {
  // The duplicate check for identified customers reads the customer's tickets and then inserts;
  // without one lock per customer across relays, two relays could both read "none" and both insert.
  PostgresInstance postgres;
  const std::string url = postgres.fresh_schema_url();
  TempDir folder;
  const std::string secret = "two-relays-share-this-identity-secret-0123";
  const std::string secret_file = folder.path() + "/identity-secret";
  std::ofstream(secret_file) << secret << "\n";
  std::vector<std::string> args = {"--database", url, "--identity-secret-file", secret_file};
  ServerProcess first(folder.path() + "/a", args);
  ServerProcess second(folder.path() + "/b", args);
  const std::int64_t now =
      std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch()).count();
  const std::string token = support::server::sign_identity_token({"ada@example.com", "Ada", "c-1", now + 3600}, secret);
  json draft = valid_draft("Invoice PDF download shows an empty page");
  draft["email"] = "ada@example.com";
  draft["description"] = "When I download the November invoice as PDF the file opens but every page is blank.";

  constexpr int kPosts = 16;
  std::vector<int> statuses(kPosts, 0);
  std::vector<std::thread> posts;
  for (int i = 0; i < kPosts; ++i) {
    posts.emplace_back([&, i] {
      httplib::Client client = (i % 2 ? second : first).client();
      const httplib::Result result = post_json(client, "/api/tickets", draft,
                                               {{"X-Support-Identity", token}, {"Idempotency-Key", "tab-" + std::to_string(i)}});
      statuses[i] = result ? result->status : -1;
    });
  }
  for (std::thread& post : posts) post.join();
  CHECK(std::count(statuses.begin(), statuses.end(), 201) == 1);
  CHECK(std::count(statuses.begin(), statuses.end(), 409) == kPosts - 1);
  CHECK(number_of(postgres, url, "SELECT COUNT(*) FROM tickets") == 1);
}
