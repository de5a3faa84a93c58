// The UTF-8 decoder (lenient and strict) and encoder in text/utf8_codec.h.
#include <doctest/doctest.h>

#include "text/utf8_codec.h"

#include <string>
#include <vector>

using namespace support;

namespace {

// Code points utf8_next yields for the whole text.
std::vector<char32_t> lenient_code_points(const std::string& text) {
  std::vector<char32_t> out;
  for (std::size_t pos = 0; pos < text.size();) out.push_back(utf8_next(text, pos));
  return out;
}

// Second-byte ranges of well-formed sequences per lead byte (Unicode 15, table 3-7); later
// bytes are always 80..BF. Returns {0, 0, 0} for bytes that cannot start a multi-byte sequence.
struct LeadRule {
  std::size_t length;
  unsigned char second_min;
  unsigned char second_max;
};

LeadRule well_formed_rule(unsigned char lead) {
  if (lead >= 0xC2 && lead <= 0xDF) return {2, 0x80, 0xBF};
  if (lead == 0xE0) return {3, 0xA0, 0xBF};
  if (lead == 0xED) return {3, 0x80, 0x9F};  // above 9F would be a surrogate
  if (lead >= 0xE1 && lead <= 0xEF) return {3, 0x80, 0xBF};
  if (lead == 0xF0) return {4, 0x90, 0xBF};
  if (lead >= 0xF1 && lead <= 0xF3) return {4, 0x80, 0xBF};
  if (lead == 0xF4) return {4, 0x80, 0x8F};  // above 8F would pass U+10FFFF
  return {0, 0, 0};
}

}  // namespace

TEST_CASE("utf8 codec: one to four byte sequences decode, the 4-byte emoji included") {
  const std::string text = "a\xC3\xA9\xE2\x82\xAC\xF0\x9F\x98\x80";  // a é € 😀
  std::size_t pos = 0;
  CHECK(utf8_next_strict(text, pos) == U'a');
  CHECK(utf8_next_strict(text, pos) == 0xE9);
  CHECK(utf8_next_strict(text, pos) == 0x20AC);
  CHECK(utf8_next_strict(text, pos) == 0x1F600);
  CHECK(pos == text.size());
  CHECK_FALSE(utf8_next_strict(text, pos));  // at the end: nothing more to decode
  CHECK(pos == text.size());
  CHECK(lenient_code_points(text) == std::vector<char32_t>{U'a', 0xE9, 0x20AC, 0x1F600});
  CHECK(is_valid_utf8(text));
  CHECK(is_valid_utf8(""));
}

TEST_CASE("utf8 codec: the smallest and largest value of each length decode") {
  const std::vector<std::pair<std::string, char32_t>> edges = {
      {std::string(1, '\0'), 0x0},      {"\x7F", 0x7F},
      {"\xC2\x80", 0x80},               {"\xDF\xBF", 0x7FF},
      {"\xE0\xA0\x80", 0x800},          {"\xED\x9F\xBF", 0xD7FF},  // just below the surrogates
      {"\xEE\x80\x80", 0xE000},         {"\xEF\xBF\xBF", 0xFFFF},
      {"\xF0\x90\x80\x80", 0x10000},    {"\xF4\x8F\xBF\xBF", 0x10FFFF}};
  for (const auto& edge : edges) {
    INFO("code point " << static_cast<unsigned long>(edge.second));
    std::size_t pos = 0;
    CHECK(utf8_next_strict(edge.first, pos) == edge.second);
    CHECK(pos == edge.first.size());
  }
}

TEST_CASE("utf8 codec: ill-formed sequences are refused strictly and replaced leniently") {
  const std::vector<std::string> ill_formed = {
      "\xC0\xAF",              // overlong '/' (two bytes)
      "\xC1\xBF",              // overlong U+007F
      "\xE0\x80\xAF",          // overlong '/' (three bytes)
      "\xE0\x9F\xBF",          // overlong U+07FF
      "\xF0\x80\x80\xAF",      // overlong '/' (four bytes)
      "\xF0\x8F\xBF\xBF",      // overlong U+FFFF
      "\xED\xA0\x80",          // high surrogate U+D800
      "\xED\xBF\xBF",          // low surrogate U+DFFF
      "\xED\xA0\xBD\xED\xB8\x80",  // surrogate pair written as CESU-8 (😀 the wrong way)
      "\xF4\x90\x80\x80",      // U+110000, above the last code point
      "\xF5\x80\x80\x80",      // lead byte that can never start a sequence
      "\xFF",                  // never valid
      "\x80",                  // stray continuation byte
      "\xC3",                  // truncated at the end: 2-byte sequence with 1 byte
      "\xE2\x82",              // truncated at the end: 3-byte sequence with 2 bytes
      "\xF0\x9F\x98",          // truncated at the end: 4-byte emoji with 3 bytes
      "\xE2\x82" "A",          // interrupted by an ASCII letter
      "\xF0\x9F\x98\xC3\xA9",  // interrupted by the next character
  };
  for (const std::string& bytes : ill_formed) {
    INFO("bytes of length " << bytes.size() << " starting " << static_cast<int>(static_cast<unsigned char>(bytes[0])));
    std::size_t pos = 0;
    CHECK_FALSE(utf8_next_strict(bytes, pos));
    CHECK(pos == 0);  // a refused sequence consumes nothing
    CHECK_FALSE(is_valid_utf8(bytes));
    CHECK_FALSE(is_valid_utf8("ok " + bytes + " ok"));
    pos = 0;
    CHECK(utf8_next(bytes, pos) == kReplacementChar);
    CHECK(pos == 1);  // lenient decoding resynchronises on the next byte
  }
}

