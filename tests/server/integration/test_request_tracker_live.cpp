// The relay against a real Request Tracker 5 (issue 8): tickets submitted through our public API
// arrive in RT with every field, read back through RT's own REST 2.0; what RT would silently
// spoil is stopped before it is sent; and while RT is down the outbox keeps the ticket and
// delivers it exactly once when RT is back. RT missing is a failure (./dev setup installs it).
#include "api_test_helpers.h"
#include "integration/request_tracker_instance.h"

#include <cctype>
#include <chrono>
#include <cstdio>
#include <memory>
#include <thread>

using namespace support_test;
using nlohmann::json;

namespace {

const std::string kQueue = "Support";
const std::string kDeliveryIdField = "Widget ticket";
const std::string kSiteField = "Site";
const std::string kCategoryField = "Widget category";

// One RT for the whole binary: setting it up takes most of a minute.
RequestTrackerInstance& request_tracker() {
  static TempDir folder;
  static std::unique_ptr<RequestTrackerInstance> instance;
  static std::string failure;
  if (!failure.empty()) throw std::runtime_error(failure);
  if (!instance) {
    try {
      instance = std::make_unique<RequestTrackerInstance>(folder.path(), kQueue,
                                                          std::vector<std::string>{kDeliveryIdField, kSiteField, kCategoryField});
    } catch (const std::exception& e) {
      failure = e.what();
      throw;
    }
  }
  return *instance;
}

json our_fields() { return {{"site_url", kSiteField}, {"category", kCategoryField}}; }

std::vector<std::string> relay_args(const TempDir& data, const RequestTrackerInstance& rt,
                                    const json& custom_fields = our_fields()) {
  const json config = {
      {"helpdesk",
       {{"connector", "request_tracker"},
        {"url", rt.url()},
        {"token", rt.token()},
        {"queue", kQueue},
        {"delivery_id_field", kDeliveryIdField},
        {"custom_fields", custom_fields},
        {"timeout_seconds", 60}}},  // RT on a busy machine can take seconds per request
      {"outbox", {{"first_retry_seconds", 0.2}, {"max_retry_seconds", 1}}}};
  const std::string path = data.path() + "/server-config.json";
  std::ofstream(path) << config.dump(2);
  return {"--server-config", path};
}

json staff_ticket(const ServerProcess& server, const std::string& id) {
  httplib::Client client = server.client();
  const httplib::Result result = client.Get(("/api/tickets/" + id).c_str(), server.staff_headers());
  REQUIRE(result);
  REQUIRE(result->status == 200);
  return body_json(result);
}

// Polls our staff API until the ticket's delivery has ended (delivered or failed), then checks
// it ended in `state`; returns the ticket.
json wait_for_delivery(const ServerProcess& server, const std::string& id, const std::string& state,
                       int timeout_s = 120) {
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(timeout_s);
  json ticket;
  while (std::chrono::steady_clock::now() < deadline) {
    ticket = staff_ticket(server, id);
    if (ticket["delivery"]["state"] == "delivered" || ticket["delivery"]["state"] == "failed") break;
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
  }
  INFO("last seen: " << ticket.dump());
  REQUIRE(ticket["delivery"]["state"] == state);
  return ticket;
}

std::string submit(httplib::Client& client, const json& draft) {
  const httplib::Result result = post_json(client, "/api/tickets", draft);
  REQUIRE(result);
  INFO(result->body);
  REQUIRE(result->status == 201);
  return body_json(result)["id"].get<std::string>();
}

std::string custom_field(const json& rt_ticket, const std::string& name) {
  for (const json& field : rt_ticket["CustomFields"]) {
    if (field["name"] == name) return field["values"].empty() ? std::string() : field["values"][0].get<std::string>();
  }
  return "(no such field)";
}

std::vector<std::string> requestors(const json& rt_ticket) {
  std::vector<std::string> out;
  for (const json& user : rt_ticket["Requestor"]) out.push_back(user["id"].get<std::string>());
  return out;
}

// The ticket's first message as RT stored it (REST 2.0 serves attachment content as base64).
std::string first_message(RequestTrackerInstance& rt, const std::string& rt_id) {
  const json attachments = rt.get("ticket/" + rt_id + "/attachments");
  REQUIRE(attachments["items"].size() >= 1);
  const json attachment = rt.get("attachment/" + attachments["items"][0]["id"].get<std::string>());
  CHECK(attachment["ContentType"] == "text/plain");
  return decode_base64(attachment["Content"].get<std::string>());
}

// RT tickets whose delivery-id field holds `delivery_id` (TicketSQL through REST 2.0).
std::size_t tickets_in_rt_for(RequestTrackerInstance& rt, const std::string& delivery_id) {
  const std::string query = "'CF.{" + kDeliveryIdField + "}' = '" + delivery_id + "'";
  std::string encoded;
  for (unsigned char c : query) {
    if (std::isalnum(c) || c == '_' || c == '-') {
      encoded += static_cast<char>(c);
    } else {
      char hex[4];
      std::snprintf(hex, sizeof hex, "%%%02X", c);
      encoded += hex;
    }
  }
  return rt.get("tickets?query=" + encoded)["items"].size();
}

}  // namespace

