// libFuzzer target: arbitrary bytes as a site owner's KB file, handed to the reader in pieces
// whose sizes come from the same bytes (the browser splits a download anywhere), then indexed
// and searched. Anything that throws, crashes, hangs or trips a sanitizer is a bug.
#include "kb/kb_file.h"
#include "search/highlight.h"
#include "search/search_index.h"

#include <cstddef>
#include <cstdint>
#include <string_view>

using namespace support;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  // The first byte picks the name hint and the piece size; the rest is the file.
  const std::uint8_t control = data[0];
  const std::string_view file(reinterpret_cast<const char*>(data + 1), size - 1);
  KbFileLimits limits;
  limits.max_line_bytes = 4096;   // small limits, so the fuzzer reaches them
  limits.max_articles = 64;
  limits.max_problems = 8;
  KbFileReader reader(control & 1 ? "kb.jsonl" : "kb.json", limits);
  const std::size_t piece = 1 + (control >> 1);
  SearchIndex index;
  for (std::size_t at = 0; at < file.size(); at += piece) {
    reader.feed(file.substr(at, piece));
    for (const KbArticle& article : reader.take_articles()) index.upsert(article);
  }
  reader.finish();
  for (const KbArticle& article : reader.take_articles()) index.upsert(article);
  for (const KbFileProblem& problem : reader.problems()) (void)format_kb_file_problem(problem);
  // Search with a piece of the file as the query, and mark the hits as the widget would.
  const std::string query(file.substr(0, 40));
  for (const SearchHit& hit : index.search(query)) (void)highlight_spans(query, hit.matched_terms);
  return 0;
}
