#include "delivery/ticket_sender.h"

namespace support {

TicketSender::TicketSender(std::uint64_t seed, RetryPolicy policy)
    : policy_(policy), random_state_(seed ? seed : 0x9e3779b97f4a7c15ull) {}

// xorshift64*: enough to spread the retries of many widgets apart.
double TicketSender::next_random() {
  random_state_ ^= random_state_ >> 12;
  random_state_ ^= random_state_ << 25;
  random_state_ ^= random_state_ >> 27;
  return static_cast<double>((random_state_ * 2685821657736338717ull) >> 11) / 9007199254740992.0;
}

const HttpRequest& TicketSender::start(HttpRequest request, double now_ms) {
  request_ = std::move(request);
  attempts_ = 1;
  last_status_ = 0;
  state_ = DeliveryState::Sending;
  return request_;
}

std::optional<HttpResponse> TicketSender::on_response(int id, const HttpResponse& response, double now_ms) {
  if (state_ != DeliveryState::Sending || id != request_.id) return std::nullopt;
  last_status_ = response.status;
  if (!is_retryable_status(response.status)) {
    state_ = DeliveryState::Idle;
    return response;
  }
  if (!online_) {
    state_ = DeliveryState::Offline;
    return std::nullopt;
  }
  retry_at_ = now_ms + retry_delay_ms(policy_, attempts_, response.retry_after, next_random());
  state_ = DeliveryState::WaitingToRetry;
  return std::nullopt;
}

std::optional<HttpRequest> TicketSender::due(double now_ms, int next_id) {
  if (state_ != DeliveryState::WaitingToRetry || now_ms < retry_at_) return std::nullopt;
  request_.id = next_id;
  ++attempts_;
  state_ = DeliveryState::Sending;
  return request_;
}

void TicketSender::set_online(bool online, double now_ms) {
  online_ = online;
  if (online && state_ == DeliveryState::Offline) {
    state_ = DeliveryState::WaitingToRetry;   // back: try at once
    retry_at_ = now_ms;
  } else if (!online && state_ == DeliveryState::WaitingToRetry) {
    state_ = DeliveryState::Offline;          // no point in timers while there is no network
  }
}

void TicketSender::cancel() { state_ = DeliveryState::Idle; }

std::optional<double> TicketSender::retry_at() const {
  if (state_ != DeliveryState::WaitingToRetry) return std::nullopt;
  return retry_at_;
}

}  // namespace support
