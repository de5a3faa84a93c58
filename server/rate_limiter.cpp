#include "rate_limiter.h"

#include <algorithm>
#include <cmath>

namespace support::server {
namespace {

constexpr std::size_t kSweepEvery = 10000;

}  // namespace

RateLimiter::Decision RateLimiter::take(const std::string& key, Clock::time_point now) {
  std::lock_guard<std::mutex> guard(mutex_);
  if (++takes_since_sweep_ >= kSweepEvery) drop_full_buckets(now);
  const double per_second = spec_.per_hour / 3600.0;
  auto [found, inserted] = buckets_.try_emplace(key, Bucket{spec_.burst, now});
  Bucket& bucket = found->second;
  if (!inserted) {
    const double elapsed = std::chrono::duration<double>(now - bucket.updated).count();
    bucket.tokens = std::min(spec_.burst, bucket.tokens + std::max(0.0, elapsed) * per_second);
    bucket.updated = now;
  }
  if (bucket.tokens >= 1.0) {
    bucket.tokens -= 1.0;
    return {true, 0};
  }
  const double wait = (1.0 - bucket.tokens) / per_second;
  return {false, static_cast<int>(std::max(1.0, std::ceil(wait - 1e-6)))};  // 1e-6: float noise is no extra second
}

std::size_t RateLimiter::tracked_keys() {
  std::lock_guard<std::mutex> guard(mutex_);
  return buckets_.size();
}

void RateLimiter::drop_full_buckets(Clock::time_point now) {
  takes_since_sweep_ = 0;
  const double per_second = spec_.per_hour / 3600.0;
  for (auto it = buckets_.begin(); it != buckets_.end();) {
    const double elapsed = std::chrono::duration<double>(now - it->second.updated).count();
    if (it->second.tokens + elapsed * per_second >= spec_.burst) {
      it = buckets_.erase(it);
    } else {
      ++it;
    }
  }
}

}  // namespace support::server
