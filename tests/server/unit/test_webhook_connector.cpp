#include "connector_test_tickets.h"
#include "connectors/webhook_connector.h"
#include "relay_test_helpers.h"
#include "text/base64.h"

#include <doctest/doctest.h>

using namespace support::server;
using namespace support_test;

namespace {

HelpdeskConfig webhook_config(const std::string& url, const std::string& secret) {
  HelpdeskConfig config;
  config.connector = "webhook";
  config.url = url;
  config.secret = secret;
  config.timeout_seconds = 2;
  return config;
}

}  // namespace

TEST_CASE("webhook: signed JSON that the documented receiver check accepts, with the delivery id") {
  WebhookReceiver receiver("a-shared-secret-of-some-length");
  WebhookConnector connector(webhook_config(receiver.url(), "a-shared-secret-of-some-length"));
  const DeliveryOutcome outcome = connector.deliver(delivery_request());
  CHECK(outcome.kind == DeliveryOutcome::Kind::delivered);
  CHECK(outcome.helpdesk_ticket_id == "hook-t_0123456789abcdef01234567");
  CHECK(receiver.bad_signatures() == 0);
  REQUIRE(receiver.stored().size() == 1);
  const nlohmann::json body = receiver.stored()[0];
  CHECK(body["event"] == "ticket.created");
  CHECK(body["delivery_id"] == "t_0123456789abcdef01234567");
  CHECK(body["ticket"]["subject"] == "Grüße: login fails");
  // A resend (after a crash) is recognised by the receiver through Idempotency-Key.
  CHECK(connector.deliver(delivery_request()).kind == DeliveryOutcome::Kind::delivered);
  CHECK(receiver.stored().size() == 1);
  CHECK(receiver.received_per_key().at("t_0123456789abcdef01234567") == 2);
}

TEST_CASE("webhook: a wrong secret is refused by the receiver and is a rejection for good") {
  WebhookReceiver receiver("the-receivers-secret-value");
  WebhookConnector connector(webhook_config(receiver.url(), "some-other-secret-value"));
  const DeliveryOutcome outcome = connector.deliver(delivery_request());
  CHECK(outcome.kind == DeliveryOutcome::Kind::rejected);
  CHECK(outcome.error.find("401") != std::string::npos);
  CHECK(receiver.bad_signatures() == 1);
  CHECK(receiver.stored().empty());
}

TEST_CASE("webhook: the receiver check rejects a changed body, an old timestamp and a wrong scheme") {
  const std::string secret = "a-shared-secret-of-some-length";
  HelpdeskConfig config = webhook_config("http://127.0.0.1:9/h", secret);
  std::string seen_body, seen_timestamp, seen_signature;
  StubServer capture([&](httplib::Server& server) {
    server.Post("/h", [&](const httplib::Request& request, httplib::Response& response) {
      seen_body = request.body;
      seen_timestamp = request.get_header_value("X-Support-Timestamp");
      seen_signature = request.get_header_value("X-Support-Signature");
      response.status = 204;
    });
  });
  config.url = capture.url() + "/h";
  WebhookConnector connector(config, [] { return 1700000000LL; });
  CHECK(connector.deliver(delivery_request()).kind == DeliveryOutcome::Kind::delivered);
  CHECK(seen_timestamp == "1700000000");
  CHECK(seen_signature.rfind("sha256=", 0) == 0);
  CHECK(seen_signature.size() == 7 + 64);
  CHECK(webhook_signature_ok(secret, seen_timestamp, seen_body, seen_signature, 1700000010));
  CHECK_FALSE(webhook_signature_ok(secret, seen_timestamp, seen_body + " ", seen_signature, 1700000010));
  CHECK_FALSE(webhook_signature_ok(secret, "1700000001", seen_body, seen_signature, 1700000010));
  CHECK_FALSE(webhook_signature_ok(secret, seen_timestamp, seen_body, seen_signature, 1700000000 + 3600));
  CHECK_FALSE(webhook_signature_ok("other", seen_timestamp, seen_body, seen_signature, 1700000010));
}

TEST_CASE("webhook: 503, 429 with Retry-After and refused connections are retried; 404 is not") {
  int status = 503;
  StubServer hook([&](httplib::Server& server) {
    server.Post("/h", [&](const httplib::Request&, httplib::Response& response) {
      response.status = status;
      if (status == 429) response.set_header("Retry-After", "120");
      response.set_content("busy", "text/plain");
    });
  });
  WebhookConnector connector(webhook_config(hook.url() + "/h", "a-shared-secret-of-some-length"));
  DeliveryOutcome outcome = connector.deliver(delivery_request());
  CHECK(outcome.kind == DeliveryOutcome::Kind::retry);
  CHECK(outcome.error == "the webhook answered 503: busy");
  status = 429;
  outcome = connector.deliver(delivery_request());
  CHECK(outcome.kind == DeliveryOutcome::Kind::retry);
  CHECK(outcome.retry_after == std::chrono::seconds(120));
  status = 408;
  CHECK(connector.deliver(delivery_request()).kind == DeliveryOutcome::Kind::retry);
  status = 404;
  CHECK(connector.deliver(delivery_request()).kind == DeliveryOutcome::Kind::rejected);
  hook.stop();
  outcome = connector.deliver(delivery_request());
  CHECK(outcome.kind == DeliveryOutcome::Kind::retry);
  CHECK(outcome.error.find("unreachable") != std::string::npos);
}

TEST_CASE("webhook: files travel base64 inside the signed body, beside their metadata") {
  WebhookReceiver receiver("a-shared-secret-of-some-length");
  WebhookConnector connector(webhook_config(receiver.url(), "a-shared-secret-of-some-length"));
  DeliveryRequest request = delivery_request();
  const std::string png = std::string("\x89PNG\r\n\x1a\n", 8) + std::string("\0\xff", 2);
  request.ticket["attachments"] = {{{"name", "shot.png"}, {"type", "image/png"}, {"size", png.size()}, {"sha256", "x"}}};
  request.attachments = {{"shot.png", "image/png", png}};
  CHECK(connector.deliver(request).kind == DeliveryOutcome::Kind::delivered);
  CHECK(receiver.bad_signatures() == 0);   // the signature covers the files
  REQUIRE(receiver.stored().size() == 1);
  const nlohmann::json file = receiver.stored()[0]["ticket"]["attachments"][0];
  CHECK(file["name"] == "shot.png");
  CHECK(file["size"] == png.size());
  CHECK(support::base64_decode(file["content"].get<std::string>()) == png);
}
