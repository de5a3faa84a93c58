#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "kb/kb_json.h"

using namespace support;
using nlohmann::json;

TEST_CASE("kb_articles_from_json reads an array of articles") {
  const json value = json::parse(R"([
    {"id": "a1", "title": "Reset password", "body": "Click forgot.", "tags": ["login"], "url": "https://x.test/a1"},
    {"id": "a2", "title": "Refunds", "body": ""}
  ])");
  const KbParseResult result = kb_articles_from_json(value, "kb.articles");
  CHECK(result.errors.empty());
  REQUIRE(result.articles.size() == 2);
  CHECK(result.articles[0].id == "a1");
  CHECK(result.articles[0].title == "Reset password");
  CHECK(result.articles[0].tags == std::vector<std::string>{"login"});
  CHECK(result.articles[0].url == "https://x.test/a1");
  CHECK(result.articles[1].body.empty());
}

TEST_CASE("kb_articles_from_json accepts {\"articles\": [...]}") {
  const json value = json::parse(R"({"articles": [{"id": "a", "title": "T", "body": "B"}]})");
  const KbParseResult result = kb_articles_from_json(value, "kb.json");
  CHECK(result.errors.empty());
  CHECK(result.articles.size() == 1);
}

TEST_CASE("kb_articles_from_json reports every error with its JSON path and keeps valid articles") {
  const json value = json::parse(R"([
    {"id": "a", "title": "ok", "body": "ok"},
    "not an article",
    {"id": "b", "body": 5},
    {"id": "c", "title": 7, "body": "x", "tags": ["fine", 3], "url": false},
    {"id": "a", "title": "again", "body": "dup"},
    {"id": "", "title": "t", "body": "b"},
    {"id": "d", "title": "t", "body": "b", "tags": "login"}
  ])");
  const KbParseResult result = kb_articles_from_json(value, "kb.articles");
  REQUIRE(result.articles.size() == 1);
  CHECK(result.articles[0].id == "a");
  const std::vector<std::string> expected = {
      "kb.articles[1]: must be an object with \"id\", \"title\" and \"body\"",
      "kb.articles[2].title: is required",
      "kb.articles[2].body: must be a string",
      "kb.articles[3].title: must be a string",
      "kb.articles[3].url: must be a string",
      "kb.articles[3].tags[1]: must be a string",
      "kb.articles[4].id: duplicate id \"a\" (first used at kb.articles[0])",
      "kb.articles[5].id: must not be empty",
      "kb.articles[6].tags: must be an array of strings",
  };
  CHECK(result.errors == expected);
}

TEST_CASE("kb_articles_from_json rejects values that are not article lists, without throwing") {
  CHECK(kb_articles_from_json(json(42), "kb.articles").errors ==
        std::vector<std::string>{"kb.articles: must be an array of articles"});
  CHECK(kb_articles_from_json(json::object(), "kb").errors ==
        std::vector<std::string>{"kb: must be an array of articles or an object with \"articles\""});
  CHECK(kb_articles_from_json(json::parse(R"({"articles": {}})"), "kb").errors ==
        std::vector<std::string>{"kb.articles: must be an array of articles"});
  CHECK(kb_articles_from_json(json::array(), "kb.articles").articles.empty());
  CHECK(kb_articles_from_json(json(nullptr), "kb.articles").errors.size() == 1);
}
