#pragma once
// When to send a ticket again after it did not get through. Networks drop, servers restart and
// rate limits answer 429: the widget keeps trying on its own, backing off exponentially with
// jitter (so many widgets that failed together do not come back together) and honouring the
// server's Retry-After. The core has no clock and no randomness: both are passed in.
#include <optional>
#include <string>

namespace support {

struct RetryPolicy {
  double first_delay_ms = 1000;      // before the first retry
  double factor = 2;                 // each further retry waits this much longer...
  double max_delay_ms = 60000;       // ...up to this
  double max_retry_after_ms = 600000;   // a Retry-After longer than this is capped
};

// No answer at all (offline, DNS, CORS), 408, 429 and 5xx may succeed later; anything else is
// the server's final word on this request.
bool is_retryable_status(int status);

// Retry-After as delta-seconds ("120"); nullopt for anything else (HTTP-dates need a wall clock
// the core does not have: the backoff applies then).
std::optional<double> parse_retry_after_ms(const std::string& value);

// How long to wait before retry number `attempt` (1 = the first retry). random01 in [0, 1).
// With a usable Retry-After that wins (capped); otherwise the exponential delay, its upper half
// randomised.
double retry_delay_ms(const RetryPolicy& policy, int attempt, const std::string& retry_after, double random01);

}  // namespace support
