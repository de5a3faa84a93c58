// Native profiling driver for the search engine: reads a corpus + queries file written by
// `node tests/bench/search.mjs --dump FILE --sizes N`, builds the index and times every query
// and keystroke (and, apart, the queries given a typo), printing percentiles and the slowest
// inputs. Native timings are not the wasm ones, but the same inputs are slow for the same
// reasons, and `perf record` works here.
//   search_profile FILE [repeat]
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <string>
#include <utility>
#include <vector>

#include "search/search_index.h"
#include "search/tokenizer.h"
#include "search/typo.h"
#include "search/vocabulary.h"

namespace {

using Clock = std::chrono::steady_clock;

double ms_since(Clock::time_point start) {
  return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

void report(const char* name, const support::SearchIndex& index, const std::vector<std::string>& inputs, bool prefix, int repeat) {
  std::vector<std::pair<double, std::string>> times;
  support::SearchOptions options;
  options.prefix_last = prefix;
  for (const std::string& input : inputs) {
    double best = 1e9;  // the best of `repeat` runs: what the code costs, not what the machine did meanwhile
    for (int r = 0; r < repeat; ++r) {
      const auto start = Clock::now();
      index.search(input, options);
      best = std::min(best, ms_since(start));
    }
    times.emplace_back(best, input);
  }
  std::sort(times.begin(), times.end());
  const auto at = [&](double p) { return times[std::min(times.size() - 1, static_cast<std::size_t>(p * times.size()))].first; };
  const auto over = std::count_if(times.begin(), times.end(), [](const auto& t) { return t.first > 1.0; });
  std::printf("%s: %zu  p50 %.3f  p95 %.3f  p99 %.3f  max %.3f ms  >1ms %ld  >0.5ms %ld\n", name, times.size(), at(0.5), at(0.95),
              at(0.99), times.back().first, static_cast<long>(over),
              static_cast<long>(std::count_if(times.begin(), times.end(), [](const auto& t) { return t.first > 0.5; })));
  for (std::size_t i = times.size(); i > 0 && i + 8 > times.size(); --i)
    std::printf("   %.3f ms  \"%s\"\n", times[i - 1].first, times[i - 1].second.c_str());
}

// Typo candidate generation alone (Vocabulary::similar_words), on a vocabulary of the same
// corpus, for the words of the typo queries that have no exact match: the part of a typo
// query that grows with the vocabulary, which the query timings above mix with scoring.
void report_typo_candidates(const std::vector<support::KbArticle>& docs, const std::vector<std::string>& typo_queries, int repeat) {
  support::Vocabulary vocab;
  std::vector<support::Token> tokens;
  for (const auto& doc : docs) {
    tokens.clear();
    support::tokenize(doc.title, tokens);
    support::tokenize(doc.body, tokens);
    for (const auto& token : tokens) vocab.add_word(token.folded);
  }
  vocab.prepare();
  std::vector<std::string> words;
  for (const std::string& query : typo_queries)
    for (const auto& token : support::tokenize(query))
      if (support::allowed_typos(token.folded.size()) > 0 && vocab.find_word(token.folded) == support::Vocabulary::kNone)
        words.push_back(token.folded);
  if (words.empty()) return;
  std::vector<std::uint32_t> out;
  double total = 0;
  std::size_t found = 0;
  for (const std::string& word : words) {
    double best = 1e9;
    for (int r = 0; r < repeat; ++r) {
      out.clear();
      const auto start = Clock::now();
      vocab.similar_words(word, support::allowed_typos(word.size()), out);
      best = std::min(best, ms_since(start));
    }
    total += best;
    found += out.size();
  }
  std::printf("typo candidates: %zu words (vocabulary %zu), mean %.4f ms per word, %zu found\n", words.size(), vocab.word_count(),
              total / static_cast<double>(words.size()), found);
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: search_profile FILE [repeat]\n");
    return 2;
  }
  const int repeat = argc > 2 ? std::max(1, std::atoi(argv[2])) : 3;
  std::ifstream in(argv[1]);
  std::vector<support::KbArticle> docs;
  std::vector<std::string> queries, keystrokes, typo_queries;
  for (std::string line; std::getline(in, line);) {
    if (line.size() < 2) continue;
    const std::string rest = line.substr(2);
    if (line[0] == 'Q') queries.push_back(rest);
    if (line[0] == 'K') keystrokes.push_back(rest);
    if (line[0] == 'T') typo_queries.push_back(rest);  // also among the Q lines
    if (line[0] != 'D') continue;
    const std::size_t a = rest.find('\t'), b = rest.find('\t', a + 1);
    support::KbArticle doc;
    doc.id = rest.substr(0, a);
    doc.title = rest.substr(a + 1, b - a - 1);
    doc.body = rest.substr(b + 1);
    docs.push_back(std::move(doc));
  }
  support::SearchIndex index;
  auto start = Clock::now();
  for (const auto& doc : docs) index.upsert(doc);
  std::printf("%zu docs, build %.0f ms, index %.1f MB\n", docs.size(), ms_since(start), index.memory_bytes() / 1048576.0);
  start = Clock::now();
  index.prepare();
  std::printf("prepare %.2f ms\n", ms_since(start));
  start = Clock::now();
  index.search("warm up", {});
  std::printf("first search after prepare %.2f ms\n", ms_since(start));
  report("queries", index, queries, false, repeat);
  if (!typo_queries.empty()) report("typo queries", index, typo_queries, false, repeat);
  report("keystrokes", index, keystrokes, true, repeat);
  report_typo_candidates(docs, typo_queries, repeat);
  return 0;
}