TEST_CASE("utf8 codec: lenient decoding replaces each bad byte and keeps what follows") {
  // invalid lead, stray continuation, two truncated sequences: one U+FFFD per byte
  CHECK(lenient_code_points("\xFF\x80\xC3\xE2\x82") == std::vector<char32_t>(5, kReplacementChar));
  CHECK(lenient_code_points("\xE2\x82" "A\xC3\xA9") ==
        std::vector<char32_t>{kReplacementChar, kReplacementChar, U'A', 0xE9});
  CHECK(lenient_code_points("\xC0\xAF") == std::vector<char32_t>(2, kReplacementChar));
  // A real U+FFFD in the text is well-formed, not an error.
  CHECK(is_valid_utf8("\xEF\xBF\xBD"));
}

TEST_CASE("utf8 codec: every lead and second byte is judged as Unicode's table 3-7 says") {
  std::vector<std::string> disagreements;
  for (int lead = 0x80; lead <= 0xFF; ++lead) {
    const LeadRule rule = well_formed_rule(static_cast<unsigned char>(lead));
    for (int second = 0; second <= 0xFF; ++second) {
      std::string bytes = {static_cast<char>(lead), static_cast<char>(second)};
      while (bytes.size() < rule.length) bytes += '\x80';
      const bool expected = rule.length > 0 && second >= rule.second_min && second <= rule.second_max;
      std::size_t pos = 0;
      const bool decoded = utf8_next_strict(bytes, pos).has_value() && pos == bytes.size();
      if (decoded != expected || is_valid_utf8(bytes) != expected)
        disagreements.push_back(std::to_string(lead) + "," + std::to_string(second));
    }
  }
  CHECK(disagreements.empty());
  if (!disagreements.empty()) MESSAGE("first lead,second byte judged wrongly: " << disagreements.front());
}

TEST_CASE("utf8 codec: every scalar value survives append then decode") {
  std::string out;
  std::size_t wrong = 0;
  for (char32_t cp = 0; cp <= 0x10FFFF; ++cp) {
    if (cp >= 0xD800 && cp <= 0xDFFF) continue;
    out.clear();
    utf8_append(out, cp);
    std::size_t pos = 0;
    if (utf8_next_strict(out, pos) != cp || pos != out.size()) ++wrong;
  }
  CHECK(wrong == 0);
}

TEST_CASE("utf8 codec: values that are not scalar values are written as U+FFFD") {
  std::string out;
  utf8_append(out, 0x1F600);
  utf8_append(out, 0xE9);
  CHECK(out == "\xF0\x9F\x98\x80\xC3\xA9");
  for (char32_t not_scalar : {char32_t{0xD800}, char32_t{0xDFFF}, char32_t{0x110000}}) {
    std::string replaced;
    utf8_append(replaced, not_scalar);
    CHECK(replaced == "\xEF\xBF\xBD");
  }
}

TEST_CASE("utf8 codec: length counts code points, and each ill-formed byte as one") {
  CHECK(utf8_length("") == 0);
  CHECK(utf8_length("abc") == 3);
  CHECK(utf8_length("caf\xC3\xA9") == 4);                  // café: 5 bytes, 4 code points
  CHECK(utf8_length("\xF0\x9F\x98\x80\xF0\x9F\x98\x80") == 2);  // two 4-byte emoji
  // 👩‍💻 is woman + zero width joiner + laptop: three code points, one picture.
  CHECK(utf8_length("\xF0\x9F\x91\xA9\xE2\x80\x8D\xF0\x9F\x92\xBB") == 3);
  CHECK(utf8_length("a\x80" "b") == 3);        // stray continuation byte
  CHECK(utf8_length("\xE2\x82") == 2);          // truncated: both bytes count
  CHECK(utf8_length("\xC0\xAF") == 2);          // overlong: both bytes count
}

TEST_CASE("utf8 codec: UTF-16 length, as the DOM counts selections") {
  CHECK(utf16_length("") == 0);
  CHECK(utf16_length("caf\xC3\xA9") == 4);                       // é is one unit
  CHECK(utf16_length("\xE2\x82\xAC") == 1);                      // € (3 bytes) is one unit
  CHECK(utf16_length("\xF0\x9F\x98\x80" "a") == 3);              // emoji: a surrogate pair
  CHECK(utf16_length("a\x80" "b") == 3);                         // ill-formed byte: one U+FFFD
}

TEST_CASE("to_valid_utf8: well-formed text unchanged, each ill-formed byte one U+FFFD") {
  CHECK(to_valid_utf8("Grüße, 日本語 😀") == "Grüße, 日本語 😀");
  CHECK(to_valid_utf8("") == "");
  CHECK(to_valid_utf8("a\xED\xA0\x80z") == "a\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBDz");   // a lone surrogate (CESU-8)
  CHECK(to_valid_utf8("\xC3") == "\xEF\xBF\xBD");                                     // truncated
  CHECK(is_valid_utf8(to_valid_utf8("\xFF\xFE\xC0\xAF")));
}
