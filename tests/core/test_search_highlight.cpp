#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "search/highlight.h"
#include "search/search_index.h"

using namespace support;

namespace {

// The highlighted pieces of `text`, in order.
std::vector<std::string> marked(std::string_view text, const std::vector<std::string>& terms) {
  std::vector<std::string> out;
  for (const TextSpan& span : highlight_spans(text, terms)) out.emplace_back(text.substr(span.begin, span.end - span.begin));
  return out;
}

using Words = std::vector<std::string>;

}  // namespace

TEST_CASE("highlight: case and accents fold like the index") {
  CHECK(marked("Reset your PASSWORD", {"password"}) == Words{"PASSWORD"});
  CHECK(marked("Le Café de Paris, CAFÉ cafe", {"café"}) == Words{"Café", "CAFÉ", "cafe"});
  CHECK(marked("Café ouvert", {"cafe"}) == Words{"Café"});  // accent-free term, accented text
  CHECK(marked("Straße gesperrt", {"strasse"}) == Words{"Straße"});
  CHECK(marked("Пароль забыт", {"пароль"}) == Words{"Пароль"});
}

TEST_CASE("highlight: other inflections of a matched term (same stem) are highlighted") {
  CHECK(marked("Passwords and password resets", {"password"}) == Words{"Passwords", "password"});
  CHECK(marked("Troubleshooting a plugin", {"troubleshoot", "plugins"}) == Words{"Troubleshooting", "plugin"});
  CHECK(marked("Reset the user's password", {"users"}) == Words{"user's"});  // apostrophes dropped as in the index
  CHECK(marked("passwordless sign-in", {"password"}).empty());  // another word, not an inflection
}

TEST_CASE("highlight: spans are sorted, disjoint, and on UTF-8 boundaries") {
  const std::string text = "Ça marche: café — CAFÉ! 😀 café";
  const auto spans = highlight_spans(text, {"café", "ça"});
  REQUIRE(spans.size() == 4);
  for (std::size_t i = 0; i < spans.size(); ++i) {
    CHECK(spans[i].begin < spans[i].end);
    CHECK(spans[i].end <= text.size());
    if (i > 0) CHECK(spans[i - 1].end <= spans[i].begin);
    // Neither end falls inside a multi-byte sequence.
    CHECK((static_cast<unsigned char>(text[spans[i].begin]) & 0xC0) != 0x80);
    if (spans[i].end < text.size()) CHECK((static_cast<unsigned char>(text[spans[i].end]) & 0xC0) != 0x80);
  }
  CHECK(text.substr(spans[0].begin, spans[0].end - spans[0].begin) == "Ça");
  CHECK(text.substr(spans[3].begin) == "café");
  // Invalid bytes are separators, never part of a span.
  CHECK(marked("pass\xFFword password", {"password"}) == Words{"password"});
}

TEST_CASE("highlight: empty inputs and stop words give no spans") {
  CHECK(highlight_spans("", {"password"}).empty());
  CHECK(highlight_spans("Reset your password", {}).empty());
  CHECK(highlight_spans("Reset your password", {""}).empty());
  CHECK(highlight_spans("How to reset the password", {"the", "how"}).empty());
  CHECK(marked("How to reset the password", {"the", "password"}) == Words{"password"});
}

TEST_CASE("highlight: a hit's matched terms mark its title, including prefix completions and typos") {
  SearchIndex index;
  KbArticle article;
  article.id = "reset";
  article.title = "Reset your Passwords";
  article.body = "Forgot the password? Click Réinitialiser on the login page.";
  index.upsert(article);

  const auto typing = index.search("forgot pass");  // "pass" is being typed: completed to password(s)
  REQUIRE(typing.size() == 1);
  CHECK(marked(article.title, typing[0].matched_terms) == Words{"Passwords"});
  CHECK(marked(article.body, typing[0].matched_terms) == Words{"Forgot", "password"});

  const auto typo = index.search("reinitialiser pasword", SearchOptions{10, false, nullptr});
  REQUIRE(typo.size() == 1);
  CHECK(marked(article.body, typo[0].matched_terms) == Words{"password", "Réinitialiser"});
}
