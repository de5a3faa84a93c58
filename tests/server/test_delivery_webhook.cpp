// Tickets through the real server to a webhook receiver: delivery state for staff, rejected
// deliveries kept and retried by staff, secrets never sent to the browser.
#include "api_test_helpers.h"
#include "relay_server_config.h"

using namespace support_test;
using nlohmann::json;

namespace {

json delivery_of(const ServerProcess& server, const std::string& id) {
  for (const json& ticket : list_tickets(server)) {
    if (ticket["id"] == id) return ticket["delivery"];
  }
  return nullptr;
}

}  // namespace

TEST_CASE("delivery: a ticket reaches the webhook once; staff see it delivered with the helpdesk's id") {
  TempDir data;
  WebhookReceiver receiver(kWebhookSecret);
  ServerProcess server(data.path(), server_config_args(data, webhook_relay_config(receiver.url())));
  httplib::Client client = server.client();
  const httplib::Result created = post_json(client, "/api/tickets", valid_draft("Webhook"));
  REQUIRE(created);
  REQUIRE(created->status == 201);
  const std::string id = body_json(created)["id"];
  REQUIRE(wait_until([&] { return delivery_of(server, id)["state"] == "delivered"; }, 5000));
  const json delivery = delivery_of(server, id);
  CHECK(delivery["helpdesk"] == "webhook");
  CHECK(delivery["helpdesk_ticket_id"] == "hook-" + id);
  CHECK(delivery["attempts"] == 1);
  CHECK(delivery["last_error"].is_null());
  REQUIRE(receiver.stored().size() == 1);
  CHECK(receiver.stored()[0]["ticket"]["subject"] == "Webhook");
  CHECK(receiver.stored()[0]["ticket"]["extra"]["agent_name"] == "Sam");
  CHECK(receiver.stored_per_key() == std::map<std::string, int>{{id, 1}});
  CHECK(receiver.bad_signatures() == 0);
}

TEST_CASE("delivery: secrets stay on the server (GET /api/config, answers)") {
  TempDir data;
  write_file(data.path() + "/widget.json", R"({"brand": {"name": "Test shop"}})");
  json config = webhook_relay_config("http://127.0.0.1:9/hook");
  config["helpdesk"]["secret"] = "secret-in-the-file-0123456789";
  ::setenv("SUPPORT_HELPDESK_TOKEN", "token-from-the-environment", 1);
  ServerProcess server(data.path(), [&] {
    std::vector<std::string> args = server_config_args(data, config);
    args.insert(args.end(), {"--config", data.path() + "/widget.json"});
    return args;
  }());
  ::unsetenv("SUPPORT_HELPDESK_TOKEN");
  httplib::Client client = server.client();
  const httplib::Result widget_config = client.Get("/api/config");
  REQUIRE(widget_config);
  CHECK(widget_config->status == 200);
  CHECK(widget_config->body.find("Test shop") != std::string::npos);
  for (const std::string& answer : {widget_config->body, client.Get("/readyz")->body, client.Get("/healthz")->body,
                                    post_json(client, "/api/tickets", valid_draft())->body}) {
    CHECK(answer.find("secret-in-the-file") == std::string::npos);
    CHECK(answer.find("token-from-the-environment") == std::string::npos);
  }
}

TEST_CASE("delivery: a rejected ticket is kept as failed with the reason; staff can retry it") {
  TempDir data;
  std::atomic<bool> accept{false};
  std::atomic<int> received{0};
  StubServer helpdesk([&](httplib::Server& s) {
    s.Post("/hook", [&](const httplib::Request&, httplib::Response& response) {
      ++received;
      response.status = accept ? 201 : 422;
      response.set_content(accept ? R"({"id": "HD-1"})" : R"({"error": "unknown queue"})", "application/json");
    });
  });
  ServerProcess server(data.path(), server_config_args(data, webhook_relay_config(helpdesk.url() + "/hook")));
  httplib::Client client = server.client();
  const std::string id = body_json(post_json(client, "/api/tickets", valid_draft("Rejected")))["id"];
  REQUIRE(wait_until([&] { return delivery_of(server, id)["state"] == "failed"; }, 5000));
  const json failed = delivery_of(server, id);
  CHECK(failed["last_error"] == R"(the webhook answered 422: {"error": "unknown queue"})");
  CHECK(failed["attempts"] == 1);
  std::this_thread::sleep_for(std::chrono::milliseconds(500));
  CHECK(received == 1);  // failed means: no retries on its own

  const std::string retry_path = "/api/tickets/" + id + "/retry-delivery";
  const httplib::Result anonymous = client.Post(retry_path.c_str());
  REQUIRE(anonymous);
  CHECK(anonymous->status == 401);
  const httplib::Result unknown = client.Post("/api/tickets/t_nope/retry-delivery", server.staff_headers(), "", "text/plain");
  REQUIRE(unknown);
  CHECK(unknown->status == 404);

  accept = true;
  const httplib::Result retried = client.Post(retry_path.c_str(), server.staff_headers(), "", "text/plain");
  REQUIRE(retried);
  CHECK(retried->status == 202);
  REQUIRE(wait_until([&] { return delivery_of(server, id)["state"] == "delivered"; }, 5000));
  CHECK(delivery_of(server, id)["helpdesk_ticket_id"] == "HD-1");
  CHECK(received == 2);
  const httplib::Result again = client.Post(retry_path.c_str(), server.staff_headers(), "", "text/plain");
  REQUIRE(again);
  CHECK(again->status == 409);
  CHECK(body_json(again)["code"] == "delivery_not_failed");
}
