#include "connectors/osticket_connector.h"

#include "connectors/ticket_text.h"
#include "text/base64.h"

#include <set>

namespace support::server {
namespace {

// osTicket's own keys: an extra form field of the same name must not overwrite them.
const std::set<std::string> kReservedKeys = {"name", "email", "subject", "message", "ip", "topicId",
                                             "priorityId", "attachments", "source", "phone", "alert",
                                             "autorespond", "duedate"};

std::string trimmed(std::string text) {
  const auto first = text.find_first_not_of(" \r\n\t");
  if (first == std::string::npos) return {};
  return text.substr(first, text.find_last_not_of(" \r\n\t") - first + 1);
}

}  // namespace

OsTicketConnector::OsTicketConnector(const HelpdeskConfig& config, const OutboxConfig& outbox)
    : config_(config), url_(split_helpdesk_url(config.url)), server_error_attempts_(outbox.server_error_attempts) {}

nlohmann::json OsTicketConnector::request_body(const DeliveryRequest& request) const {
  const nlohmann::json& ticket = request.ticket;
  nlohmann::json body = {
      {"name", ticket.value("name", "")},
      {"email", ticket.value("email", "")},
      {"subject", ticket.value("subject", "")},
      {"message", "data:text/plain;charset=utf-8," + percent_encode(ticket_plain_text(ticket))},
  };
  if (!request.client_ip.empty()) body["ip"] = request.client_ip;
  // osTicket wants [{"name.png": "data:image/png;base64,..."}]. It drops a file over its own size
  // limit and still answers 201, so our limits (configuration "attachments") must be at or below
  // the helpdesk's (docs/server.md).
  if (!request.attachments.empty()) {
    nlohmann::json files = nlohmann::json::array();
    for (const DeliveryAttachment& file : request.attachments)
      files.push_back({{file.name, "data:" + file.type + ";base64," + base64_encode(file.content)}});
    body["attachments"] = std::move(files);
  }
  if (config_.topic_id) body["topicId"] = *config_.topic_id;
  if (config_.priority_id) body["priorityId"] = *config_.priority_id;
  const auto extra = ticket.find("extra");
  if (extra != ticket.end() && extra->is_object()) {
    for (const auto& item : extra->items()) {
      if (!kReservedKeys.count(item.key())) body[item.key()] = item.value();
    }
  }
  return body;
}

DeliveryOutcome OsTicketConnector::deliver(const DeliveryRequest& request) {
  httplib::Client client = helpdesk_client(url_, config_.timeout_seconds);
  const std::string path = url_.base_path + "/api/tickets.json";
  const std::string body = request_body(request).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  const httplib::Result result = client.Post(path.c_str(), {{"X-API-Key", config_.token}}, body, "application/json");
  if (auto failure = unless_success(result, "osTicket")) {
    if (result && result->status == 500 && result->body.find("Unable to create new ticket") != std::string::npos) {
      failure->give_up_after_attempts = server_error_attempts_;
    }
    return *failure;
  }
  const std::string number = trimmed(result->body);
  if (number.empty() || number.size() > 64) {
    // A 201 without a number is not osTicket's API: do not guess, let staff look.
    return DeliveryOutcome::reject("osTicket answered " + std::to_string(result->status) +
                                   " without a ticket number: " + body_excerpt(result->body));
  }
  return DeliveryOutcome::success(number);
}

}  // namespace support::server
