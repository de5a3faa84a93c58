#pragma once
// The UI's words, per locale: key -> string. `default_locale` is the reference set: every key
// it has must exist in every other configured locale (lint checks this).
#include <map>
#include <string>
#include <vector>

namespace support {

struct LocaleTexts {
  std::string default_locale = "en";
  std::vector<std::string> locales;                                   // includes the default
  std::map<std::string, std::map<std::string, std::string>> texts;    // locale -> key -> text

  // The text for key in locale, falling back to the default locale; nullptr if neither has it.
  const std::string* find(const std::string& locale, const std::string& key) const;
};

}  // namespace support
