// osTicket's API against a stub that behaves as osTicket's api/tickets.json does, including its
// awkward answers: 401 for a bad key, 500 "Unable to create new ticket" for invalid fields,
// 201 with the number as plain text, and files over its size limit dropped without a word (still 201).
#include "connector_test_tickets.h"
#include "connectors/osticket_connector.h"
#include "connectors/ticket_text.h"
#include "relay_test_helpers.h"
#include "text/base64.h"

#include <doctest/doctest.h>

using namespace support::server;
using namespace support_test;

namespace {

std::string percent_decode(const std::string& text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '%' && i + 2 < text.size()) {
      out += static_cast<char>(std::stoi(text.substr(i + 1, 2), nullptr, 16));
      i += 2;
    } else {
      out += text[i];
    }
  }
  return out;
}

class OsTicketStub {
 public:
  explicit OsTicketStub(std::string key)
      : key_(std::move(key)), server_([this](httplib::Server& server) {
          server.Post("/support/api/tickets.json", [this](const httplib::Request& request, httplib::Response& response) {
            handle(request, response);
          });
        }) {}
  std::string url() const { return server_.url() + "/support"; }
  std::vector<nlohmann::json> tickets;   // as osTicket would store them (message decoded)
  int unavailable_answers = 0;           // answer 503 this many times first
  std::size_t max_file_bytes = 1024 * 1024;   // osTicket's attachment size setting

 private:
  void handle(const httplib::Request& request, httplib::Response& response) {
    if (unavailable_answers > 0) {
      --unavailable_answers;
      response.status = 503;
      return response.set_content("Service Unavailable", "text/html");
    }
    if (request.get_header_value("X-API-Key") != key_) {
      response.status = 401;
      return response.set_content("API key not authorized", "text/plain");
    }
    const nlohmann::json body = nlohmann::json::parse(request.body, nullptr, false);
    const std::string prefix = "data:text/plain;charset=utf-8,";
    const bool valid = body.is_object() && body.value("name", "") != "" &&
                       body.value("email", "").find('@') != std::string::npos &&
                       body.value("subject", "") != "" && body.value("message", "").rfind(prefix, 0) == 0;
    if (!valid) {
      response.status = 500;  // osTicket's answer for field validation errors
      return response.set_content("Unable to create new ticket: validation errors", "text/plain");
    }
    nlohmann::json stored = body;
    stored["message"] = percent_decode(body["message"].get<std::string>().substr(prefix.size()));
    // attachments: [{"name.png": "data:image/png;base64,..."}]; a file over the limit is dropped
    // and the ticket still created, as osTicket does.
    stored.erase("attachments");
    stored["files"] = nlohmann::json::array();
    for (const auto& item : body.value("attachments", nlohmann::json::array())) {
      for (const auto& [name, data] : item.items()) {
        const std::string url = data.get<std::string>();
        const std::size_t comma = url.find(";base64,");
        const std::string content = support::base64_decode(url.substr(comma + 8)).value_or("");
        if (content.size() > max_file_bytes) continue;
        stored["files"].push_back({{"name", name}, {"type", url.substr(5, comma - 5)}, {"content", content}});
      }
    }
    tickets.push_back(stored);
    response.status = 201;
    response.set_content(std::to_string(100000 + tickets.size()), "text/plain");
  }

  std::string key_;
  StubServer server_;
};

HelpdeskConfig osticket_config(const std::string& url, const std::string& key) {
  HelpdeskConfig config;
  config.connector = "osticket";
  config.url = url;
  config.token = key;
  config.topic_id = 3;
  config.timeout_seconds = 2;
  return config;
}

OutboxConfig two_server_error_attempts() {
  OutboxConfig outbox;
  outbox.server_error_attempts = 2;
  return outbox;
}

}  // namespace