TEST_CASE("Request Tracker 5: tickets arrive with queue, subject, content, requestor and custom fields") {
  RequestTrackerInstance& rt = request_tracker();
  TempDir data;
  ServerProcess server(data.path() + "/db", relay_args(data, rt));
  httplib::Client client = server.client();

  json draft = valid_draft("Grüße aus Köln: Anmeldung schlägt fehl — ログイン");
  draft["email"] = "ada@example.com";
  draft["description"] = "Seit gestern sagt das Formular „Passwort falsch“, obwohl es stimmt. 日本語も。";
  draft["extra"] = {{"site_url", "https://shop.example/konto"}};
  const std::string id = submit(client, draft);

  // Passes our form check, but RT would create the ticket and drop this requestor: stopped here.
  json unreadable = valid_draft("Umlaut domain");
  unreadable["email"] = "ada@bücher.example";
  const std::string refused_id = submit(client, unreadable);

  // A dotless domain is one RT keeps (measured), so it is forwarded.
  json intranet = valid_draft("From the intranet");
  intranet["email"] = "ops@localhost";
  const std::string intranet_id = submit(client, intranet);

  const json delivered = wait_for_delivery(server, id, "delivered");
  CHECK(delivered["delivery"]["helpdesk"] == "request_tracker");
  const std::string rt_id = delivered["delivery"]["helpdesk_ticket_id"].get<std::string>();
  REQUIRE_FALSE(rt_id.empty());

  const json rt_ticket = rt.get("ticket/" + rt_id);
  CHECK(std::to_string(rt_ticket["id"].get<long long>()) == rt_id);  // the id our staff API shows
  CHECK(rt.get("queue/" + rt_ticket["Queue"]["id"].get<std::string>())["Name"] == kQueue);
  CHECK(rt_ticket["Subject"] == draft["subject"]);
  CHECK(requestors(rt_ticket) == std::vector<std::string>{"ada@example.com"});
  CHECK(custom_field(rt_ticket, kSiteField) == "https://shop.example/konto");
  CHECK(custom_field(rt_ticket, kCategoryField) == "account");
  CHECK(custom_field(rt_ticket, kDeliveryIdField) == id);
  const std::string message = first_message(rt, rt_id);
  CHECK(message.rfind(draft["description"].get<std::string>() + "\n\n", 0) == 0);
  CHECK(message.find("Category: account\n") != std::string::npos);
  CHECK(message.find("Support widget ticket " + id) != std::string::npos);

  const json refused = wait_for_delivery(server, refused_id, "failed");
  CHECK(refused["delivery"]["last_error"].get<std::string>().find("requestor address") != std::string::npos);
  CHECK(refused["delivery"]["helpdesk_ticket_id"].is_null());
  CHECK(tickets_in_rt_for(rt, refused_id) == 0);

  const json from_intranet = wait_for_delivery(server, intranet_id, "delivered");
  const json intranet_ticket = rt.get("ticket/" + from_intranet["delivery"]["helpdesk_ticket_id"].get<std::string>());
  CHECK(requestors(intranet_ticket) == std::vector<std::string>{"ops@localhost"});
}

TEST_CASE("Request Tracker 5: a custom field the queue lacks stops the ticket before RT drops its value") {
  RequestTrackerInstance& rt = request_tracker();
  TempDir data;
  json fields = our_fields();
  fields["agent_name"] = "Agent on duty";  // never created in RT
  ServerProcess server(data.path() + "/db", relay_args(data, rt, fields));
  httplib::Client client = server.client();
  const std::string id = submit(client, valid_draft("Who is on duty?"));  // extra.agent_name = "Sam"
  const json failed = wait_for_delivery(server, id, "failed");
  const std::string reason = failed["delivery"]["last_error"].get<std::string>();
  CHECK(reason.find("'Agent on duty'") != std::string::npos);
  CHECK(reason.find("'" + kSiteField + "'") == std::string::npos);  // the fields RT has are not named
  CHECK(tickets_in_rt_for(rt, id) == 0);
}

TEST_CASE("Request Tracker 5 down: the outbox keeps the ticket and delivers it exactly once when RT is back") {
  RequestTrackerInstance& rt = request_tracker();
  TempDir data;
  ServerProcess server(data.path() + "/db", relay_args(data, rt));
  httplib::Client client = server.client();

  rt.stop();
  const std::string id = submit(client, valid_draft("Sent while the helpdesk was down"));
  // Attempts fail (connection refused) and stay pending: retried, never given up.
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
  json ticket;
  do {
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
    ticket = staff_ticket(server, id);
  } while (ticket["delivery"]["attempts"].get<int>() < 2 && std::chrono::steady_clock::now() < deadline);
  CHECK(ticket["delivery"]["state"] == "pending");
  CHECK(ticket["delivery"]["attempts"].get<int>() >= 2);
  CHECK_FALSE(ticket["delivery"]["last_error"].is_null());

  rt.start();
  const json delivered = wait_for_delivery(server, id, "delivered");
  CHECK(tickets_in_rt_for(rt, id) == 1);
  const json rt_ticket = rt.get("ticket/" + delivered["delivery"]["helpdesk_ticket_id"].get<std::string>());
  CHECK(rt_ticket["Subject"] == "Sent while the helpdesk was down");
  CHECK(custom_field(rt_ticket, kDeliveryIdField) == id);

  // A restart of the relay afterwards sends nothing again.
  server.stop();
  ServerProcess restarted(data.path() + "/db", relay_args(data, rt));
  CHECK(staff_ticket(restarted, id)["delivery"]["state"] == "delivered");
  CHECK(tickets_in_rt_for(rt, id) == 1);
}
