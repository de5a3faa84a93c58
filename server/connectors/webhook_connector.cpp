#include "connectors/webhook_connector.h"

#include "hmac_sha256.h"
#include "text/base64.h"

#include <chrono>

namespace support::server {

WebhookConnector::WebhookConnector(const HelpdeskConfig& config, std::function<long long()> unix_seconds)
    : url_(split_helpdesk_url(config.url)),
      secret_(config.secret),
      timeout_seconds_(config.timeout_seconds),
      unix_seconds_(std::move(unix_seconds)) {
  if (!unix_seconds_) {
    unix_seconds_ = [] {
      using namespace std::chrono;
      return static_cast<long long>(duration_cast<seconds>(system_clock::now().time_since_epoch()).count());
    };
  }
}

DeliveryOutcome WebhookConnector::deliver(const DeliveryRequest& request) {
  nlohmann::json ticket = request.ticket;
  // The files travel inside the signed body as base64 (ticket.attachments[i].content), so the
  // receiver needs nothing else to get them and the signature covers them.
  for (std::size_t i = 0; i < request.attachments.size(); ++i) {
    if (!ticket.contains("attachments") || !ticket["attachments"].is_array() || i >= ticket["attachments"].size()) break;
    ticket["attachments"][i]["content"] = base64_encode(request.attachments[i].content);
  }
  const nlohmann::json payload = {{"event", "ticket.created"}, {"delivery_id", request.delivery_id}, {"ticket", ticket}};
  const std::string body = payload.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  const std::string timestamp = std::to_string(unix_seconds_());
  const httplib::Headers headers = {
      {"Idempotency-Key", request.delivery_id},
      {"X-Support-Delivery", request.delivery_id},
      {"X-Support-Timestamp", timestamp},
      {"X-Support-Signature", "sha256=" + hmac_sha256_hex(secret_, timestamp + "." + body)},
  };
  httplib::Client client = helpdesk_client(url_, timeout_seconds_);
  const httplib::Result result =
      client.Post(url_.base_path.empty() ? "/" : url_.base_path.c_str(), headers, body, "application/json");
  if (auto failure = unless_success(result, "the webhook")) return *failure;

  // The receiver's own id, if it sent one; otherwise the ticket is known there by our delivery id.
  const nlohmann::json answer = nlohmann::json::parse(result->body, nullptr, false);
  if (answer.is_object() && answer.contains("id") && (answer["id"].is_string() || answer["id"].is_number())) {
    return DeliveryOutcome::success(answer["id"].is_string() ? answer["id"].get<std::string>() : answer["id"].dump());
  }
  return DeliveryOutcome::success(request.delivery_id);
}

}  // namespace support::server
