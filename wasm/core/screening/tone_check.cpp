#include "screening/tone_check.h"

#include "config/config_text.h"
#include "screening/phrase_match.h"
#include "text/utf8.h"

namespace support {

namespace {

// Letters with an upper and a lower case in the scripts the folding knows (Latin, Greek,
// Cyrillic): upper when folding changes it, lower when it is such a letter and folding keeps it.
bool in_cased_script(char32_t c) { return c < 0x530 || (c >= 0x1E00 && c < 0x2000); }

bool is_exclaim_or_question(char32_t c) {
  return c == '!' || c == '?' || c == 0xA1 || c == 0xBF || c == 0xFF01 || c == 0xFF1F;
}

}  // namespace

bool is_shouting(std::string_view text, int min_letters, double upper_share) {
  std::size_t upper = 0, lower = 0;
  for (std::size_t pos = 0; pos < text.size();) {
    const char32_t c = utf8_next(text, pos);
    if (!in_cased_script(c) || !is_word_char(c) || (c >= '0' && c <= '9')) continue;
    if (fold_case(c) != c) ++upper;
    else if (c != 0xDF && c != 0xAA && c != 0xBA && c != 0xB5) ++lower;  // ß ª º µ have no capital here
  }
  const std::size_t letters = upper + lower;
  return letters >= static_cast<std::size_t>(min_letters) && upper >= upper_share * letters;
}

std::string longest_punctuation_run(std::string_view text) {
  std::string best, run;
  for (std::size_t pos = 0; pos < text.size();) {
    const std::size_t start = pos;
    const char32_t c = utf8_next(text, pos);
    if (is_exclaim_or_question(c)) {
      run.append(text.substr(start, pos - start));
      if (utf8_length(run) > utf8_length(best)) best = run;
    } else if (c != ' ') {  // "! ! !" is still a run
      run.clear();
    }
  }
  return best;
}

const char* tone_issue_name(ToneIssue issue) {
  switch (issue) {
    case ToneIssue::shouting: return "shouting";
    case ToneIssue::punctuation: return "punctuation";
    case ToneIssue::insult: return "insult";
    case ToneIssue::threat: return "threat";
  }
  return "shouting";
}

std::vector<ToneNote> check_tone(const Config& config, const std::string& locale, std::string_view text) {
  const ToneSettings& tone = config.screening.tone;
  std::vector<ToneNote> notes;
  auto note = [&](ToneIssue issue, const std::string& key, std::string matched) {
    notes.push_back({issue, key.empty() ? std::string() : config_text(config, locale, key), std::move(matched)});
  };
  if (is_shouting(text, tone.shouting_min_letters, tone.shouting_upper_share)) note(ToneIssue::shouting, tone.shouting_key, "");
  const std::string run = longest_punctuation_run(text);
  if (utf8_length(run) >= static_cast<std::size_t>(tone.punctuation_run)) note(ToneIssue::punctuation, tone.punctuation_key, run);
  auto words = tone.words.find(locale);
  if (words == tone.words.end()) words = tone.words.find(config.texts.default_locale);
  if (words != tone.words.end()) {
    const std::string insult = PhraseList(words->second.insults).find_in(text);
    if (!insult.empty()) note(ToneIssue::insult, tone.insult_key, insult);
    const std::string threat = PhraseList(words->second.threats).find_in(text);
    if (!threat.empty()) note(ToneIssue::threat, tone.threat_key, threat);
  }
  return notes;
}

}  // namespace support
