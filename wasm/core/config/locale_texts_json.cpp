#include "config/locale_texts_json.h"

namespace support {
namespace {

using json = nlohmann::json;

void read_table(const json& value, const std::string& path, JsonReader& reader, std::map<std::string, std::string>& table) {
  for (auto entry = value.begin(); entry != value.end(); ++entry) {
    if (entry.value().is_string()) table[entry.key()] = entry.value().get<std::string>();
    else reader.problem(JsonReader::child(path, entry.key()), "expected a string, found " + describe_json_type(entry.value()));
  }
}

// A file beside the configuration ("texts/de.json", "../de.json") or an http(s) address.
bool is_texts_file_name(const std::string& name) {
  if (name.empty() || name.find_first_of(" \t\r\n\\") != std::string::npos) return false;
  const std::size_t colon = name.find(':');
  if (colon == std::string::npos || name.find('/') < colon) return true;
  const std::string scheme = name.substr(0, colon);
  return scheme == "https" || scheme == "http";
}

}  // namespace

void parse_locale_texts(const std::string& locale, const json& value, const std::string& path, JsonReader& reader,
                        LocaleTexts& texts) {
  if (value.is_string()) {
    const std::string file = value.get<std::string>();
    if (locale == texts.default_locale)
      reader.problem(path, "the default locale's texts must be in the configuration itself: they are shown while "
                           "another locale's file loads, and for any text it lacks");
    else if (!is_texts_file_name(file))
      reader.problem(path, "expected the texts as an object, or the name of a texts file such as \"texts/" + locale +
                               ".json\"");
    else texts.files[locale] = file;
    return;
  }
  if (!value.is_object()) {
    reader.problem(path, "expected the texts as an object, or the name of a texts file, found " + describe_json_type(value));
    return;
  }
  read_table(value, path, reader, texts.texts[locale]);
}

ConfigProblems add_locale_texts(LocaleTexts& texts, const std::string& locale, std::string_view json_text) {
  ConfigProblems problems;
  JsonReader reader(problems);
  const std::string path = JsonReader::child("texts", locale);
  const json document = json::parse(json_text.begin(), json_text.end(), nullptr, false);
  if (document.is_discarded()) reader.problem(path, "the texts file is not valid JSON");
  else if (!document.is_object()) reader.problem(path, "the texts file must hold a JSON object, found " + describe_json_type(document));
  else read_table(document, path, reader, texts.texts[locale]);
  return problems;
}

ConfigProblems load_locale_files(LocaleTexts& texts, const TextsFileReader& read) {
  ConfigProblems problems;
  for (const auto& [locale, file] : texts.files) {
    if (texts.texts.count(locale)) continue;
    const std::optional<std::string> content = read(file);
    if (!content) {
      problems.push_back({JsonReader::child("texts", locale), "texts file \"" + file + "\" cannot be read"});
      continue;
    }
    for (ConfigProblem& p : add_locale_texts(texts, locale, *content)) problems.push_back(std::move(p));
  }
  return problems;
}

}  // namespace support
