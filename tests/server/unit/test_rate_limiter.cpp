#include "rate_limiter.h"

#include <doctest/doctest.h>

using support::server::RateLimiter;
using support::server::RateSpec;
using namespace std::chrono_literals;

TEST_CASE("rate limiter: a burst, then one request per refill interval, per key") {
  RateLimiter limiter(RateSpec{3, 3600});  // 3 at once, then one a second
  const auto t0 = RateLimiter::Clock::time_point{} + 1000s;
  for (int i = 0; i < 3; ++i) CHECK(limiter.take("1.2.3.4", t0).allowed);
  const RateLimiter::Decision refused = limiter.take("1.2.3.4", t0);
  CHECK_FALSE(refused.allowed);
  CHECK(refused.retry_after_seconds == 1);
  CHECK(limiter.take("5.6.7.8", t0).allowed);  // another key has its own bucket
  CHECK_FALSE(limiter.take("1.2.3.4", t0 + 500ms).allowed);
  CHECK(limiter.take("1.2.3.4", t0 + 1600ms).allowed);
  CHECK_FALSE(limiter.take("1.2.3.4", t0 + 1700ms).allowed);
  // Refilling stops at the burst size.
  for (int i = 0; i < 3; ++i) CHECK(limiter.take("1.2.3.4", t0 + 1h).allowed);
  CHECK_FALSE(limiter.take("1.2.3.4", t0 + 1h).allowed);
}

TEST_CASE("rate limiter: Retry-After covers the real wait for slow refills") {
  RateLimiter limiter(RateSpec{1, 2});  // two an hour: one token every 30 minutes
  const auto t0 = RateLimiter::Clock::time_point{} + 1000s;
  CHECK(limiter.take("a", t0).allowed);
  const RateLimiter::Decision refused = limiter.take("a", t0 + 600s);
  CHECK_FALSE(refused.allowed);
  CHECK(refused.retry_after_seconds == 1200);
  CHECK(limiter.take("a", t0 + 600s + 1200s).allowed);
}

TEST_CASE("rate limiter: full buckets are forgotten, so memory follows active clients") {
  RateLimiter limiter(RateSpec{5, 3600});
  const auto t0 = RateLimiter::Clock::time_point{} + 1000s;
  for (int i = 0; i < 9999; ++i) limiter.take("client-" + std::to_string(i), t0);
  CHECK(limiter.tracked_keys() == 9999);
  limiter.take("late", t0 + 10s);  // the 10,000th take sweeps: everyone else has refilled
  CHECK(limiter.tracked_keys() == 1);
}
