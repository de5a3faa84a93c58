#include "config/locale_texts.h"

namespace support {

const std::string* LocaleTexts::find(const std::string& locale, const std::string& key) const {
  for (const std::string* loc : {&locale, &default_locale}) {
    auto table = texts.find(*loc);
    if (table == texts.end()) continue;
    auto text = table->second.find(key);
    if (text != table->second.end()) return &text->second;
  }
  return nullptr;
}

std::string LocaleTexts::pending_file(const std::string& locale) const {
  auto file = files.find(locale);
  return file == files.end() || texts.count(locale) ? std::string() : file->second;
}

}  // namespace support