TEST_CASE("osTicket: a ticket arrives with every field; the number comes from the plain-text 201") {
  OsTicketStub osticket("KEY-0123456789");
  OsTicketConnector connector(osticket_config(osticket.url(), "KEY-0123456789"), two_server_error_attempts());
  const DeliveryRequest request = delivery_request();
  const DeliveryOutcome outcome = connector.deliver(request);
  CHECK(outcome.kind == DeliveryOutcome::Kind::delivered);
  CHECK(outcome.helpdesk_ticket_id == "100001");
  REQUIRE(osticket.tickets.size() == 1);
  const nlohmann::json& stored = osticket.tickets[0];
  CHECK(stored["name"] == "Ada Lovelace");
  CHECK(stored["email"] == "ada@example.com");
  CHECK(stored["subject"] == "Grüße: login fails");
  CHECK(stored["message"] == ticket_plain_text(request.ticket));  // non-ASCII, quotes, & and % intact
  CHECK(stored["message"].get<std::string>().find("Seit gestern: \"Passwort falsch\" & 100% sicher") == 0);
  CHECK(stored["ip"] == "192.0.2.10");
  CHECK(stored["topicId"] == 3);
  CHECK_FALSE(stored.contains("priorityId"));
  CHECK(stored["site_url"] == "https://shop.example");  // custom field as a top-level key
}

TEST_CASE("osTicket: a bad API key is a rejection for good (401)") {
  OsTicketStub osticket("KEY-right");
  OsTicketConnector connector(osticket_config(osticket.url(), "KEY-wrong"), two_server_error_attempts());
  const DeliveryOutcome outcome = connector.deliver(delivery_request());
  CHECK(outcome.kind == DeliveryOutcome::Kind::rejected);
  CHECK(outcome.error == "osTicket answered 401: API key not authorized");
  CHECK(osticket.tickets.empty());
}

TEST_CASE("osTicket: 500 'Unable to create new ticket' is retried a limited number of times; 503 without limit") {
  OsTicketStub osticket("KEY");
  OsTicketConnector connector(osticket_config(osticket.url(), "KEY"), two_server_error_attempts());
  DeliveryOutcome outcome = connector.deliver(delivery_request("no-at-sign"));
  CHECK(outcome.kind == DeliveryOutcome::Kind::retry);
  CHECK(outcome.give_up_after_attempts == 2);
  CHECK(outcome.error.find("Unable to create new ticket") != std::string::npos);
  osticket.unavailable_answers = 1;
  outcome = connector.deliver(delivery_request());
  CHECK(outcome.kind == DeliveryOutcome::Kind::retry);
  CHECK(outcome.give_up_after_attempts == 0);
  CHECK(connector.deliver(delivery_request()).kind == DeliveryOutcome::Kind::delivered);
  CHECK(osticket.tickets.size() == 1);
}

TEST_CASE("osTicket: files go as data URLs; one over osTicket's limit is dropped with a 201 (why we check first)") {
  OsTicketStub osticket("KEY");
  osticket.max_file_bytes = 100;
  OsTicketConnector connector(osticket_config(osticket.url(), "KEY"), two_server_error_attempts());
  DeliveryRequest request = delivery_request();
  const std::string png = std::string("\x89PNG\r\n\x1a\n", 8) + std::string(40, '\0');
  request.attachments = {{"shot.png", "image/png", png}, {"huge.log", "text/plain", std::string(101, 'l')},
                         {"debug.log", "text/plain", "line 1\nline 2\n"}};
  CHECK(connector.deliver(request).kind == DeliveryOutcome::Kind::delivered);
  REQUIRE(osticket.tickets.size() == 1);
  const nlohmann::json& files = osticket.tickets[0]["files"];
  REQUIRE(files.size() == 2);   // huge.log is gone, and the answer was still 201
  CHECK(files[0]["name"] == "shot.png");
  CHECK(files[0]["type"] == "image/png");
  CHECK(files[0]["content"].get<std::string>() == png);
  CHECK(files[1]["name"] == "debug.log");
  CHECK(files[1]["content"] == "line 1\nline 2\n");
}
