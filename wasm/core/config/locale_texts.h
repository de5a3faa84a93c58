#pragma once
// The UI's words, per locale: key -> string. `default_locale` is the reference set: every key
// it has must exist in every other configured locale (lint checks this). Another locale's texts
// may live in a file of their own (`files`), so a visitor downloads only their language's: the
// platform fetches it when that locale is chosen and hands it to add_locale_texts; until then
// (or if it never arrives) the default locale's texts are shown.
#include <map>
#include <string>
#include <vector>

namespace support {

struct LocaleTexts {
  std::string default_locale = "en";
  std::vector<std::string> locales;                                   // includes the default
  std::map<std::string, std::map<std::string, std::string>> texts;    // locale -> key -> text
  std::map<std::string, std::string> files;   // locale -> its texts file, relative to the configuration

  // The file `locale`'s texts still have to come from ("" when they are here or have no file).
  std::string pending_file(const std::string& locale) const;

  // The text for key in locale, falling back to the default locale; nullptr if neither has it.
  const std::string* find(const std::string& locale, const std::string& key) const;
};

}  // namespace support
