// A locale's texts in a file of their own ("texts": {"de": "texts/de.json"}): parsed as a file
// name, fetched by the platform when the locale is chosen, spoken as soon as they arrive, the
// default locale's words until then; lint checks them when it can read them.
#include "config/config_lint.h"
#include "config/locale_texts_json.h"
#include "session/support_session.h"
#include "test_files.h"

#include <doctest/doctest.h>

using namespace support;
using namespace support::test_files;

namespace {

// minimal.json with its German texts moved to a file; `files` answers for the file reader.
struct SplitConfig {
  nlohmann::json doc = read_json(minimal_config_path());
  std::string german = doc["texts"]["de"].dump();
  SplitConfig() { doc["texts"]["de"] = "texts/de.json"; }
  TextsFileReader reader() const {
    return [this](const std::string& name) -> std::optional<std::string> {
      if (name == "texts/de.json") return german;
      return std::nullopt;
    };
  }
};

}  // namespace

TEST_CASE("texts files: a locale's texts may be a file name; the default locale's may not") {
  SplitConfig split;
  ConfigParseResult parsed = parse_config(split.doc.dump());
  INFO(problem_lines(parsed.problems));
  CHECK(parsed.ok());
  CHECK(parsed.config.texts.files.at("de") == "texts/de.json");
  CHECK(parsed.config.texts.texts.count("de") == 0);
  CHECK(parsed.config.texts.pending_file("de") == "texts/de.json");
  CHECK(parsed.config.texts.pending_file("en").empty());

  split.doc["texts"]["en"] = "texts/en.json";
  split.doc["texts"]["fr"] = "ftp://example.com/fr.json";
  split.doc["texts"]["it"] = 7;
  parsed = parse_config(split.doc.dump());
  const std::string lines = problem_lines(parsed.problems);
  CHECK(lines.find("texts.en: the default locale's texts must be in the configuration itself") != std::string::npos);
  CHECK(lines.find("texts.fr: expected the texts as an object, or the name of a texts file such as \"texts/fr.json\"") !=
        std::string::npos);
  CHECK(lines.find("texts.it: expected the texts as an object, or the name of a texts file, found an integer") !=
        std::string::npos);
}

TEST_CASE("texts files: their content is checked like inline texts") {
  LocaleTexts texts;
  texts.files["de"] = "de.json";
  CHECK(format_problems(add_locale_texts(texts, "de", "[1, 2]")) ==
        std::vector<std::string>{"texts.de: the texts file must hold a JSON object, found an array"});
  CHECK(format_problems(add_locale_texts(texts, "de", "{\"a\": ")) ==
        std::vector<std::string>{"texts.de: the texts file is not valid JSON"});
  CHECK(texts.pending_file("de") == "de.json");   // nothing was taken
  CHECK(format_problems(add_locale_texts(texts, "de", R"({"a": "Hallo", "b": 2})")) ==
        std::vector<std::string>{"texts.de.b: expected a string, found an integer"});
  CHECK(texts.texts.at("de").at("a") == "Hallo");
  CHECK(texts.pending_file("de").empty());
}

TEST_CASE("lint: texts files are checked when they can be read, and named when they cannot") {
  SplitConfig split;
  CHECK(lint_config_text(split.doc.dump()).empty());   // the preview page: no files, nothing to say
  CHECK(lint_config_text(split.doc.dump(), split.reader()).empty());

  nlohmann::json german = nlohmann::json::parse(split.german);
  german.erase(german.begin());   // one key fewer than the default locale
  split.german = german.dump();
  const std::string missing = problem_lines(lint_config_text(split.doc.dump(), split.reader()));
  CHECK(missing.find("missing (present in the default locale \"en\")") != std::string::npos);

  split.doc["texts"]["de"] = "texts/gone.json";
  CHECK(format_problems(lint_config_text(split.doc.dump(), split.reader())) ==
        std::vector<std::string>{"texts.de: texts file \"texts/gone.json\" cannot be read"});
}

TEST_CASE("lint: a texts file of a locale that is not listed is named once, read or not") {
  SplitConfig split;
  split.doc["locales"]["available"] = nlohmann::json::array({"en"});
  const std::vector<std::string> expected{"texts.de: locale \"de\" is not listed in locales.available"};
  CHECK(format_problems(lint_config_text(split.doc.dump())) == expected);
  CHECK(format_problems(lint_config_text(split.doc.dump(), split.reader())) == expected);
}

TEST_CASE("session: the default locale's words until the texts file arrives, then the locale's own") {
  SplitConfig split;
  ConfigParseResult parsed = parse_config(split.doc.dump());
  REQUIRE(parsed.ok());
  const std::string key = "button.continue";
  const std::string english = split.doc["texts"]["en"][key].get<std::string>();
  const std::string german = nlohmann::json::parse(split.german)[key].get<std::string>();
  REQUIRE(english != german);
  SupportSession s(std::move(parsed.config), "de", "seed");
  CHECK(s.locale() == "de");
  CHECK(s.text(key) == english);
  CHECK(s.add_locale_texts("de", split.german).empty());
  CHECK(s.text(key) == german);
  CHECK(s.config().texts.pending_file("de").empty());
}
