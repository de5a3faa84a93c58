#pragma once
// Gets one ticket request through, whatever the network does. It sends the very same request
// (same body, same idempotency key) again after no answer, 408, 429 or 5xx, backing off with
// jitter (delivery/retry_policy.h), waits for the connection when the browser is offline, and
// reports the server's final answer. Because every retry is the same request under the same
// key, a retry of a request that did reach the server is answered with the ticket it stored.
//
// No clock, no randomness, no I/O: the caller passes the time, its request ids and a seed.
#include "delivery/retry_policy.h"
#include "session/http_exchange.h"

#include <cstdint>
#include <optional>
#include <string>

namespace support {

enum class DeliveryState {
  Idle,            // nothing to send
  Sending,         // a request is out, no answer yet
  WaitingToRetry,  // no luck last time; retry_at() says when the next try goes
  Offline,         // the browser says it is offline: the next try goes when it is back
};

class TicketSender {
 public:
  explicit TicketSender(std::uint64_t seed = 1, RetryPolicy policy = {});

  // Starts delivering `request` (its id already set); returns it for the caller to send.
  const HttpRequest& start(HttpRequest request, double now_ms);

  // The answer to request `id`: nullopt while the sender keeps trying (a retry is scheduled, or
  // it waits for the connection), else the final answer (2xx, or a 4xx the server meant). An
  // answer to another id is ignored (a stale one, or an event's) and returns nullopt too.
  std::optional<HttpResponse> on_response(int id, const HttpResponse& response, double now_ms);

  // The next try, when it is due (or at once after coming back online): the same request under
  // a new id, for the caller to send. Call it from the frame tick.
  std::optional<HttpRequest> due(double now_ms, int next_id);

  void set_online(bool online, double now_ms);
  void cancel();   // the customer stopped it: nothing more goes out

  DeliveryState state() const { return state_; }
  bool active() const { return state_ != DeliveryState::Idle; }
  int attempts() const { return attempts_; }          // tries so far, the first one included
  std::optional<double> retry_at() const;             // while WaitingToRetry
  int last_status() const { return last_status_; }    // 0: no answer
  const HttpRequest& request() const { return request_; }

 private:
  double next_random();

  RetryPolicy policy_;
  std::uint64_t random_state_;
  HttpRequest request_;
  DeliveryState state_ = DeliveryState::Idle;
  int attempts_ = 0;
  double retry_at_ = 0;
  int last_status_ = 0;
  bool online_ = true;
};

}  // namespace support
