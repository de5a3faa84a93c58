#include "text/utf8.h"

#include <array>

namespace support {

char32_t fold_case(char32_t cp) {
  if (cp < 0x80) return (cp >= 'A' && cp <= 'Z') ? cp + 32 : cp;
  if (cp >= 0xC0 && cp <= 0xDE && cp != 0xD7) return cp + 0x20;
  if (cp < 0x100) return cp;
  // Latin Extended-A: upper/lower pairs, with the parity switching in two ranges.
  if (cp <= 0x137 || (cp >= 0x14A && cp <= 0x177)) return (cp % 2 == 0) ? cp + 1 : cp;
  if ((cp >= 0x139 && cp <= 0x148) || (cp >= 0x179 && cp <= 0x17E)) return (cp % 2 == 1) ? cp + 1 : cp;
  if (cp == 0x178) return 0xFF;
  // Latin Extended Additional (Vietnamese and others): even upper, odd lower.
  if (cp >= 0x1E00 && cp <= 0x1EFF) return (cp % 2 == 0) ? cp + 1 : cp;
  // Greek.
  if (cp >= 0x391 && cp <= 0x3A9 && cp != 0x3A2) return cp + 0x20;
  if (cp == 0x386) return 0x3AC;
  if (cp >= 0x388 && cp <= 0x38A) return cp + 0x25;
  if (cp == 0x38C) return 0x3CC;
  if (cp == 0x38E || cp == 0x38F) return cp + 0x3F;
  if (cp == 0x3C2) return 0x3C3;  // final sigma folds to sigma
  // Cyrillic.
  if (cp >= 0x410 && cp <= 0x42F) return cp + 0x20;
  if (cp >= 0x400 && cp <= 0x40F) return cp + 0x50;
  if ((cp >= 0x460 && cp <= 0x481) || (cp >= 0x48A && cp <= 0x4BF)) return (cp % 2 == 0) ? cp + 1 : cp;
  // Fullwidth Latin letters.
  if (cp >= 0xFF21 && cp <= 0xFF3A) return cp + 0x20;
  return cp;
}

namespace {

// Base letters of U+00E0..U+00FF (already lower-cased); multi-letter expansions inline.
const char* const kLatin1Lower[32] = {
    "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",
    "d", "n", "o", "o", "o", "o", "o", nullptr /* division sign */, "o", "u", "u", "u", "u", "y", "th", "y"};

// Base letters of U+0100..U+017F; '*' marks the ligatures handled separately.
constexpr const char kLatinExtA[] =
    "aaaaaa" "cccccccc" "dddd" "eeeeeeeeee" "gggggggg" "hhhh" "iiiiiiiiii" "**" "jj" "kkk"
    "llllllllll" "nnnnnnnnn" "oooooo" "**" "rrrrrr" "ssssssss" "tttttt" "uuuuuuuuuuuu" "ww" "yyy"
    "zzzzzz" "s";
static_assert(sizeof(kLatinExtA) == 128 + 1, "one entry per code point of Latin Extended-A");

// Returns the ASCII base of a Latin letter (after case folding), or nullptr if none.
const char* latin_base(char32_t cp) {
  if (cp >= 0xE0 && cp <= 0xFF) return kLatin1Lower[cp - 0xE0];
  if (cp == 0xDF) return "ss";
  if (cp >= 0x100 && cp <= 0x17F) {
    if (cp == 0x132 || cp == 0x133) return "ij";
    if (cp == 0x152 || cp == 0x153) return "oe";
    // One NUL-terminated string per letter, built once (static init is thread-safe).
    static const auto singles = [] {
      std::array<std::array<char, 2>, 128> table{};
      for (std::size_t i = 0; i < table.size(); ++i) table[i] = {kLatinExtA[i], '\0'};
      return table;
    }();
    return singles[cp - 0x100].data();
  }
  switch (cp) {  // frequent letters of Latin Extended-B
    case 0x180: return "b";
    case 0x192: return "f";
    case 0x1A0: case 0x1A1: return "o";
    case 0x1AF: case 0x1B0: return "u";
    case 0x1CD: case 0x1CE: return "a";
    case 0x1CF: case 0x1D0: return "i";
    case 0x1D1: case 0x1D2: return "o";
    case 0x218: case 0x219: return "s";
    case 0x21A: case 0x21B: return "t";
    default: break;
  }
  if (cp >= 0x1D3 && cp <= 0x1DC) return "u";
  // Vietnamese block of Latin Extended Additional.
  if (cp >= 0x1EA0 && cp <= 0x1EB7) return "a";
  if (cp >= 0x1EB8 && cp <= 0x1EC7) return "e";
  if (cp >= 0x1EC8 && cp <= 0x1ECB) return "i";
  if (cp >= 0x1ECC && cp <= 0x1EE3) return "o";
  if (cp >= 0x1EE4 && cp <= 0x1EF1) return "u";
  if (cp >= 0x1EF2 && cp <= 0x1EF9) return "y";
  return nullptr;
}

char32_t greek_cyrillic_base(char32_t cp) {
  switch (cp) {
    case 0x3AC: return 0x3B1;
    case 0x3AD: return 0x3B5;
    case 0x3AE: return 0x3B7;
    case 0x3AF: case 0x390: case 0x3CA: return 0x3B9;
    case 0x3CC: return 0x3BF;
    case 0x3CD: case 0x3B0: case 0x3CB: return 0x3C5;
    case 0x3CE: return 0x3C9;
    case 0x451: return 0x435;  // ё -> е
    default: return cp;
  }
}

}  // namespace

void append_folded(std::string& out, char32_t cp) {
  if (cp >= 0x300 && cp <= 0x36F) return;  // combining diacritics (decomposed accents)
  if (cp >= 0xFF01 && cp <= 0xFF5E) cp -= 0xFEE0;  // fullwidth ASCII
  cp = fold_case(cp);
  if (cp < 0x80) {
    out += static_cast<char>(cp);
    return;
  }
  if (const char* base = latin_base(cp)) {
    out += base;
    return;
  }
  utf8_append(out, greek_cyrillic_base(cp));
}

std::string fold_text(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t pos = 0; pos < text.size();) append_folded(out, utf8_next(text, pos));
  return out;
}

