// The session's KB file: bytes in pieces, articles indexed a batch at a time, problems kept.
#include "session/session_snapshot.h"
#include "session/support_session.h"
#include "test_files.h"

#include <doctest/doctest.h>

using namespace support;

namespace {

Config config_with_kb_file(const std::string& file) {
  Config config = test_files::load_config(test_files::minimal_config_path());
  config.kb.file = file;
  return config;
}

std::string jsonl_articles(int count) {
  std::string text;
  for (int i = 0; i < count; ++i)
    text += R"({"id":"gen-)" + std::to_string(i) + R"(","title":"Generated article )" + std::to_string(i) +
            R"( about quokka migration","body":"Body )" + std::to_string(i) + "\"}\n";
  return text;
}

}  // namespace

TEST_CASE("session kb file: chunks become searchable articles, a batch at a time") {
  SupportSession s(config_with_kb_file("kb.jsonl"), "en", "seed");
  CHECK(s.kb_file_status().loading);
  const std::string text = jsonl_articles(300);
  for (std::size_t at = 0; at < text.size(); at += 1000) s.kb_file_chunk(std::string_view(text).substr(at, 1000));
  s.kb_file_end();
  KbFileStatus status = s.kb_file_status();
  CHECK(status.waiting == 300);
  CHECK(status.articles == 0);
  CHECK(s.search("quokka").empty());      // nothing indexed yet: the page did not stall

  CHECK(s.index_waiting_articles(100) == 200);
  CHECK(s.kb_file_status().articles == 100);
  CHECK(s.kb_file_status().loading);
  while (s.index_waiting_articles(100) > 0) {}
  status = s.kb_file_status();
  CHECK_FALSE(status.loading);
  CHECK(status.articles == 300);
  CHECK(status.problems.empty());
  CHECK_FALSE(s.search("quokka").empty());
  REQUIRE(s.find_article("gen-299"));
  CHECK(s.find_article("gen-299")->title == "Generated article 299 about quokka migration");
  // The configuration's own articles are still there.
  REQUIRE_FALSE(s.config().kb.articles.empty());
  CHECK(s.find_article(s.config().kb.articles.front().id));
}

TEST_CASE("session kb file: the search box catches up when articles arrive") {
  SupportSession s(config_with_kb_file("kb.jsonl"), "en", "seed");
  s.set_search_query("quokka");
  s.tick(0);
  CHECK(s.search_hits().empty());
  s.kb_file_chunk(jsonl_articles(3));
  s.kb_file_end();
  s.index_waiting_articles(10);
  s.tick(1);
  CHECK(s.search_hits().size() == 3);
}

TEST_CASE("session kb file: bad lines, ids already in the configuration, failed fetch") {
  Config config = config_with_kb_file("kb.jsonl");
  REQUIRE_FALSE(config.kb.articles.empty());
  const std::string taken = config.kb.articles.front().id;
  SupportSession s(std::move(config), "en", "seed");
  s.kb_file_chunk("{\"id\":\"ok\",\"title\":\"Fine\",\"body\":\"\"}\nnot json\n{\"id\":\"" + taken +
                  "\",\"title\":\"Copy\",\"body\":\"\"}\n{\"title\":\"no id\",\"body\":\"\"}\n");
  s.kb_file_end();
  while (s.index_waiting_articles(10) > 0) {}
  KbFileStatus status = s.kb_file_status();
  CHECK(status.articles == 1);
  REQUIRE(status.problems.size() == 3);
  CHECK(status.problems[0].rfind("line 2:", 0) == 0);
  CHECK(status.problems[1].rfind("line 4:", 0) == 0);
  CHECK(status.problems[2].find("also in the configuration") != std::string::npos);
  CHECK(s.find_article(taken)->title != "Copy");   // the configuration's article wins

  SupportSession failed(config_with_kb_file("https://help.example.test/kb.jsonl"), "en", "seed");
  failed.kb_file_failed("HTTP 404");
  status = failed.kb_file_status();
  CHECK_FALSE(status.loading);
  REQUIRE(status.problems.size() == 1);
  CHECK(status.problems[0] == "https://help.example.test/kb.jsonl: HTTP 404");
  nlohmann::json snap = session_snapshot(failed);
  REQUIRE(snap["kb_file"]["problems"].size() == 1);
  CHECK(snap["kb_file"]["problems"][0] == "https://help.example.test/kb.jsonl: HTTP 404");
}

TEST_CASE("session kb file: a restored draft keeps articles of the file opened earlier") {
  SupportSession s(config_with_kb_file("kb.jsonl"), "en", "seed");
  s.kb_file_chunk(jsonl_articles(2));
  s.kb_file_end();
  s.index_waiting_articles(10);
  s.open_article("gen-1");
  nlohmann::json saved = s.saved_draft();
  SupportSession restored(config_with_kb_file("kb.jsonl"), "en", "seed");   // file not loaded yet
  restored.restore_draft(saved);
  CHECK(restored.saved_draft()["articles_opened"] == nlohmann::json::array({"gen-1"}));
}

TEST_CASE("session: without a KB file there is no file status and nothing to index") {
  SupportSession s(config_with_kb_file(""), "en", "seed");
  CHECK_FALSE(s.kb_file_status().loading);
  CHECK(s.index_waiting_articles(10) == 0);
  s.kb_file_chunk("{\"id\":\"x\",\"title\":\"t\",\"body\":\"\"}\n");   // ignored: no file configured
  CHECK_FALSE(s.find_article("x"));
  CHECK_FALSE(session_snapshot(s).contains("kb_file"));
}
