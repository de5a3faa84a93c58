#pragma once
// Token buckets per key (a client address, an email address): `burst` requests at once, then
// `per_hour` an hour. In memory only: a restart forgives everybody, which is fine for abuse
// limits. Buckets that have filled up again are dropped, so memory follows the active clients.
#include "server_config.h"

#include <chrono>
#include <mutex>
#include <string>
#include <unordered_map>

namespace support::server {

class RateLimiter {
 public:
  using Clock = std::chrono::steady_clock;
  explicit RateLimiter(RateSpec spec) : spec_(spec) {}

  struct Decision {
    bool allowed = true;
    int retry_after_seconds = 0;  // when not allowed: whole seconds until one request is allowed again
  };
  // Takes one token from `key`'s bucket if it has one.
  Decision take(const std::string& key, Clock::time_point now = Clock::now());
  std::size_t tracked_keys();

 private:
  struct Bucket {
    double tokens;
    Clock::time_point updated;
  };
  void drop_full_buckets(Clock::time_point now);

  RateSpec spec_;
  std::mutex mutex_;
  std::unordered_map<std::string, Bucket> buckets_;
  std::size_t takes_since_sweep_ = 0;
};

}  // namespace support::server
