#pragma once
// The site's configuration decides the form's limits; widget and server must derive the same
// ValidationRules from it, so the mapping lives here once.
#include "config/config.h"
#include "ticket/ticket_validation.h"

namespace support {

// Limits and per-category minimum description lengths from config.policy and config.categories.
// Messages stay at their defaults: callers apply the locale's texts with
// apply_validation_message_overrides. Non-positive limits in the configuration are ignored.
ValidationRules ticket_rules_from_config(const Config& config);

}  // namespace support
