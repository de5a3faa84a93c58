#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "search/stemmer.h"
#include "search/stop_words.h"
#include "search/tokenizer.h"

using namespace support;

namespace {
std::vector<std::string> words(std::string_view text) {
  std::vector<std::string> out;
  for (const Token& token : tokenize(text)) out.push_back(token.folded);
  return out;
}
}  // namespace

TEST_CASE("tokenizer splits on punctuation and folds case and accents") {
  CHECK(words("Reset your PASSWORD, then log-in!") ==
        std::vector<std::string>{"reset", "your", "password", "then", "log", "in"});
  CHECK(words("Crème brûlée à Zürich") == std::vector<std::string>{"creme", "brulee", "a", "zurich"});
  CHECK(words("Error 404 on utf8") == std::vector<std::string>{"error", "404", "on", "utf8"});
  CHECK(words("don't can’t user's") == std::vector<std::string>{"dont", "cant", "users"});
}

TEST_CASE("tokenizer keeps byte offsets of the original words for highlighting") {
  const std::string text = "Ça marche: café";
  const auto tokens = tokenize(text);
  REQUIRE(tokens.size() == 3);
  CHECK(text.substr(tokens[0].begin, tokens[0].end - tokens[0].begin) == "Ça");
  CHECK(text.substr(tokens[2].begin, tokens[2].end - tokens[2].begin) == "café");
  CHECK(tokens[2].folded == "cafe");
}

TEST_CASE("tokenizer handles empty input, emoji, CJK, invalid UTF-8 and huge words") {
  CHECK(words("").empty());
  CHECK(words("   \t\n").empty());
  CHECK(words("😀😀 login😀failed 👍🏽") == std::vector<std::string>{"login", "failed"});
  CHECK(words("密码重置") == std::vector<std::string>{"密", "码", "重", "置"});
  CHECK(words("pass\xFF\xFEword \xC3") == std::vector<std::string>{"pass", "word"});
  const std::string huge(100000, 'a');
  const auto tokens = tokenize(huge + " end");
  REQUIRE(tokens.size() == 2);
  CHECK(tokens[0].folded.size() == kMaxTokenBytes);
  CHECK(tokens[0].end == huge.size());
  CHECK(tokens[1].folded == "end");
  // A long run of accented letters is cut on a code point boundary.
  std::string accented;
  for (int i = 0; i < 100; ++i) accented += "\xD0\xB6";  // ж
  const auto cut = tokenize(accented);
  REQUIRE(cut.size() == 1);
  CHECK(cut[0].folded.size() % 2 == 0);
}

TEST_CASE("Snowball English stemmer conflates inflections") {
  Stemmer stemmer;
  CHECK(stemmer.stem("passwords") == "password");
  CHECK(stemmer.stem("troubleshooting") == stemmer.stem("troubleshoot"));
  CHECK(stemmer.stem("connection") == stemmer.stem("connecting"));
  CHECK(stemmer.stem("payments") == stemmer.stem("payment"));
  CHECK(stemmer.stem("404") == "404");
  CHECK(stemmer.stem("привет") == "привет");
  CHECK(stemmer.stem("") == "");
}

TEST_CASE("stop words") {
  CHECK(is_stop_word("the"));
  CHECK(is_stop_word("how"));
  CHECK(is_stop_word("dont"));
  CHECK_FALSE(is_stop_word("password"));
  CHECK_FALSE(is_stop_word("id"));
  CHECK_FALSE(is_stop_word(""));
}
