#include "delivery/retry_backoff.h"

#include <algorithm>
#include <cmath>

namespace support::server {

std::chrono::milliseconds retry_delay(int attempts_made, const OutboxConfig& config, double unit_random) {
  const int doublings = std::clamp(attempts_made - 1, 0, 40);
  const double full = std::min(config.first_retry_seconds * std::pow(2.0, doublings), config.max_retry_seconds);
  const double jitter = std::clamp(unit_random, 0.0, 1.0);
  const double seconds = full * (0.5 + 0.5 * jitter);
  return std::chrono::milliseconds(static_cast<long long>(std::llround(seconds * 1000.0)));
}

}  // namespace support::server
