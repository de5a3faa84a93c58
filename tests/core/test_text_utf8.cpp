// Folding and word characters (text/utf8.h); decoding is tested in test_text_utf8_codec.cpp.
#include <doctest/doctest.h>

#include <string>

#include "text/utf8.h"

using namespace support;

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
