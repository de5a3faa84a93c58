#pragma once
// Tone screening: gentle, non-blocking notes before a draft is sent when it shouts (mostly
// capital letters), piles up "!!!" or "???", or uses a word from the locale's insult or threat
// list (config "screening.tone"). The text itself is never changed.
#include "config/config.h"

#include <string>
#include <string_view>
#include <vector>

namespace support {

enum class ToneIssue { shouting, punctuation, insult, threat };

struct ToneNote {
  ToneIssue issue = ToneIssue::shouting;
  std::string message;  // the configured note, in the locale, placeholders filled in
  std::string matched;  // the listed word or phrase found (insult/threat), or the run ("!!!")
};

// One note per kind of issue at most, in the order shouting, punctuation, insult, threat.
// Word lists of `locale`, else of the default locale.
std::vector<ToneNote> check_tone(const Config& config, const std::string& locale, std::string_view text);

// The single measures, for tests and other callers.
bool is_shouting(std::string_view text, int min_letters, double upper_share);
std::string longest_punctuation_run(std::string_view text);  // of ! and ? (also ¡ ¿ ！ ？)

const char* tone_issue_name(ToneIssue issue);

}  // namespace support
