#include "delivery/retry_backoff.h"

#include <doctest/doctest.h>

using support::server::OutboxConfig;
using support::server::retry_delay;
using std::chrono::milliseconds;

TEST_CASE("retry backoff: doubles from the first delay up to the cap, jittered into [half, full]") {
  OutboxConfig config;
  config.first_retry_seconds = 2;
  config.max_retry_seconds = 60;
  CHECK(retry_delay(1, config, 0.999999).count() == 2000);
  CHECK(retry_delay(1, config, 0.0).count() == 1000);
  CHECK(retry_delay(2, config, 0.999999).count() == 4000);
  CHECK(retry_delay(3, config, 0.5).count() == 6000);  // 8 s * 0.75
  CHECK(retry_delay(6, config, 0.999999).count() == 60000);  // 64 s capped
  CHECK(retry_delay(500, config, 0.0).count() == 30000);     // no overflow after many attempts
  CHECK(retry_delay(6, config, 0.0).count() == 30000);
}
