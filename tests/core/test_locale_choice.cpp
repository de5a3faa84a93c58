// Locale choice: the page's request, then the browser's languages, then the default; a request
// that cannot be met says why.
#include <doctest/doctest.h>

#include "config/locale_choice.h"

using namespace support;

namespace {

LocaleTexts configured(std::vector<std::string> locales, std::string default_locale = "en") {
  LocaleTexts texts;
  texts.default_locale = std::move(default_locale);
  texts.locales = std::move(locales);
  return texts;
}

}  // namespace

TEST_CASE("locale choice: an exact request wins over the browser, case and separator do not matter") {
  LocaleTexts texts = configured({"en", "es", "de", "pt-BR"});
  CHECK(choose_locale(texts, "de", {"es-ES", "en"}).locale == "de");
  CHECK(choose_locale(texts, "DE", {}).locale == "de");
  CHECK(choose_locale(texts, "pt_br", {}).locale == "pt-BR");
  CHECK(choose_locale(texts, "de", {}).fallback_reason.empty());
}

TEST_CASE("locale choice: a region falls back to its language, and a language finds its regional locale") {
  LocaleTexts texts = configured({"en", "de", "pt-BR"});
  LocaleChoice austrian = choose_locale(texts, "de-AT", {"en"});
  CHECK(austrian.locale == "de");
  CHECK(austrian.fallback_reason.empty());   // German was asked for and German is spoken
  CHECK(choose_locale(texts, "pt", {}).locale == "pt-BR");
  CHECK(choose_locale(texts, "pt-PT", {}).locale == "pt-BR");
}

TEST_CASE("locale choice: without a request the browser's languages are tried in order") {
  LocaleTexts texts = configured({"en", "es", "de"});
  CHECK(choose_locale(texts, "", {"fr-FR", "de-DE", "es"}).locale == "de");
  CHECK(choose_locale(texts, "", {"es-MX", "de"}).locale == "es");
  LocaleChoice nothing_known = choose_locale(texts, "", {"ja", "ko-KR"});
  CHECK(nothing_known.locale == "en");
  CHECK(nothing_known.fallback_reason.empty());   // nothing was asked for: no warning
  CHECK(choose_locale(texts, "", {}).locale == "en");
  CHECK(choose_locale(texts, "", {"", "es"}).locale == "es");
}

TEST_CASE("locale choice: an unknown request falls back visibly, to the browser's language or the default") {
  LocaleTexts texts = configured({"en", "es", "de"});
  LocaleChoice french = choose_locale(texts, "fr", {});
  CHECK(french.locale == "en");
  CHECK(french.fallback_reason == "locale 'fr' is not configured; using 'en'");

  LocaleChoice browser = choose_locale(texts, "fr", {"fr-CA", "de-CH"});
  CHECK(browser.locale == "de");
  CHECK(browser.fallback_reason == "locale 'fr' is not configured; using 'de' (the browser's language 'de-CH')");

  LocaleChoice other_default = choose_locale(configured({"es", "de"}, "es"), "it", {});
  CHECK(other_default.locale == "es");
  CHECK(other_default.fallback_reason == "locale 'it' is not configured; using 'es'");
}

TEST_CASE("locale choice: a very long request is shortened in the reason") {
  LocaleChoice choice = choose_locale(configured({"en"}), std::string(500, 'x'), {});
  CHECK(choice.locale == "en");
  CHECK(choice.fallback_reason.size() < 100);
  CHECK(choice.fallback_reason.find("...'") != std::string::npos);
}

TEST_CASE("locale choice: navigator.languages arrives as a JSON array of strings") {
  std::string problem;
  CHECK(browser_languages_from_json(R"(["de-DE","en"])", problem) == std::vector<std::string>{"de-DE", "en"});
  CHECK(problem.empty());
  CHECK(browser_languages_from_json("[]", problem).empty());
  CHECK(problem.empty());
  for (const char* bad : {"", "de", "{\"a\":1}", "[\"de\", 3]", "[null]"}) {
    INFO(bad);
    CHECK(browser_languages_from_json(bad, problem).empty());
    CHECK(problem == "browser languages: not a JSON array of strings");
  }
}
