#include <doctest/doctest.h>

#include <algorithm>
#include <cstdint>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "kb/kb_file.h"
#include "kb/kb_json.h"

using namespace support;

namespace {

std::string read_kb_fixture(const std::string& name) {
  std::ifstream in(std::string(SUPPORT_TEST_DATA_DIR) + "/kb/" + name, std::ios::binary);
  REQUIRE(in.good());
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

// A JSON syntax problem is guaranteed to say "not JSON", where (line, column) and why. The why
// is the JSON library's own wording, which may change with its version: this keeps the product's
// part and replaces a non-empty explanation with "...", so the tests compare only what we promise.
std::string without_parser_wording(const std::string& problem) {
  std::size_t place_end = std::string::npos;
  if (problem.find("not JSON (column ") != std::string::npos) place_end = problem.find("): ");
  if (problem.rfind("not JSON at line ", 0) == 0) place_end = problem.find(": ");
  if (place_end == std::string::npos) return problem;
  const std::size_t detail = problem.find(' ', place_end) + 1;
  const bool explained = detail < problem.size();
  const bool printable_ascii = std::all_of(problem.begin(), problem.end(), [](char c) { return c >= 0x20 && c < 0x7F; });
  return problem.substr(0, detail) + (explained && printable_ascii ? "..." : "(no readable explanation)");
}

// Everything a reader produced, in a form that compares with ==.
struct Outcome {
  std::vector<std::string> ids;
  std::vector<std::string> titles;
  std::vector<std::string> problems;
  KbFileFormat format = KbFileFormat::unknown;
  std::size_t problem_count = 0;

  bool operator==(const Outcome& o) const {
    return ids == o.ids && titles == o.titles && problems == o.problems && format == o.format &&
           problem_count == o.problem_count;
  }
};

void collect(KbFileReader& reader, Outcome& out) {
  for (KbArticle& article : reader.take_articles()) {
    out.ids.push_back(article.id);
    out.titles.push_back(article.title);
  }
}

Outcome finish(KbFileReader& reader, Outcome out) {
  reader.finish();
  collect(reader, out);
  for (const KbFileProblem& p : reader.problems()) out.problems.push_back(without_parser_wording(format_kb_file_problem(p)));
  out.format = reader.format();
  out.problem_count = reader.problem_count();
  return out;
}

Outcome read_in_chunks(const std::string& text, const std::vector<std::size_t>& cuts, const std::string& name = {},
                       KbFileLimits limits = {}) {
  KbFileReader reader(name, limits);
  Outcome out;
  std::size_t from = 0;
  for (std::size_t cut : cuts) {
    reader.feed(std::string_view(text).substr(from, cut - from));
    collect(reader, out);
    from = cut;
  }
  reader.feed(std::string_view(text).substr(from));
  return finish(reader, out);
}

Outcome read_whole(const std::string& text, const std::string& name = {}, KbFileLimits limits = {}) {
  return read_in_chunks(text, {}, name, limits);
}

// The same result for every two-piece split and for one byte at a time.
void check_split_invariance(const std::string& text, const std::string& name = {}, KbFileLimits limits = {}) {
  const Outcome whole = read_whole(text, name, limits);
  for (std::size_t cut = 0; cut <= text.size(); ++cut) {
    INFO("split at byte " << cut);
    CHECK(read_in_chunks(text, {cut}, name, limits) == whole);
  }
  std::vector<std::size_t> every_byte;
  for (std::size_t cut = 1; cut < text.size(); ++cut) every_byte.push_back(cut);
  CHECK(read_in_chunks(text, every_byte, name, limits) == whole);
}

// Problem lists compare as one string each, so a failure shows both lists line by line.
std::string joined(const std::vector<std::string>& lines) {
  std::string out;
  for (const std::string& line : lines) out += "\n" + line;
  return out;
}

const std::vector<std::string> kSampleIds = {"reset-password", "refunds", "café-menu"};

}  // namespace

TEST_CASE("kb file: JSON Lines sample gives every article with all fields") {
  KbFileReader reader("kb.jsonl");
  reader.feed(read_kb_fixture("articles.jsonl"));
  reader.finish();
  CHECK(reader.format() == KbFileFormat::json_lines);
  CHECK(reader.problems().empty());
  CHECK(reader.articles_read() == 3);
  const std::vector<KbArticle> articles = reader.take_articles();
  REQUIRE(articles.size() == 3);
  CHECK(articles[0].id == "reset-password");
  CHECK(articles[0].tags == std::vector<std::string>{"login", "account"});
  CHECK(articles[0].url == "https://help.example.test/reset-password");
  CHECK(articles[1].body == "# Refunds\n\n- Open your order\n- Click Refund");
  CHECK(articles[2].title == "Menü und Übersetzungen");
  CHECK(articles[2].body == "Größen: 中文, emoji 🎉");
  CHECK(reader.take_articles().empty());  // taken articles are not kept
  CHECK(reader.articles_read() == 3);
}

TEST_CASE("kb file: the three layouts of the same KB read the same, with or without a name hint") {
  for (const char* file : {"articles.jsonl", "articles.json", "articles_object.json"}) {
    INFO(file);
    const Outcome out = read_whole(read_kb_fixture(file));
    CHECK(out.ids == kSampleIds);
    CHECK(out.problems.empty());
    const bool lines = std::string(file) == "articles.jsonl";
    CHECK(out.format == (lines ? KbFileFormat::json_lines : KbFileFormat::json_document));
  }
  CHECK(read_whole(read_kb_fixture("articles.jsonl"), "https://x.test/export.NDJSON?v=3#top").ids == kSampleIds);
}

TEST_CASE("kb file: splitting the text anywhere, even inside a character, gives identical results") {
  for (const char* file : {"articles.jsonl", "articles.json", "articles_object.json", "bom_crlf.jsonl", "broken.jsonl",
                           "broken.json"}) {
    INFO(file);
    check_split_invariance(read_kb_fixture(file));
  }
  check_split_invariance(read_kb_fixture("articles.jsonl"), "kb.jsonl");
  // Limits that trigger mid-stream must not depend on the split either.
  KbFileLimits small;
  small.max_line_bytes = 60;
  small.max_problems = 3;
  check_split_invariance(read_kb_fixture("broken.jsonl"), "", small);
  check_split_invariance("{\"id\":\"a\",\"title\":\"t\",\"body\":\"" + std::string(100, 'x') + "\"}\n" +
                             "{\"id\":\"b\",\"title\":\"t\",\"body\":\"b\"}",
                         "", small);
}

TEST_CASE("kb file: JSON Lines articles are ready as soon as their line is complete") {
  KbFileReader reader;
  reader.feed("{\"id\":\"a\",\"title\":\"A\",\"body\":\"\"}\n{\"id\":\"b\",\"ti");
  CHECK(reader.format() == KbFileFormat::json_lines);
  std::vector<KbArticle> first = reader.take_articles();
  REQUIRE(first.size() == 1);
  CHECK(first[0].id == "a");
  reader.feed("tle\":\"B\",\"body\":\"\"}");  // no newline at the end of the file
  CHECK(reader.take_articles().empty());
  reader.finish();
  std::vector<KbArticle> rest = reader.take_articles();
  REQUIRE(rest.size() == 1);
  CHECK(rest[0].id == "b");
  CHECK(reader.problems().empty());
}

TEST_CASE("kb file: a JSON document is read at finish()") {
  KbFileReader reader;
  reader.feed("[{\"id\":\"a\",\"title\":\"A\",\"body\":\"\"},\n");
  CHECK(reader.format() == KbFileFormat::json_document);
  CHECK(reader.take_articles().empty());
  reader.feed("{\"id\":\"b\",\"title\":\"B\",\"body\":\"\"}]");
  reader.finish();
  CHECK(reader.take_articles().size() == 2);
  CHECK(reader.problems().empty());
}

TEST_CASE("kb file: bad JSON Lines are reported by line number and the good ones kept") {
  const Outcome out = read_whole(read_kb_fixture("broken.jsonl"));
  CHECK(out.format == KbFileFormat::json_lines);
  CHECK(out.ids == std::vector<std::string>{"ok-1", "ok-2"});
  const std::vector<std::string> expected = {
      "line 2: \"title\" is required",
      "line 3: duplicate id \"ok-1\" (first used at line 1); skipped",
      "line 4: not JSON (column 2): ...",
      "line 5: \"title\" must be a string",
      "line 5: \"tags[1]\" must be a string",
      "line 6: must be an object with \"id\", \"title\" and \"body\"",
      "line 8: not JSON (column 42): ...",
      "line 9: \"id\" must not be empty",
  };
  CHECK(joined(out.problems) == joined(expected));
  CHECK(out.problem_count == expected.size());
}

TEST_CASE("kb file: problems in a JSON document name the article by its JSON path") {
  const Outcome out = read_whole(read_kb_fixture("broken.json"));
  CHECK(out.format == KbFileFormat::json_document);
  CHECK(out.ids == std::vector<std::string>{"ok-1", "ok-2"});
  const std::vector<std::string> expected = {
      "\"extra\": unknown key (the file has \"articles\" and may have keys starting with $ or _)",
      "articles[1].title: is required",
      "articles[2].id: duplicate id \"ok-1\" (first used at articles[0]); skipped",
      "articles[3].title: must be a string",
      "articles[3].tags[1]: must be a string",
      "articles[4]: must be an object with \"id\", \"title\" and \"body\"",
  };
  CHECK(joined(out.problems) == joined(expected));
}

TEST_CASE("kb file: a syntax error in a JSON document gives its line and column in the file") {
  const Outcome out = read_whole("\n\n[\n  {\"id\": \"a\", \"title\": \"t\", \"body\": \"b\"},\n  {\"id\": oops}\n]");
  CHECK(out.ids.empty());
  REQUIRE(out.problems.size() == 1);
  CHECK(out.problems[0] == "not JSON at line 5, column 10: ...");
}

TEST_CASE("kb file: the format is detected from the content") {
  const std::string article = R"({"id":"a","title":"A","body":"B"})";
  // One line, with or without newline, without "articles": JSON Lines with one article.
  CHECK(read_whole(article).format == KbFileFormat::json_lines);
  CHECK(read_whole(article).ids == std::vector<std::string>{"a"});
  CHECK(read_whole("\n  \n" + article + "\n").format == KbFileFormat::json_lines);
  // A minified {"articles": [...]} on one line is a document.
  const Outcome minified = read_whole(R"({"articles":[)" + article + "]}\n");
  CHECK(minified.format == KbFileFormat::json_document);
  CHECK(minified.ids == std::vector<std::string>{"a"});
  // A pretty-printed object does not close on its first line: a document.
  CHECK(read_whole("{\n  \"articles\": [" + article + "]\n}").ids == std::vector<std::string>{"a"});
  // A pretty-printed single article is a document without "articles".
  const Outcome pretty_article = read_whole("{\n  \"id\": \"a\", \"title\": \"A\", \"body\": \"B\"\n}\n");
  CHECK(pretty_article.format == KbFileFormat::json_document);
  CHECK(joined(pretty_article.problems) == joined({
            "a JSON object needs \"articles\": [...] (or write one article per line: JSON Lines)"}));
  // An error page instead of the KB: one clear problem, not one per line.
  const Outcome html = read_whole("<!doctype html>\n<html>\n<body>Not found</body>\n</html>\n");
  CHECK(html.format == KbFileFormat::json_document);
  CHECK(joined(html.problems) == joined({"not JSON at line 1, column 1: ..."}));
  // Other JSON values are named.
  CHECK(joined(read_whole("\"kb\"").problems) ==
        joined({"must be an array of articles or an object with \"articles\", found a string"}));
  CHECK(joined(read_whole(R"({"articles": {"id": "a"}})").problems) ==
        joined({"articles: must be an array of articles, found an object"}));
  // The name hint decides for JSON Lines only.
  CHECK(kb_file_format_from_name("kb.jsonl") == KbFileFormat::json_lines);
  CHECK(kb_file_format_from_name("/exports/KB.NDJSON?token=1") == KbFileFormat::json_lines);
  CHECK(kb_file_format_from_name("kb.json") == KbFileFormat::unknown);
  CHECK(kb_file_format_from_name("kb.jsonl.txt") == KbFileFormat::unknown);
  CHECK(joined(read_whole(R"({"articles":[)" + article + "]}", "kb.jsonl").problems) ==
        joined({"line 1: \"id\" is required", "line 1: \"title\" is required", "line 1: \"body\" is required"}));
}

TEST_CASE("kb file: a UTF-8 byte-order mark and CRLF line ends are tolerated") {
  const Outcome out = read_whole(read_kb_fixture("bom_crlf.jsonl"));
  CHECK(out.ids == std::vector<std::string>{"a", "b"});
  CHECK(out.titles == std::vector<std::string>{"With BOM", "CRLF lines"});
  CHECK(out.problems.empty());
  // In a JSON document, and split inside the mark itself.
  const std::string bom_document = "\xEF\xBB\xBF" + read_kb_fixture("articles.json");
  CHECK(read_in_chunks(bom_document, {1, 2}).ids == kSampleIds);
  // Forced to JSON Lines, a pretty-printed array is read line by line: "[", lines ending in ",", "]".
  const Outcome forced = read_in_chunks(bom_document, {1, 2}, "kb.jsonl");
  CHECK(forced.ids == std::vector<std::string>{"café-menu"});
  CHECK(forced.problems.size() == 4);
  // The JSON parser also skips a mark at the start of a line (files glued together).
  const Outcome inner = read_whole("{\"id\":\"a\",\"title\":\"A\",\"body\":\"\"}\n"
                                   "\xEF\xBB\xBF{\"id\":\"b\",\"title\":\"B\",\"body\":\"\"}\n");
  CHECK(inner.ids == std::vector<std::string>{"a", "b"});
  CHECK(inner.problems.empty());
}

TEST_CASE("kb file: empty files are reported, an empty article list is not") {
  for (const std::string text : {std::string(), std::string(" \n\r\n\t"), std::string("\xEF\xBB\xBF")}) {
    const Outcome out = read_whole(text);
    CHECK(out.ids.empty());
    CHECK(joined(out.problems) == joined({"the file is empty"}));
  }
  CHECK(joined(read_whole("\n\n", "kb.jsonl").problems) == joined({"the file is empty"}));
  CHECK(read_whole("[]").problems.empty());
  CHECK(read_whole("{\"articles\": []}").problems.empty());
  // Part of a byte-order mark is not a file.
  CHECK(read_whole("\xEF\xBB").problems.size() == 1);
}

TEST_CASE("kb file: an over-long line is skipped with a problem and reading goes on") {
  KbFileLimits limits;
  limits.max_line_bytes = 100;
  const std::string long_line = "{\"id\":\"long\",\"title\":\"t\",\"body\":\"" + std::string(200, 'x') + "\"}";
  const std::string text = "{\"id\":\"a\",\"title\":\"A\",\"body\":\"\"}\n" + long_line + "\n" +
                           "{\"id\":\"b\",\"title\":\"B\",\"body\":\"\"}\n" + long_line;
  const Outcome out = read_whole(text, "", limits);
  CHECK(out.ids == std::vector<std::string>{"a", "b"});
  CHECK(joined(out.problems) == joined({"line 2: longer than 100 bytes; skipped",
                                                 "line 4: longer than 100 bytes; skipped"}));
  check_split_invariance(text, "", limits);
  // A line of exactly the limit is fine.
  const std::string exact = "{\"id\":\"e\",\"title\":\"t\",\"body\":\"" + std::string(100 - 32, 'x') + "\"}";
  REQUIRE(exact.size() == 100);
  CHECK(read_whole(exact + "\n" + exact.substr(0, 99) + "\n", "kb.jsonl", limits).ids == std::vector<std::string>{"e"});
}

TEST_CASE("kb file: deep nesting is refused without recursion trouble") {
  const std::string deep_line = "{\"id\":\"d\",\"title\":\"t\",\"body\":\"b\",\"x\":" + std::string(100000, '[') +
                                std::string(100000, ']') + "}";
  const Outcome lines = read_whole("{\"id\":\"a\",\"title\":\"A\",\"body\":\"\"}\n" + deep_line + "\n", "kb.jsonl");
  CHECK(lines.ids == std::vector<std::string>{"a"});
  CHECK(joined(lines.problems) == joined({"line 2: not read: nested deeper than 32 levels"}));
  const Outcome document = read_whole("[" + deep_line + "]");
  CHECK(document.ids.empty());
  CHECK(joined(document.problems) == joined({"not read: nested deeper than 32 levels"}));
  // Unknown extra members may nest a little: they are ignored, as in the configuration's KB.
  CHECK(read_whole(R"({"id":"n","title":"t","body":"b","meta":{"a":{"b":[1,[2]]}}})").ids ==
        std::vector<std::string>{"n"});
}

TEST_CASE("kb file: problems are capped, the rest counted") {
  std::string text;
  for (int i = 0; i < 250; ++i) text += "{\"id\":\"x" + std::to_string(i) + "\"}\n";  // no title, no body
  text += "{\"id\":\"ok\",\"title\":\"t\",\"body\":\"b\"}\n";
  const Outcome out = read_whole(text);
  CHECK(out.ids == std::vector<std::string>{"ok"});
  CHECK(out.problem_count == 500);
  REQUIRE(out.problems.size() == 101);
  CHECK(out.problems[0] == "line 1: \"title\" is required");
  CHECK(out.problems[99] == "line 50: \"body\" is required");
  CHECK(out.problems[100] == "400 more problems not shown");
}

TEST_CASE("kb file: article and document size limits") {
  KbFileLimits limits;
  limits.max_articles = 2;
  std::string lines;
  for (int i = 0; i < 5; ++i) lines += "{\"id\":\"a" + std::to_string(i) + "\",\"title\":\"t\",\"body\":\"b\"}\n";
  const Outcome out = read_whole(lines, "", limits);
  CHECK(out.ids == std::vector<std::string>{"a0", "a1"});
  CHECK(joined(out.problems) == joined({"line 3: more than 2 articles: this one and the rest are skipped"}));

  limits = KbFileLimits{};
  limits.max_document_bytes = 50;
  const Outcome big = read_in_chunks(read_kb_fixture("articles.json"), {10, 40, 60}, "", limits);
  CHECK(big.ids.empty());
  CHECK(joined(big.problems) == joined({"the file is larger than 50 bytes; a JSON document that large is not "
                                                 "read (JSON Lines has no size limit)"}));
}

TEST_CASE("kb file: invalid UTF-8 and arbitrary bytes give problems, never a crash") {
  const Outcome bad_utf8 = read_whole("{\"id\":\"a\",\"title\":\"\xC3\x28\",\"body\":\"\"}\n"
                                      "{\"id\":\"b\",\"title\":\"ok\",\"body\":\"\"}");
  CHECK(bad_utf8.ids == std::vector<std::string>{"b"});
  REQUIRE(bad_utf8.problems.size() == 1);
  CHECK(bad_utf8.problems[0] == "line 1: not JSON (column 21): ...");  // ... also means printable ASCII only

  // Deterministic pseudo-random bytes, biased towards JSON punctuation and newlines.
  std::uint32_t state = 12345;
  auto next = [&state] {
    state = state * 1664525u + 1013904223u;
    return state >> 8;
  };
  const std::string alphabet = "{}[]\",:\n\\ abc0\xEF\xBB\xBF\xC3\xFF\r";
  for (int round = 0; round < 300; ++round) {
    std::string text;
    const std::size_t size = next() % 400;
    for (std::size_t i = 0; i < size; ++i)
      text += (next() % 4 == 0) ? static_cast<char>(next() & 0xFF) : alphabet[next() % alphabet.size()];
    if (round % 3 == 0) text = "{\"id\":\"r\",\"title\":\"t\",\"body\":\"b\"}\n" + text;
    KbFileReader reader(round % 2 ? "kb.jsonl" : "");
    std::size_t from = 0;
    while (from < text.size()) {
      const std::size_t n = 1 + next() % 17;
      reader.feed(std::string_view(text).substr(from, n));
      reader.take_articles();
      from += n;
    }
    reader.finish();
    reader.take_articles();
    for (const KbFileProblem& p : reader.problems()) {
      // Messages go to JSON and the UI: they must be valid text, even when the input was not.
      CHECK_NOTHROW((void)nlohmann::json(format_kb_file_problem(p)).dump());
    }
  }
}

TEST_CASE("kb file: text handed over after finish() is reported, not silently read") {
  KbFileReader reader;
  reader.feed("[]");
  reader.finish();
  reader.feed("{\"id\":\"late\",\"title\":\"t\",\"body\":\"b\"}\n");
  CHECK(reader.take_articles().empty());
  REQUIRE(reader.problems().size() == 1);
  CHECK(reader.problems()[0].message == "text handed over after the end of the file was ignored");
}

TEST_CASE("kb_article_from_json reports problems relative to the article") {
  KbArticle article;
  std::vector<KbArticleProblem> problems;
  CHECK_FALSE(kb_article_from_json(nlohmann::json::parse(R"({"id": "a", "body": 1, "tags": ["x", 2]})"), article,
                                   problems));
  REQUIRE(problems.size() == 3);
  CHECK(problems[0].field == "title");
  CHECK(problems[0].message == "is required");
  CHECK(problems[1].field == "body");
  CHECK(problems[2].field == "tags[1]");
  problems.clear();
  CHECK(kb_article_from_json(nlohmann::json::parse(R"({"id": "a", "title": "T", "body": "", "url": null})"), article,
                             problems));
  CHECK(problems.empty());
  CHECK(article.title == "T");
}
