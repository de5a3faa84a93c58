#pragma once
// Reading a locale's texts: inline in the configuration (`"de": {"key": "text", ...}`) or from a
// texts file of their own (`"de": "texts/de.json"`, holding that object), which the platform
// fetches when the locale is chosen and `supportctl lint` reads from beside the configuration.
#include "config/config_problem.h"
#include "config/locale_texts.h"
#include "json/json_reader.h"

#include <functional>
#include <optional>
#include <string>
#include <string_view>

namespace support {

// `value` of texts.<locale> (at `path`): an object of texts, or the name of a texts file.
void parse_locale_texts(const std::string& locale, const nlohmann::json& value, const std::string& path,
                        JsonReader& reader, LocaleTexts& texts);

// A texts file's content for `locale`: the texts are taken (problems at "texts.<locale>.<key>")
// unless the file is not a JSON object, then nothing is.
ConfigProblems add_locale_texts(LocaleTexts& texts, const std::string& locale, std::string_view json_text);

// Reads every texts file through `read` (nullopt: cannot be read), for tools that have them.
using TextsFileReader = std::function<std::optional<std::string>(const std::string& file)>;
ConfigProblems load_locale_files(LocaleTexts& texts, const TextsFileReader& read);

}  // namespace support
