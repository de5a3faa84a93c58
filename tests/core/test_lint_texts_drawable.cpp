// Lint: every configured text the canvas draws must come out right (it draws any script the
// customer's fonts have, one character at a time, left to right), and a translation keeps the
// default locale's placeholders.
#include <doctest/doctest.h>

#include "config/config_lint.h"
#include "test_files.h"
#include "text/canvas_text.h"

#include <algorithm>

using namespace support;
using namespace support::test_files;

namespace {

std::vector<std::string> lint_lines(const nlohmann::json& doc) { return format_problems(lint_config_text(doc.dump())); }

bool has_line(const std::vector<std::string>& lines, const std::string& line) {
  return std::find(lines.begin(), lines.end(), line) != lines.end();
}

std::string joined(const std::vector<std::string>& lines) {
  std::string out;
  for (const auto& line : lines) out += line + "\n";
  return out;
}

}  // namespace

TEST_CASE("canvas limits: any script the customer's fonts have, except what needs more than one glyph at a time") {
  for (char32_t drawn : {U'A', U'ß', U'ñ', U'ő', U'„', U'…', U'€', U'→', U'Ж', U'Ω', U'日', U'ひ', U'한', U'ก', U'✓'})
    CHECK(canvas_limit(drawn) == CanvasLimit::none);
  CHECK(canvas_limit(U'א') == CanvasLimit::right_to_left);       // Hebrew
  CHECK(canvas_limit(U'ب') == CanvasLimit::right_to_left);       // Arabic
  CHECK(canvas_limit(U'ﻻ') == CanvasLimit::right_to_left);  // an Arabic ligature form
  CHECK(canvas_limit(U'क') == CanvasLimit::shaping);             // Devanagari
  CHECK(canvas_limit(U'ᄀ') == CanvasLimit::shaping);        // a conjoining jamo
  CHECK(canvas_limit(U'́') == CanvasLimit::combining);      // a combining acute accent
  CHECK(canvas_limit(U'ิ') == CanvasLimit::combining);      // a Thai vowel sign
  CHECK(canvas_limit(U'‍') == CanvasLimit::combining);      // zero-width joiner (emoji sequences)
  CHECK(canvas_limit(U'😀') == CanvasLimit::beyond_bmp);
  CHECK(describe_code_point(U'Ж') == "'Ж' (U+0416)");
  CHECK(describe_code_point(U'😀') == "'\xF0\x9F\x98\x80' (U+1F600)");
  CHECK(describe_code_point(U'\u200B') == "U+200B");   // invisible: the code alone
  CHECK(describe_code_point(U'\u0301') == "U+0301");   // a mark alone would sit on the quote
}

TEST_CASE("lint: Cyrillic, Greek and Japanese texts are fine; Hebrew names the characters and why") {
  nlohmann::json doc = read_json(minimal_config_path());
  doc["texts"]["de"]["flow.resolved.title"] = "Жаль, Ωμέγα, 日本語";
  doc["texts"]["en"]["flow.resolved.text"] = "Glad it works.\nCosts 5 €, see page 2 → done…";
  CHECK(lint_lines(doc).empty());

  doc["texts"]["de"]["flow.resolved.title"] = "שלום עולם";
  std::vector<std::string> lines = lint_lines(doc);
  INFO(joined(lines));
  CHECK(has_line(lines, "texts.de.flow.resolved.title: characters 'ש' (U+05E9), 'ל' (U+05DC), 'ו' (U+05D5) and 2 more are "
                        "written right to left, which the widget's canvas cannot lay out"));
  CHECK(lines.size() == 1);

  doc["texts"]["de"]["flow.resolved.title"] = "Gelo\xCC\x88st";   // o + combining diaeresis
  lines = lint_lines(doc);
  CHECK(has_line(lines, "texts.de.flow.resolved.title: character U+0308 combines with the character before it, which the "
                        "widget's canvas draws apart (use a precomposed letter)"));
}

TEST_CASE("lint: names and articles the texts show are checked too, one line per kind of limit") {
  nlohmann::json doc = read_json(minimal_config_path());
  doc["brand"]["company_name"] = "नमस्ते";
  doc["products"][1]["name"] = "Beta 日本";   // fine
  doc["kb"]["articles"][0]["title"] = "Hello 👋 مرحبا";
  std::vector<std::string> lines = lint_lines(doc);
  INFO(joined(lines));
  CHECK(has_line(lines, "brand.company_name: characters 'न' (U+0928), 'म' (U+092E), 'स' (U+0938) and 3 more need letters "
                        "joined or reordered, which the widget's canvas cannot do"));
  CHECK(has_line(lines, "kb.articles[0].title: character '👋' (U+1F44B) is beyond U+FFFF (most emoji), which the widget's "
                        "canvas cannot draw"));
  CHECK(has_line(lines, "kb.articles[0].title: characters 'م' (U+0645), 'ر' (U+0631), 'ح' (U+062D) and 2 more are written "
                        "right to left, which the widget's canvas cannot lay out"));
  CHECK(lines.size() == 3);
}

TEST_CASE("lint: brand.font_family must be a CSS font-family list") {
  nlohmann::json doc = read_json(minimal_config_path());
  doc["brand"]["font_family"] = "Lato, \"Open Sans\", sans-serif";
  CHECK(lint_lines(doc).empty());
  for (const char* bad : {"Lato; color: red", "", " , ", "Lato}", "url(x.woff)"}) {
    doc["brand"]["font_family"] = bad;
    const std::vector<std::string> lines = lint_lines(doc);
    INFO(bad, "\n", joined(lines));
    CHECK(has_line(lines, "brand.font_family: expected a CSS font-family list such as \"Lato, sans-serif\""));
  }
}

TEST_CASE("lint: a translation must keep the default locale's placeholders") {
  nlohmann::json doc = read_json(minimal_config_path());
  doc["texts"]["en"]["flow.resolved.text"] = "At least {min} characters for {product.name}.";
  doc["texts"]["de"]["flow.resolved.text"] = "Mindestens {min} Zeichen für {produkt.name}.";
  std::vector<std::string> lines = lint_lines(doc);
  INFO(joined(lines));
  CHECK(has_line(lines, "texts.de.flow.resolved.text: placeholder {product.name} of the default locale is missing"));
  CHECK(has_line(lines, "texts.de.flow.resolved.text: placeholder {produkt.name} is not in the default locale's text"));
  CHECK(lines.size() == 2);
}