bool is_ideograph(char32_t cp) {
  return (cp >= 0x3040 && cp <= 0x30FF) || (cp >= 0x3400 && cp <= 0x4DBF) ||
         (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0xF900 && cp <= 0xFAFF) ||
         (cp >= 0x20000 && cp <= 0x3FFFF);
}

bool is_word_char(char32_t cp) {
  if (cp < 0x80) return (cp >= '0' && cp <= '9') || (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z');
  if (cp < 0xC0) return cp == 0xAA || cp == 0xB5 || cp == 0xBA;
  if (cp <= 0xFF) return cp != 0xD7 && cp != 0xF7;
  if (cp < 0x370) return true;                                 // Latin extensions, IPA, combining marks
  if (cp < 0x400) return cp != 0x37E && cp != 0x387;           // Greek (minus its punctuation)
  if (cp < 0x2000) return true;                                // other alphabets
  if (cp < 0x2C00) return false;                               // punctuation, symbols, arrows, dingbats
  if (cp < 0x2E00) return true;                                // Glagolitic, Coptic, Latin Extended-C
  if (cp < 0x3040) return false;                               // more punctuation, CJK symbols
  if (cp < 0xD800) return true;                                // kana, CJK, Yi, Hangul
  if (cp < 0xF900) return false;                               // surrogates, private use
  if (cp < 0xFE00) return true;                                // compatibility ideographs, presentation forms
  if (cp < 0xFE70) return false;                               // variation selectors, small forms
  if (cp < 0xFEFF) return true;                                // Arabic presentation forms
  if (cp >= 0xFF10 && cp <= 0xFF19) return true;               // fullwidth digits
  if ((cp >= 0xFF21 && cp <= 0xFF3A) || (cp >= 0xFF41 && cp <= 0xFF5A)) return true;
  if (cp >= 0xFF66 && cp <= 0xFFDC) return true;               // halfwidth kana / Hangul
  if (cp < 0x10000) return false;
  if (cp < 0x1F000) return true;                               // historic scripts, musical notation...
  if (cp < 0x20000) return false;                              // emoji and pictographs
  return cp <= 0x3FFFF;                                        // CJK extensions
}

}  // namespace support
