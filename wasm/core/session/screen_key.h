#pragma once
// Names the screen or step the customer sees. It changes exactly when they reach a new one (the
// flow's path length tells two visits of the same step apart): the UI moves focus then, and the
// page's "step" listeners hear of it.
#include "session/support_session.h"

#include <string>

namespace support {

std::string screen_key(const SupportSession& session);

}  // namespace support
