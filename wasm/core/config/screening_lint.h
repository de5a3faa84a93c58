#pragma once
// Cross-reference checks of the "screening" section, run by lint_config (so by the widget, the
// preview and `supportctl lint`): known categories, form fields and flow choices, unique rule
// ids, word lists for the default locale, an "other" advice, and every text key defined.
#include "config/config.h"
#include "config/config_problem.h"

namespace support {

void lint_screening(const Config& config, ConfigProblems& problems);

}  // namespace support
