// Operations: abuse limits (429 + Retry-After), structured logs without personal data, health
// and readiness.
#include "api_test_helpers.h"
#include "relay_server_config.h"

#include <sstream>

using namespace support_test;
using nlohmann::json;

namespace {

json draft_from(const std::string& email) {
  json draft = valid_draft();
  draft["email"] = email;
  return draft;
}

}  // namespace

TEST_CASE("rate limits: per address and per email on tickets, per address on events; 429 with Retry-After") {
  TempDir data;
  const json config = {{"rate_limits",
                        {{"tickets_per_ip", {{"burst", 4}, {"per_hour", 1}}},
                         {"tickets_per_email", {{"burst", 2}, {"per_hour", 1}}},
                         {"events_per_ip", {{"burst", 3}, {"per_hour", 60}}}}}};
  ServerProcess server(data.path(), server_config_args(data, config));
  httplib::Client client = server.client();
  CHECK(post_json(client, "/api/tickets", draft_from("one@example.com"))->status == 201);
  CHECK(post_json(client, "/api/tickets", draft_from("ONE@example.com"))->status == 201);
  const httplib::Result same_email = post_json(client, "/api/tickets", draft_from("one@example.com"));
  REQUIRE(same_email);
  CHECK(same_email->status == 429);
  CHECK(body_json(same_email)["code"] == "rate_limited");
  CHECK(std::stoi(same_email->get_header_value("Retry-After")) > 3000);  // one an hour
  CHECK(same_email->get_header_value("Access-Control-Allow-Origin") == "*");
  CHECK(same_email->get_header_value("Access-Control-Expose-Headers").find("Retry-After") != std::string::npos);
  CHECK(post_json(client, "/api/tickets", draft_from("two@example.com"))->status == 201);
  const httplib::Result same_address = post_json(client, "/api/tickets", draft_from("three@example.com"));
  REQUIRE(same_address);
  CHECK(same_address->status == 429);
  CHECK(same_address->has_header("Retry-After"));
  CHECK(list_tickets(server).size() == 3);

  for (int i = 0; i < 3; ++i) CHECK(post_json(client, "/api/events", json{{"type", "resolved"}})->status == 202);
  const httplib::Result events = post_json(client, "/api/events", json{{"type", "resolved"}});
  REQUIRE(events);
  CHECK(events->status == 429);
  CHECK(events->get_header_value("Retry-After") == "60");
}

TEST_CASE("logs: one JSON line per request and delivery, never the customer's email") {
  TempDir data;
  const std::string log_path = data.path() + "/stderr.log";
  {
    StderrCapture capture(log_path);
    std::atomic<int> calls{0};
    StubServer helpdesk([&](httplib::Server& s) {
      s.Post("/hook", [&](const httplib::Request& request, httplib::Response& response) {
        // A helpdesk that quotes the address back in its errors.
        response.status = ++calls == 1 ? 503 : 400;
        response.set_content("bad requestor ada.private@example.com", "text/plain");
      });
    });
    ServerProcess server(data.path(), server_config_args(data, webhook_relay_config(helpdesk.url() + "/hook")));
    httplib::Client client = server.client();
    const json answer = body_json(post_json(client, "/api/tickets", draft_from("ada.private@example.com")));
    json invalid = draft_from("ada.private@example");
    invalid["subject"] = "";
    CHECK(post_json(client, "/api/tickets", invalid)->status == 422);
    REQUIRE(wait_until([&] { return list_tickets(server)[0]["delivery"]["state"] == "failed"; }, 5000));
    server.stop();

    std::istringstream lines(capture.text());
    std::string line;
    int requests = 0, deliveries = 0;
    bool numbered = false;
    while (std::getline(lines, line)) {
      if (line.empty() || line[0] != '{') continue;  // not ours (e.g. the configuration warning)
      const json entry = json::parse(line, nullptr, false);
      REQUIRE_FALSE(entry.is_discarded());
      CHECK(entry.contains("time"));
      if (entry["kind"] == "request") {
        ++requests;
        CHECK(entry.contains("route"));
        CHECK(entry.contains("status"));
        CHECK(entry.contains("duration_ms"));
        numbered = numbered || (entry["route"] == "/api/tickets" && entry.value("ticket_number", 0) == answer["number"]);
      }
      if (entry["kind"] == "delivery") ++deliveries;
    }
    CHECK(requests >= 3);
    CHECK(deliveries == 2);  // a retry, then the failure
    CHECK(numbered);
    CHECK(capture.text().find("ada.private") == std::string::npos);
  }
}

TEST_CASE("health: /healthz is liveness, /readyz reports the database and the outbox") {
  TempDir data;
  ServerProcess server(data.path());
  httplib::Client client = server.client();
  const httplib::Result live = client.Get("/healthz");
  REQUIRE(live);
  CHECK(live->status == 200);
  CHECK(body_json(live)["status"] == "ok");
  const httplib::Result ready = client.Get("/readyz");
  REQUIRE(ready);
  CHECK(ready->status == 200);
  const json body = body_json(ready);
  CHECK(body["database"] == "ok");
  CHECK(body["outbox"]["pending"] == 0);
  CHECK(body["outbox"]["failed"] == 0);
  CHECK(body["outbox"]["oldest_pending_age_seconds"].is_null());
}

TEST_CASE("rate limits: behind a trusted proxy each forwarded client has its own bucket; origins from the file") {
  TempDir data;
  const json config = {{"rate_limits", {{"tickets_per_ip", {{"burst", 1}, {"per_hour", 1}}}}},
                       {"trusted_proxies", {"127.0.0.1"}},
                       {"allowed_origins", {"https://shop.example"}}};
  ServerProcess server(data.path(), server_config_args(data, config));
  httplib::Client client = server.client();
  const httplib::Headers first = {{"X-Forwarded-For", "198.51.100.1"}, {"Origin", "https://shop.example"}};
  const httplib::Result created = post_json(client, "/api/tickets", draft_from("a@example.com"), first);
  REQUIRE(created);
  CHECK(created->status == 201);
  CHECK(created->get_header_value("Access-Control-Allow-Origin") == "https://shop.example");
  CHECK(post_json(client, "/api/tickets", draft_from("b@example.com"), first)->status == 429);
  CHECK(post_json(client, "/api/tickets", draft_from("c@example.com"), {{"X-Forwarded-For", "198.51.100.2"}})->status == 201);
  const httplib::Result other_origin =
      post_json(client, "/api/tickets", draft_from("d@example.com"), {{"X-Forwarded-For", "198.51.100.3"}, {"Origin", "https://evil.example"}});
  REQUIRE(other_origin);
  CHECK_FALSE(other_origin->has_header("Access-Control-Allow-Origin"));
}
