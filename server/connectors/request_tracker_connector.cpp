#include "connectors/request_tracker_connector.h"

#include "connectors/ticket_text.h"

#include "email/email_syntax.h"
#include "text/base64.h"

#include <algorithm>
#include <set>

namespace support::server {
namespace {

std::string id_text(const nlohmann::json& id) {
  if (id.is_string()) return id.get<std::string>();
  if (id.is_number_integer()) return id.dump();
  return {};
}

// Our value for a field named in custom_fields: a top-level ticket field or an extra field.
std::optional<nlohmann::json> field_value(const nlohmann::json& ticket, const std::string& field) {
  for (const char* top : {"category", "product", "locale", "number", "id"}) {
    if (field == top && ticket.contains(field)) return ticket[field];
  }
  const auto extra = ticket.find("extra");
  if (extra != ticket.end() && extra->is_object() && extra->contains(field)) return (*extra)[field];
  return std::nullopt;
}

}  // namespace

bool request_tracker_accepts_address(const std::string& address) {
  // Measured against RT 5.0.3 (tests/server/integration): it keeps any ASCII address our form
  // check passes, dotless domains such as "ops@localhost" included, and drops a non-ASCII one.
  return is_valid_email(address) &&
         std::all_of(address.begin(), address.end(), [](unsigned char c) { return c > 0x20 && c < 0x7F; });
}

RequestTrackerConnector::RequestTrackerConnector(const HelpdeskConfig& config)
    : config_(config), url_(split_helpdesk_url(config.url)) {}

nlohmann::json RequestTrackerConnector::request_body(const DeliveryRequest& request) const {
  const nlohmann::json& ticket = request.ticket;
  nlohmann::json custom = nlohmann::json::object();
  for (const auto& [ours, theirs] : config_.custom_fields) {
    if (auto value = field_value(ticket, ours)) custom[theirs] = value->is_string() ? *value : nlohmann::json(value->dump());
  }
  if (!config_.delivery_id_field.empty()) custom[config_.delivery_id_field] = request.delivery_id;
  nlohmann::json body = {
      {"Queue", config_.queue},
      {"Subject", ticket.value("subject", "")},
      {"Requestor", ticket.value("email", "")},
      {"Content", ticket_plain_text(ticket)},
      {"ContentType", "text/plain"},
  };
  if (!custom.empty()) body["CustomFields"] = custom;
  // REST 2.0 takes files with the create request, each as base64.
  if (!request.attachments.empty()) {
    nlohmann::json files = nlohmann::json::array();
    for (const DeliveryAttachment& file : request.attachments)
      files.push_back({{"FileName", file.name}, {"FileType", file.type}, {"FileContent", base64_encode(file.content)}});
    body["Attachments"] = std::move(files);
  }
  return body;
}

std::optional<DeliveryOutcome> RequestTrackerConnector::check_queue_fields(httplib::Client& client) {
  std::set<std::string> wanted;
  for (const auto& item : config_.custom_fields) wanted.insert(item.second);
  if (!config_.delivery_id_field.empty()) wanted.insert(config_.delivery_id_field);
  if (wanted.empty()) return std::nullopt;
  // The queue by name lists the ticket custom fields applied to it (names visible to our user).
  const std::string path = url_.base_path + "/REST/2.0/queue/" + percent_encode(config_.queue);
  const httplib::Result result = client.Get(path.c_str(), {{"Authorization", "token " + config_.token}});
  if (auto failure = unless_success(result, "Request Tracker (queue " + config_.queue + ")")) return failure;
  const nlohmann::json queue = nlohmann::json::parse(result->body, nullptr, false);
  if (!queue.is_object() || !queue.contains("TicketCustomFields") || !queue["TicketCustomFields"].is_array()) {
    return DeliveryOutcome::try_again("Request Tracker's queue answer has no TicketCustomFields: " +
                                      body_excerpt(result->body));
  }
  for (const nlohmann::json& field : queue["TicketCustomFields"]) {
    if (field.is_object() && field.contains("name") && field["name"].is_string()) wanted.erase(field["name"].get<std::string>());
  }
  if (wanted.empty()) return std::nullopt;
  std::string missing;
  for (const std::string& name : wanted) missing += (missing.empty() ? "'" : ", '") + name + "'";
  return DeliveryOutcome::reject("not sent: Request Tracker's queue '" + config_.queue + "' has no custom field " +
                                 missing + " (RT would drop the value): create it, apply it to the queue and let the "
                                 "relay's user see and modify it, then retry");
}

std::optional<DeliveryOutcome> RequestTrackerConnector::find_earlier(httplib::Client& client,
                                                                     const DeliveryRequest& request) {
  // TicketSQL; our ids are t_<hex>, so no quoting trouble inside the single quotes.
  const std::string query = "'CF.{" + config_.delivery_id_field + "}' = '" + request.delivery_id + "'";
  const std::string path = url_.base_path + "/REST/2.0/tickets?query=" + percent_encode(query);
  const httplib::Result result = client.Get(path.c_str(), {{"Authorization", "token " + config_.token}});
  if (auto failure = unless_success(result, "Request Tracker (search)")) return failure;
  const nlohmann::json answer = nlohmann::json::parse(result->body, nullptr, false);
  if (!answer.is_object() || !answer.contains("items") || !answer["items"].is_array()) {
    return DeliveryOutcome::try_again("Request Tracker's search answer was not JSON with items: " + body_excerpt(result->body));
  }
  if (answer["items"].empty()) return std::nullopt;
  const std::string id = answer["items"][0].is_object() ? id_text(answer["items"][0].value("id", nlohmann::json())) : "";
  if (id.empty()) return DeliveryOutcome::try_again("Request Tracker's search item has no id");
  return DeliveryOutcome::success(id);
}

DeliveryOutcome RequestTrackerConnector::deliver(const DeliveryRequest& request) {
  if (!request_tracker_accepts_address(request.ticket.value("email", ""))) {
    return DeliveryOutcome::reject(
        "not sent: Request Tracker would drop this requestor address (it takes plain ASCII addresses only)");
  }
  httplib::Client client = helpdesk_client(url_, config_.timeout_seconds);
  if (auto missing = check_queue_fields(client)) return *missing;
  if (!config_.delivery_id_field.empty()) {
    if (auto earlier = find_earlier(client, request)) return *earlier;
  }
  const std::string path = url_.base_path + "/REST/2.0/ticket";
  const std::string body = request_body(request).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  const httplib::Result result =
      client.Post(path.c_str(), {{"Authorization", "token " + config_.token}}, body, "application/json");
  if (auto failure = unless_success(result, "Request Tracker")) return *failure;
  const nlohmann::json answer = nlohmann::json::parse(result->body, nullptr, false);
  const std::string id = answer.is_object() ? id_text(answer.value("id", nlohmann::json())) : "";
  if (id.empty()) {
    return DeliveryOutcome::reject("Request Tracker answered " + std::to_string(result->status) +
                                   " without a ticket id: " + body_excerpt(result->body));
  }
  return DeliveryOutcome::success(id);
}

}  // namespace support::server
