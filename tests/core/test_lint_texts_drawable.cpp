// Lint: every character a configured text draws must be in the widget's font (else the canvas
// shows "?"), and a translation keeps the default locale's placeholders.
#include <doctest/doctest.h>

#include "config/config_lint.h"
#include "test_files.h"
#include "text/font_coverage.h"

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

TEST_CASE("font coverage: the compiled list is assets/fonts/coverage.txt") {
  const auto& ranges = widget_font_coverage();
  REQUIRE_FALSE(ranges.empty());
  CHECK(ranges.front().first == 0x20);
  for (char32_t covered : {U'A', U'ß', U'ñ', U'¿', U'¡', U'ő', U'„', U'“', U'‚', U'‘', U'–', U'—', U'…', U'€', U'→'})
    CHECK(widget_font_covers(covered));
  for (char32_t not_covered : {U'Ж', U'Ω', U'日', U'\U0001F600', U'\u0007'}) CHECK_FALSE(widget_font_covers(not_covered));
  CHECK(describe_code_point(U'Ж') == "'Ж' (U+0416)");
  CHECK(describe_code_point(U'\U0001F600') == "'\xF0\x9F\x98\x80' (U+1F600)");
  CHECK(describe_code_point(U'\u200B') == "U+200B");   // invisible: the code alone
}

TEST_CASE("lint: a Cyrillic text names the character the font does not have") {
  nlohmann::json doc = read_json(minimal_config_path());
  doc["texts"]["de"]["flow.resolved.title"] = "Жаль";
  doc["texts"]["en"]["flow.resolved.text"] = "Glad it works.\nCosts 5 €, see page 2 → done…";   // all drawable
  std::vector<std::string> lines = lint_lines(doc);
  INFO(joined(lines));
  CHECK(has_line(lines, "texts.de.flow.resolved.title: characters 'Ж' (U+0416), 'а' (U+0430), 'л' (U+043B) and 1 more are not in the widget's font"));
  CHECK(lines.size() == 1);

  doc["texts"]["de"]["flow.resolved.title"] = "Gelöst Ж";
  lines = lint_lines(doc);
  CHECK(has_line(lines, "texts.de.flow.resolved.title: character 'Ж' (U+0416) is not in the widget's font"));
}

TEST_CASE("lint: names and articles the texts show are checked too") {
  nlohmann::json doc = read_json(minimal_config_path());
  doc["brand"]["company_name"] = "Ωmega";
  doc["products"][1]["name"] = "Beta 日本";
  doc["kb"]["articles"][0]["title"] = "Hello 👋";
  std::vector<std::string> lines = lint_lines(doc);
  INFO(joined(lines));
  CHECK(has_line(lines, "brand.company_name: character 'Ω' (U+03A9) is not in the widget's font"));
  CHECK(has_line(lines, "products[1].name: characters '日' (U+65E5), '本' (U+672C) are not in the widget's font"));
  CHECK(has_line(lines, "kb.articles[0].title: character '👋' (U+1F44B) is not in the widget's font"));
  CHECK(lines.size() == 3);
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
