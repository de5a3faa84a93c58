#include <doctest/doctest.h>

#include <string>

#include "text/utf8.h"

using namespace support;

TEST_CASE("utf8_next decodes valid sequences and replaces invalid bytes one at a time") {
  const std::string text = "a\xC3\xA9\xE2\x82\xAC\xF0\x9F\x98\x80";  // a é € 😀
  std::size_t pos = 0;
  CHECK(utf8_next(text, pos) == U'a');
  CHECK(utf8_next(text, pos) == 0xE9);
  CHECK(utf8_next(text, pos) == 0x20AC);
  CHECK(utf8_next(text, pos) == 0x1F600);
  CHECK(pos == text.size());

  const std::string bad = "\xFF\x80\xC3\xE2\x82";  // invalid lead, stray continuation, truncated x2
  pos = 0;
  int count = 0;
  while (pos < bad.size()) {
    CHECK(utf8_next(bad, pos) == kReplacementChar);
    ++count;
  }
  CHECK(count == 5);

  const std::string overlong = "\xC0\xAF";  // overlong '/'
  pos = 0;
  CHECK(utf8_next(overlong, pos) == kReplacementChar);
  const std::string surrogate = "\xED\xA0\x80";
  pos = 0;
  CHECK(utf8_next(surrogate, pos) == kReplacementChar);
}

TEST_CASE("utf8_append round-trips and rejects non-scalar values") {
  std::string out;
  utf8_append(out, 0x1F600);
  utf8_append(out, 0xE9);
  CHECK(out == "\xF0\x9F\x98\x80\xC3\xA9");
  std::string invalid;
  utf8_append(invalid, 0xD800);
  CHECK(invalid == "\xEF\xBF\xBD");
}

TEST_CASE("fold_text lower-cases and strips accents") {
  CHECK(fold_text("Café CRÈME") == "cafe creme");
  CHECK(fold_text("Straße") == "strasse");
  CHECK(fold_text("Łódź ŽIŽKA") == "lodz zizka");
  CHECK(fold_text("ÆON Œuvre") == "aeon oeuvre");
  CHECK(fold_text("Tiếng Việt") == "tieng viet");
  CHECK(fold_text("e\xCC\x81") == "e");  // decomposed é: the combining accent goes
  CHECK(fold_text("ΑΘΉΝΑ") == "αθηνα");
  CHECK(fold_text("ПРИВЕТ Ёлка") == "привет елка");
  CHECK(fold_text("ＡＢＣ１") == "abc1");  // fullwidth forms
  CHECK(fold_text("") == "");
  CHECK(fold_text("\xFF") == "\xEF\xBF\xBD");
}

TEST_CASE("word characters: letters and digits yes, punctuation and emoji no") {
  CHECK(is_word_char(U'a'));
  CHECK(is_word_char(U'7'));
  CHECK(is_word_char(0xE9));
  CHECK(is_word_char(0x0436));  // ж
  CHECK(is_word_char(0x4E2D));  // 中
  CHECK_FALSE(is_word_char(U' '));
  CHECK_FALSE(is_word_char(U'-'));
  CHECK_FALSE(is_word_char(0xD7));     // ×
  CHECK_FALSE(is_word_char(0x2019));   // ’
  CHECK_FALSE(is_word_char(0x1F600));  // 😀
  CHECK_FALSE(is_word_char(0xFE0F));   // variation selector
  CHECK(is_ideograph(0x4E2D));
  CHECK_FALSE(is_ideograph(U'a'));
}
