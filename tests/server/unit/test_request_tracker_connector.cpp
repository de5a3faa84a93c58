// Request Tracker 5 REST 2.0 against a stub that answers as RT documents it, including what RT
// does wrong for us: a malformed requestor is dropped silently with a 201, unknown custom fields
// are ignored.
#include "connector_test_tickets.h"
#include "connectors/request_tracker_connector.h"
#include "relay_test_helpers.h"
#include "text/base64.h"

#include <doctest/doctest.h>

#include <regex>

using namespace support::server;
using namespace support_test;

namespace {

class RequestTrackerStub {
 public:
  explicit RequestTrackerStub(std::string token)
      : token_(std::move(token)), server_([this](httplib::Server& server) {
          server.Post("/rt/REST/2.0/ticket", [this](const httplib::Request& request, httplib::Response& response) {
            create(request, response);
          });
          server.Get("/rt/REST/2.0/tickets", [this](const httplib::Request& request, httplib::Response& response) {
            search(request, response);
          });
          server.Get(R"(/rt/REST/2.0/queue/([^/]+))", [this](const httplib::Request& request, httplib::Response& response) {
            queue(request, response);
          });
        }) {}
  std::string url() const { return server_.url() + "/rt"; }
  std::vector<nlohmann::json> tickets;
  int searches = 0;
  int queue_reads = 0;

 private:
  bool authorised(const httplib::Request& request, httplib::Response& response) {
    if (request.get_header_value("Authorization") == "token " + token_) return true;
    response.status = 401;
    response.set_content(R"({"message":"Unauthorized"})", "application/json");
    return false;
  }
  void create(const httplib::Request& request, httplib::Response& response) {
    if (!authorised(request, response)) return;
    nlohmann::json body = nlohmann::json::parse(request.body, nullptr, false);
    if (!body.is_object() || body.value("Queue", "") != "Support") {
      response.status = 400;
      return response.set_content(R"({"message":"Invalid Queue"})", "application/json");
    }
    // RT's address parser drops what it cannot read (any non-ASCII address; dotless domains are
    // fine, as the real RT 5 showed) and creates the ticket anyway.
    const std::string requestor = body.value("Requestor", "");
    if (!std::regex_match(requestor, std::regex(R"([A-Za-z0-9._%+'/=#!-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*)"))) {
      body.erase("Requestor");
    }
    nlohmann::json fields = nlohmann::json::object();
    for (const char* known : {"Site", "Widget ticket"}) {
      if (body.contains("CustomFields") && body["CustomFields"].contains(known)) fields[known] = body["CustomFields"][known];
    }
    body["CustomFields"] = fields;
    // Attachments: [{FileName, FileType, FileContent (base64)}]; RT refuses a file it cannot decode.
    for (auto& file : body.value("Attachments", nlohmann::json::array())) {
      const auto content = support::base64_decode(file.value("FileContent", ""));
      if (!content || file.value("FileName", "").empty() || file.value("FileType", "").empty()) {
        response.status = 400;
        return response.set_content(R"({"message":"Invalid attachment"})", "application/json");
      }
    }
    body["id"] = std::to_string(tickets.size() + 1);
    tickets.push_back(body);
    response.status = 201;
    response.set_content(nlohmann::json{{"id", body["id"]}, {"type", "ticket"},
                                        {"_url", url() + "/REST/2.0/ticket/" + body["id"].get<std::string>()}}
                             .dump(),
                         "application/json");
  }
  // As the real RT 5 answers GET /queue/<name>: the ticket custom fields applied to it.
  void queue(const httplib::Request& request, httplib::Response& response) {
    if (!authorised(request, response)) return;
    ++queue_reads;
    if (request.matches[1] != "Support") {
      response.status = 404;
      return response.set_content(R"({"message":"Not Found"})", "application/json");
    }
    nlohmann::json fields = nlohmann::json::array();
    for (const char* known : {"Site", "Widget ticket"}) fields.push_back({{"type", "customfield"}, {"name", known}});
    response.status = 200;
    response.set_content(nlohmann::json{{"Name", "Support"}, {"TicketCustomFields", fields}}.dump(), "application/json");
  }
  void search(const httplib::Request& request, httplib::Response& response) {
    if (!authorised(request, response)) return;
    ++searches;
    std::smatch match;
    const std::string query = request.get_param_value("query");
    nlohmann::json items = nlohmann::json::array();
    if (std::regex_match(query, match, std::regex(R"('CF\.\{([^}]+)\}' = '([^']*)')"))) {
      for (const auto& ticket : tickets) {
        if (ticket["CustomFields"].value(match[1].str(), "") == match[2].str()) {
          items.push_back({{"type", "ticket"}, {"id", ticket["id"]}});
        }
      }
    } else {
      response.status = 400;
      return response.set_content(R"({"message":"Invalid query"})", "application/json");
    }
    response.status = 200;
    response.set_content(nlohmann::json{{"count", items.size()}, {"total", items.size()}, {"page", 1}, {"items", items}}.dump(),
                         "application/json");
  }

  std::string token_;
  StubServer server_;
};

HelpdeskConfig rt_config(const std::string& url, const std::string& token) {
  HelpdeskConfig config;
  config.connector = "request_tracker";
  config.url = url;
  config.token = token;
  config.queue = "Support";
  config.delivery_id_field = "Widget ticket";
  config.custom_fields = {{"site_url", "Site"}};
  config.timeout_seconds = 2;
  return config;
}

}  // namespace

