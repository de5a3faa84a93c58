// screening/tone_check with the default configuration: notes, never changes.
#include <doctest/doctest.h>

#include "screening/phrase_match.h"
#include "screening/tone_check.h"
#include "test_files.h"

using namespace support;

namespace {

const Config& default_config() {
  static const Config config = test_files::load_config(test_files::default_config_path());
  return config;
}

std::vector<ToneIssue> issues(std::string_view text) {
  std::vector<ToneIssue> out;
  for (const ToneNote& note : check_tone(default_config(), "en", text)) out.push_back(note.issue);
  return out;
}

}  // namespace

TEST_CASE("tone: a calm draft gets no note; an empty one neither") {
  CHECK(issues("The backup stopped running after the update. Could you have a look?").empty());
  CHECK(issues("").empty());
  CHECK(issues("My PHP and SQL settings on AWS, see URL").empty());  // a few acronyms are not shouting
}

TEST_CASE("tone: shouting, punctuation, insults and threats each get their note") {
  const auto notes = check_tone(default_config(), "en", "WHY IS NOTHING WORKING, YOU IDIOTS!!! I WILL SUE YOU");
  REQUIRE(notes.size() == 4);
  CHECK(notes[0].issue == ToneIssue::shouting);
  CHECK(notes[1].issue == ToneIssue::punctuation);
  CHECK(notes[1].matched == "!!!");
  CHECK(notes[2].issue == ToneIssue::insult);
  CHECK(notes[2].matched == "idiots");
  CHECK(notes[3].issue == ToneIssue::threat);
  CHECK(notes[3].matched == "sue you");
  for (const ToneNote& note : notes) CHECK(note.message.size() > 20);
  CHECK(notes[3].message.find("{escalation.contact_role}") == std::string::npos);  // placeholder filled
}

TEST_CASE("tone: words match whole words only, case and accents folded") {
  CHECK(issues("This class of error is new") == std::vector<ToneIssue>{});
  CHECK(issues("You are STÚPID") == std::vector<ToneIssue>{ToneIssue::insult});
  PhraseList list({"sue you", "!!!"});
  CHECK(list.find_in("we will Sue-you now") == "sue you");
  CHECK(list.find_in("issue you") == "");
}

TEST_CASE("tone: Unicode-aware shouting and punctuation runs") {
  CHECK(is_shouting("ПОЧЕМУ НИЧЕГО НЕ РАБОТАЕТ", 12, 0.7));
  CHECK_FALSE(is_shouting("почему ничего не работает", 12, 0.7));
  CHECK(is_shouting("ÄRGERLICH, DASS ES NICHT GEHT", 12, 0.7));
  CHECK_FALSE(is_shouting("为什么不工作为什么不工作为什么不工作", 12, 0.7));  // no letter case: never shouting
  CHECK_FALSE(is_shouting("HELP", 12, 0.7));                                    // too short to tell
  CHECK(longest_punctuation_run("what?!?! ok") == "?!?!");
  CHECK(longest_punctuation_run("¿¡qué!!") == "¿¡");
  CHECK(longest_punctuation_run("ok！！！") == "！！！");
  CHECK(longest_punctuation_run("no runs here.").empty());
}

TEST_CASE("tone: a very long text is handled and the locale falls back to the default") {
  std::string text(300000, 'a');
  text += " moron";
  const auto notes = check_tone(default_config(), "xx", text);
  REQUIRE(notes.size() == 1);
  CHECK(notes[0].issue == ToneIssue::insult);
}
