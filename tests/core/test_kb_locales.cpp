// Articles written for one locale: each customer is offered their language's version of an
// article (else the one for every locale, else the default locale's), never a third language.
#include "config/config_lint.h"
#include "kb/kb_file.h"
#include "kb/kb_json.h"
#include "session/knowledge_base.h"
#include "session/support_session.h"
#include "test_files.h"

#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

using namespace support;

namespace {

KbArticle article(std::string id, std::string title, std::string locale) {
  KbArticle a;
  a.id = std::move(id);
  a.title = std::move(title);
  a.body = a.title;
  a.locale = std::move(locale);
  return a;
}

std::vector<std::string> hit_ids(const KnowledgeBase& kb, const std::string& query) {
  std::vector<std::string> ids;
  SearchOptions options;
  for (const auto& hit : kb.index().search(query, options)) ids.push_back(hit.id);
  return ids;
}

// The minimal configuration (en, de) with an English and a German version of one article.
Config config_with_translation() {
  Config config = test_files::load_config(test_files::minimal_config_path());
  config.kb.articles.push_back(article("reset", "Reset your password", "en"));
  config.kb.articles.push_back(article("reset", "Kennwort ändern", "de"));
  return config;
}

}  // namespace

TEST_CASE("knowledge base: the customer's locale wins, then no locale, then the default; never a third") {
  const std::vector<KbArticle> configured = {
      article("reset", "Reset your password", "en"),  article("reset", "Kennwort ändern", "de"),
      article("refunds", "Refunds within thirty days", ""), article("refunds", "Rückerstattung", "de"),
      article("only-en", "Invoices as PDF", "en"),    article("only-fr", "Factures en PDF", "fr"),
  };
  KnowledgeBase de(configured, "de", "en");
  CHECK(de.find("reset")->title == "Kennwort ändern");
  CHECK(de.find("refunds")->title == "Rückerstattung");
  CHECK(de.find("only-en")->title == "Invoices as PDF");   // untranslated: the default locale's
  CHECK(de.find("only-fr") == nullptr);                     // a third language is never offered
  CHECK(hit_ids(de, "Kennwort") == std::vector<std::string>{"reset"});
  CHECK(hit_ids(de, "password").empty());                   // the English version is not indexed
  CHECK(hit_ids(de, "factures").empty());

  KnowledgeBase es(configured, "es", "en");
  CHECK(es.find("refunds")->title == "Refunds within thirty days");   // no locale beats the default's
  CHECK(es.find("reset")->title == "Reset your password");

  de.set_locale("en");
  CHECK(de.find("reset")->title == "Reset your password");
  CHECK(hit_ids(de, "password") == std::vector<std::string>{"reset"});
  CHECK(hit_ids(de, "Kennwort").empty());
}

TEST_CASE("knowledge base: a translation arriving later replaces the version offered; a repeat is refused") {
  const std::vector<KbArticle> configured = {article("reset", "Reset your password", "en")};
  KnowledgeBase kb(configured, "de", "en");
  CHECK(kb.find("reset")->locale == "en");
  CHECK(kb.add(article("reset", "Kennwort ändern", "de")));
  CHECK(kb.find("reset")->title == "Kennwort ändern");
  CHECK(hit_ids(kb, "password").empty());
  CHECK_FALSE(kb.add(article("reset", "Noch einmal", "de")));   // the same id in the same locale
  CHECK(kb.find("reset")->title == "Kennwort ändern");
  CHECK(kb.add(article("reset", "Restablecer la contraseña", "es")));   // kept for a switch to es
  CHECK(kb.find("reset")->title == "Kennwort ändern");
  kb.set_locale("es");
  CHECK(kb.find("reset")->title == "Restablecer la contraseña");
}

TEST_CASE("article JSON: a locale is read, checked, and makes an id unique per locale") {
  auto parsed = kb_articles_from_json(nlohmann::json::parse(R"([
    {"id": "a", "title": "A", "body": "", "locale": "de"},
    {"id": "a", "title": "A", "body": "", "locale": "pt-BR"},
    {"id": "a", "title": "A", "body": ""},
    {"id": "a", "title": "again", "body": "", "locale": "de"},
    {"id": "b", "title": "B", "body": "", "locale": "german"},
    {"id": "c", "title": "C", "body": "", "locale": 7}
  ])"), "kb.articles");
  REQUIRE(parsed.articles.size() == 3);
  CHECK(parsed.articles[1].locale == "pt-BR");
  REQUIRE(parsed.errors.size() == 3);
  CHECK(parsed.errors[0] == R"(kb.articles[3].id: duplicate id "a" in locale "de" (first used at kb.articles[0]))");
  CHECK(parsed.errors[1] == R"(kb.articles[4].locale: must be a locale code such as "de" or "pt-BR")");
  CHECK(parsed.errors[2] == "kb.articles[5].locale: must be a string");
  CHECK(is_locale_code("de"));
  CHECK(is_locale_code("zh-Hant-TW"));
  CHECK_FALSE(is_locale_code(""));
  CHECK_FALSE(is_locale_code("d"));
  CHECK_FALSE(is_locale_code("de-"));
  CHECK_FALSE(is_locale_code("de_DE"));
}

TEST_CASE("KB file: translations on their own lines; a repeated id in one locale is reported") {
  KbFileReader reader;
  reader.feed("{\"id\":\"a\",\"title\":\"A\",\"body\":\"\"}\n"
              "{\"id\":\"a\",\"title\":\"A de\",\"body\":\"\",\"locale\":\"de\"}\n"
              "{\"id\":\"a\",\"title\":\"A de 2\",\"body\":\"\",\"locale\":\"de\"}\n");
  reader.finish();
  CHECK(reader.take_articles().size() == 2);
  REQUIRE(reader.problems().size() == 1);
  CHECK(format_kb_file_problem(reader.problems()[0]) == "line 3: duplicate id \"a\" in locale \"de\" (first used at line 2); skipped");
}

TEST_CASE("lint: an article in a locale the widget never speaks") {
  Config config = config_with_translation();
  config.kb.articles.push_back(article("x", "Factures", "fr"));
  bool reported = false;
  for (const auto& p : lint_config(config))
    reported |= p.path == "kb.articles[" + std::to_string(config.kb.articles.size() - 1) + "].locale" &&
                p.message.find("\"fr\" is not a configured locale") == 0;
  CHECK(reported);
}

TEST_CASE("session: the article and the search follow the customer's language, also after a switch") {
  SupportSession s(config_with_translation(), "de", "seed");
  CHECK(s.find_article("reset")->title == "Kennwort ändern");
  CHECK(s.search("Kennwort").size() == 1);
  s.open_article("reset");
  REQUIRE(s.article());
  CHECK(s.article()->locale == "de");
  s.set_locale("en");
  REQUIRE(s.article());
  CHECK(s.article()->title == "Reset your password");   // the open article is shown in the new language
  CHECK(s.search("Kennwort").empty());
  CHECK(s.search("password").size() == 1);
}
