#pragma once
// Checks a configuration the way the widget, the preview page and `supportctl lint` all do:
// structural problems from the parser, then cross-references the parser cannot see
// (unknown steps/flows/products/articles, unreachable steps, dead ends, cycles without an exit,
// texts missing from the default locale or from other locales, duplicate ids, characters the
// widget's font cannot draw).
#include "config/config.h"
#include "config/config_problem.h"
#include "config/locale_texts_json.h"

#include <string>
#include <string_view>
#include <vector>

namespace support {

// Cross-reference checks on an already parsed config.
ConfigProblems lint_config(const Config& config);

// Parse + lint in one go: parser problems first, then lint problems. Lint is skipped when the
// text is not JSON at all (there is nothing to cross-check). With `read_texts_file` the locales'
// texts files are read and checked too; without (the preview page), they are left unchecked.
ConfigProblems lint_config_text(std::string_view json_text, const TextsFileReader& read_texts_file = nullptr);

// One "path: message" line per problem, in order.
std::vector<std::string> format_problems(const ConfigProblems& problems);

// Text keys the engine and the form use on their own, so every config must define them in its
// default locale (lint checks this when any flow exists).
const std::vector<std::string>& builtin_text_keys();

}  // namespace support
