#include "delivery/retry_policy.h"

#include <algorithm>
#include <cmath>

namespace support {

bool is_retryable_status(int status) { return status == 0 || status == 408 || status == 429 || status >= 500; }

std::optional<double> parse_retry_after_ms(const std::string& value) {
  std::size_t begin = value.find_first_not_of(" \t");
  std::size_t end = value.find_last_not_of(" \t");
  if (begin == std::string::npos || end - begin >= 9) return std::nullopt;   // at most 9 digits
  double seconds = 0;
  for (std::size_t i = begin; i <= end; ++i) {
    if (value[i] < '0' || value[i] > '9') return std::nullopt;
    seconds = seconds * 10 + (value[i] - '0');
  }
  return seconds * 1000;
}

double retry_delay_ms(const RetryPolicy& policy, int attempt, const std::string& retry_after, double random01) {
  if (const auto asked = parse_retry_after_ms(retry_after)) return std::min(*asked, policy.max_retry_after_ms);
  const int steps = std::clamp(attempt, 1, 30) - 1;
  const double full = std::min(policy.max_delay_ms, policy.first_delay_ms * std::pow(policy.factor, steps));
  const double jitter = std::clamp(random01, 0.0, 1.0);
  return full / 2 + jitter * full / 2;
}

}  // namespace support
