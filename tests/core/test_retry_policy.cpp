// The widget's automatic retries: which answers are worth another try, and how long to wait.
#include "delivery/retry_policy.h"

#include <doctest/doctest.h>

using namespace support;

TEST_CASE("retry policy: only answers that may change later are retried") {
  for (int status : {0, 408, 429, 500, 502, 503, 504}) {
    CAPTURE(status);
    CHECK(is_retryable_status(status));
  }
  for (int status : {200, 201, 400, 401, 403, 404, 409, 413, 415, 422}) {
    CAPTURE(status);
    CHECK_FALSE(is_retryable_status(status));
  }
}

TEST_CASE("retry policy: Retry-After in seconds wins over the backoff, capped") {
  const RetryPolicy policy;
  CHECK(retry_delay_ms(policy, 1, "8", 0.5) == doctest::Approx(8000));
  CHECK(retry_delay_ms(policy, 5, " 3 ", 0.0) == doctest::Approx(3000));
  CHECK(retry_delay_ms(policy, 1, "0", 0.9) == doctest::Approx(0));
  CHECK(retry_delay_ms(policy, 1, "86400", 0.5) == doctest::Approx(policy.max_retry_after_ms));
  // Not delta-seconds: an HTTP-date, garbage, negative, absurdly long -> the backoff.
  for (const char* odd : {"Wed, 21 Oct 2026 07:28:00 GMT", "soon", "-5", "1.5", "", "12345678901"}) {
    CAPTURE(odd);
    CHECK_FALSE(parse_retry_after_ms(odd));
    const double d = retry_delay_ms(policy, 1, odd, 0.5);
    CHECK(d >= policy.first_delay_ms / 2);
    CHECK(d <= policy.first_delay_ms);
  }
}

TEST_CASE("retry policy: exponential with jitter in the upper half, never above the cap") {
  const RetryPolicy policy;
  double previous_max = 0;
  for (int attempt = 1; attempt <= 12; ++attempt) {
    CAPTURE(attempt);
    const double low = retry_delay_ms(policy, attempt, "", 0.0);
    const double high = retry_delay_ms(policy, attempt, "", 0.999999);
    CHECK(low == doctest::Approx(high / 2).epsilon(0.001));
    CHECK(high <= policy.max_delay_ms);
    CHECK(high >= previous_max);   // never shorter than the attempt before
    previous_max = high;
  }
  CHECK(retry_delay_ms(policy, 1, "", 0.999999) == doctest::Approx(1000).epsilon(0.001));
  CHECK(retry_delay_ms(policy, 4, "", 0.999999) == doctest::Approx(8000).epsilon(0.001));
  CHECK(retry_delay_ms(policy, 40, "", 0.999999) == doctest::Approx(60000).epsilon(0.001));
  CHECK(retry_delay_ms(policy, 0, "", 0.0) == doctest::Approx(500));   // out-of-range attempts are clamped
}
