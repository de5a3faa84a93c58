#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "reference_edit_distance.h"
#include "search/typo.h"
#include "search/vocabulary.h"

using namespace support;

namespace {

// What similar_words promises, by brute force: every word with the same first byte within
// max_edits, in alphabetical order.
std::vector<std::string> brute_force(const std::vector<std::string>& words, const std::string& query, int max_edits) {
  std::vector<std::string> out;
  for (const std::string& w : words)
    if (!w.empty() && w[0] == query[0] && test_reference::edit_distance(query, w) <= max_edits) out.push_back(w);
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace

TEST_CASE("typo candidates are exactly the words a brute-force scan finds, in alphabetical order") {
  // Few symbols so that near words are common; digits and a two-byte letter exercise the
  // letter-set filter's shared bits and multi-byte text.
  const std::vector<std::string> symbols = {"a", "b", "c", "e", "s", "t", "1", "9", "\xC3\xA9"};
  unsigned state = 4242;
  const auto next = [&] { return state = state * 1103515245u + 12345u, (state >> 16) & 0x7fff; };
  const auto random_word = [&] {
    std::string w;
    const unsigned length = 1 + next() % 11;
    for (unsigned i = 0; i < length; ++i) w += symbols[next() % symbols.size()];
    return w;
  };

  Vocabulary vocab;
  std::vector<std::string> words;  // distinct, as added
  std::size_t checked = 0, found = 0;
  for (int batch = 0; batch < 4; ++batch) {  // words arrive between lookups, as with upserts
    for (int i = 0; i < 600; ++i) {
      const std::string w = random_word();
      if (vocab.find_word(w) == Vocabulary::kNone) words.push_back(w);
      vocab.add_word(w);
    }
    for (int q = 0; q < 300; ++q) {
      // Half the queries are vocabulary words with a random edit, half fresh random words.
      std::string query = q % 2 ? random_word() : words[next() % words.size()];
      if (q % 2 == 0 && query.size() > 2) {
        const std::size_t at = 1 + next() % (query.size() - 1);
        switch (next() % 3) {
          case 0: query.erase(at, 1); break;
          case 1: query.insert(at, symbols[next() % symbols.size()]); break;
          default: std::swap(query[at - 1], query[at]); break;
        }
      }
      const int max_edits = 1 + static_cast<int>(next() % 3);
      std::vector<std::uint32_t> ids = {Vocabulary::kNone};  // appends after what is there
      vocab.similar_words(query, max_edits, ids);
      REQUIRE(ids.front() == Vocabulary::kNone);
      std::vector<std::string> got;
      for (std::size_t i = 1; i < ids.size(); ++i) got.emplace_back(vocab.word_text(ids[i]));
      INFO("query ", query, " max ", max_edits);
      REQUIRE(got == brute_force(words, query, max_edits));
      ++checked;
      found += got.size();
    }
  }
  CHECK(checked == 1200);
  CHECK(found > 1200);  // the comparison covered many actual matches, not just empty lists
  std::vector<std::uint32_t> none;
  vocab.similar_words("", 2, none);
  vocab.similar_words("abc", 0, none);
  CHECK(none.empty());
}
