#include "config/locale_choice.h"

#include <nlohmann/json.hpp>

namespace support {

namespace {

// "de_AT" / "DE-at" -> "de-at": BCP 47 tags compare case-insensitively.
std::string normalized(std::string_view tag) {
  std::string out(tag);
  for (char& c : out) {
    if (c == '_') c = '-';
    else if (c >= 'A' && c <= 'Z') c = char(c - 'A' + 'a');
  }
  return out;
}

std::string language_of(const std::string& normalized_tag) {
  return normalized_tag.substr(0, normalized_tag.find('-'));
}

// "'fr'", with the tag shortened so a hostile attribute cannot flood the console.
std::string shown_tag(std::string_view tag) {
  constexpr std::size_t kMaxShown = 40;
  std::string shown(tag.substr(0, kMaxShown));
  if (tag.size() > kMaxShown) shown += "...";
  return "'" + shown + "'";
}

}  // namespace

std::optional<std::string> match_configured_locale(const LocaleTexts& texts, std::string_view tag) {
  const std::string wanted = normalized(tag);
  if (wanted.empty()) return std::nullopt;
  for (const std::string& locale : texts.locales)
    if (normalized(locale) == wanted) return locale;
  const std::string language = language_of(wanted);
  for (const std::string& locale : texts.locales)   // de-AT -> de
    if (normalized(locale) == language) return locale;
  for (const std::string& locale : texts.locales)   // pt -> pt-BR
    if (language_of(normalized(locale)) == language) return locale;
  return std::nullopt;
}

LocaleChoice choose_locale(const LocaleTexts& texts, std::string_view requested,
                           const std::vector<std::string>& browser_languages) {
  if (!requested.empty())
    if (auto match = match_configured_locale(texts, requested)) return {*match, ""};
  LocaleChoice choice{texts.default_locale, ""};
  std::string source;
  for (const std::string& language : browser_languages) {
    if (auto match = match_configured_locale(texts, language)) {
      choice.locale = *match;
      source = " (the browser's language " + shown_tag(language) + ")";
      break;
    }
  }
  if (!requested.empty())
    choice.fallback_reason = "locale " + shown_tag(requested) + " is not configured; using " + shown_tag(choice.locale) + source;
  return choice;
}

std::vector<std::string> browser_languages_from_json(std::string_view json_text, std::string& problem) {
  problem.clear();
  std::vector<std::string> languages;
  const auto parsed = nlohmann::json::parse(json_text, nullptr, false);
  if (!parsed.is_array()) {
    problem = "browser languages: not a JSON array of strings";
    return languages;
  }
  for (const auto& item : parsed) {
    if (!item.is_string()) {
      problem = "browser languages: not a JSON array of strings";
      return {};
    }
    languages.push_back(item.get<std::string>());
  }
  return languages;
}

}  // namespace support
