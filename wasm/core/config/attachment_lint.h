#pragma once
// Lint of what attachments need (docs/config.md, "attachments"): at most one "attachments" field
// per form, and every locale has the refusal texts once some form takes files.
#include "config/config.h"
#include "config/config_problem.h"

namespace support {

void lint_attachments(const Config& config, ConfigProblems& problems);

}  // namespace support
