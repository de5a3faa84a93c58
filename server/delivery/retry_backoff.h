#pragma once
// How long the forwarder waits before attempt n+1: exponential (first, 2x, 4x, ... capped) with
// jitter, so tickets queued during one outage do not all hit the helpdesk in the same second
// when it comes back.
#include "server_config.h"

#include <chrono>

namespace support::server {

// `attempts_made` >= 1. `unit_random` in [0, 1): the jitter, drawn by the caller (tests pass
// fixed values). The result lies in [half, full] of the capped exponential delay.
std::chrono::milliseconds retry_delay(int attempts_made, const OutboxConfig& config, double unit_random);

}  // namespace support::server
