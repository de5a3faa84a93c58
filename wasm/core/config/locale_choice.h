#pragma once
// Which of the configured locales the widget speaks: the one the page asks for (data-locale,
// setLocale), else the browser's languages (navigator.languages) in order, else the
// configuration's default. Tags match case-insensitively, "_" and "-" alike; a tag with a region
// also matches its bare language ("de-AT" -> "de"), and a bare language matches the first
// configured locale of that language ("pt" -> "pt-BR").
#include "config/locale_texts.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace support {

struct LocaleChoice {
  std::string locale;   // always one of the configured locales
  // Why the requested locale was not used, for the site owner's console:
  // "locale 'fr' is not configured; using 'en'". Empty when nothing was asked for or it matched.
  std::string fallback_reason;
};

// requested: "" when the page asked for nothing; browser_languages: most preferred first.
LocaleChoice choose_locale(const LocaleTexts& texts, std::string_view requested,
                           const std::vector<std::string>& browser_languages);

// The configured locale `tag` stands for (exact, then by language), or nullopt.
std::optional<std::string> match_configured_locale(const LocaleTexts& texts, std::string_view tag);

// navigator.languages as the page glue sends it: a JSON array of strings. Anything else gives
// an empty list and a problem ("browser languages: not a JSON array of strings").
std::vector<std::string> browser_languages_from_json(std::string_view json_text, std::string& problem);

}  // namespace support