TEST_CASE("Request Tracker: a ticket arrives with queue, subject, content, requestor and custom fields") {
  RequestTrackerStub rt("rt-token-1");
  RequestTrackerConnector connector(rt_config(rt.url(), "rt-token-1"));
  const DeliveryOutcome outcome = connector.deliver(delivery_request());
  CHECK(outcome.kind == DeliveryOutcome::Kind::delivered);
  CHECK(outcome.helpdesk_ticket_id == "1");
  REQUIRE(rt.tickets.size() == 1);
  const nlohmann::json& ticket = rt.tickets[0];
  CHECK(ticket["Queue"] == "Support");
  CHECK(ticket["Subject"] == "Grüße: login fails");
  CHECK(ticket["Requestor"] == "ada@example.com");
  CHECK(ticket["ContentType"] == "text/plain");
  CHECK(ticket["Content"].get<std::string>().find("Passwort falsch") != std::string::npos);
  CHECK(ticket["CustomFields"]["Site"] == "https://shop.example");
  CHECK(ticket["CustomFields"]["Widget ticket"] == "t_0123456789abcdef01234567");
}

TEST_CASE("Request Tracker: a resend finds the first ticket through the delivery-id field") {
  RequestTrackerStub rt("tok");
  RequestTrackerConnector connector(rt_config(rt.url(), "tok"));
  CHECK(connector.deliver(delivery_request()).helpdesk_ticket_id == "1");
  const DeliveryOutcome again = connector.deliver(delivery_request());
  CHECK(again.kind == DeliveryOutcome::Kind::delivered);
  CHECK(again.helpdesk_ticket_id == "1");
  CHECK(rt.tickets.size() == 1);
  CHECK(rt.searches == 2);
}

TEST_CASE("Request Tracker: addresses RT would drop are stopped before forwarding") {
  RequestTrackerStub rt("tok");
  RequestTrackerConnector connector(rt_config(rt.url(), "tok"));
  // Accepted by the web form's check, but not by RT's parser.
  for (const std::string address : {"ada@bücher.example", "info@müller.example"}) {
    CAPTURE(address);
    const DeliveryOutcome outcome = connector.deliver(delivery_request(address));
    CHECK(outcome.kind == DeliveryOutcome::Kind::rejected);
    CHECK(outcome.error.find("requestor address") != std::string::npos);
    CHECK(outcome.error.find(address) == std::string::npos);  // the reason never repeats the address
  }
  CHECK(rt.tickets.empty());
  CHECK(rt.searches == 0);
  CHECK(request_tracker_accepts_address("ops@localhost"));  // the real RT keeps a dotless domain
  CHECK(connector.deliver(delivery_request("ops@localhost")).kind == DeliveryOutcome::Kind::delivered);
  CHECK(rt.tickets.at(0)["Requestor"] == "ops@localhost");
  CHECK(request_tracker_accepts_address("ada.lovelace+support@mail.example.co.uk"));
}

TEST_CASE("Request Tracker: a wrong token or queue is a rejection for good") {
  RequestTrackerStub rt("tok");
  RequestTrackerConnector wrong_token(rt_config(rt.url(), "nope"));
  DeliveryOutcome outcome = wrong_token.deliver(delivery_request());
  CHECK(outcome.kind == DeliveryOutcome::Kind::rejected);
  CHECK(outcome.error.find("401") != std::string::npos);
  HelpdeskConfig config = rt_config(rt.url(), "tok");
  config.queue = "Nowhere";
  config.delivery_id_field.clear();
  RequestTrackerConnector wrong_queue(config);
  outcome = wrong_queue.deliver(delivery_request());
  CHECK(outcome.kind == DeliveryOutcome::Kind::rejected);
  CHECK(outcome.error.find("404") != std::string::npos);  // the queue check before the create
  CHECK(rt.tickets.empty());
}

TEST_CASE("Request Tracker: a custom field the queue lacks stops the ticket before it is sent") {
  RequestTrackerStub rt("tok");
  HelpdeskConfig config = rt_config(rt.url(), "tok");
  config.custom_fields["category"] = "Not in RT";
  RequestTrackerConnector connector(config);
  const DeliveryOutcome outcome = connector.deliver(delivery_request());
  CHECK(outcome.kind == DeliveryOutcome::Kind::rejected);
  CHECK(outcome.error.find("'Not in RT'") != std::string::npos);
  CHECK(outcome.error.find("'Site'") == std::string::npos);
  CHECK(rt.queue_reads == 1);
  CHECK(rt.tickets.empty());
  CHECK(rt.searches == 0);
}

TEST_CASE("Request Tracker: files go with the create request as base64, byte for byte") {
  RequestTrackerStub rt("rt-token-1");
  RequestTrackerConnector connector(rt_config(rt.url(), "rt-token-1"));
  DeliveryRequest request = delivery_request();
  const std::string png = std::string("\x89PNG\r\n\x1a\n", 8) + std::string("\0\xff\x01", 3);
  request.attachments = {{"shot.png", "image/png", png}, {"debug.log", "text/plain", "line 1\n"}};
  CHECK(connector.deliver(request).kind == DeliveryOutcome::Kind::delivered);
  REQUIRE(rt.tickets.size() == 1);
  const nlohmann::json& files = rt.tickets[0]["Attachments"];
  REQUIRE(files.size() == 2);
  CHECK(files[0]["FileName"] == "shot.png");
  CHECK(files[0]["FileType"] == "image/png");
  CHECK(support::base64_decode(files[0]["FileContent"].get<std::string>()) == png);
  CHECK(files[1]["FileName"] == "debug.log");
  CHECK(support::base64_decode(files[1]["FileContent"].get<std::string>()) == "line 1\n");
  // Without files the request has no Attachments member at all.
  CHECK_FALSE(connector.request_body(delivery_request()).contains("Attachments"));
}
