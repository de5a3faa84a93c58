// Benchmark entry: the KB search engine compiled to wasm with a C interface that node
// (tests/bench/search.mjs) calls. Not part of the widget.
#include <malloc.h>

#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

#include "search/search_index.h"

namespace {
support::SearchIndex* g_index = nullptr;
std::size_t g_last_hits = 0;
}  // namespace

extern "C" {

void bench_reset() {
  delete g_index;
  g_index = new support::SearchIndex();
}

// Adds many articles at once: records separated by '\x1e', fields (id, title, body) by
// '\x1f'. One call per batch keeps the JS->wasm crossing out of the per-document cost.
int bench_add_batch(const char* data, std::size_t length) {
  if (!g_index) bench_reset();
  std::string_view rest(data, length);
  int added = 0;
  support::KbArticle article;
  while (!rest.empty()) {
    const std::size_t end = rest.find('\x1e');
    std::string_view record = rest.substr(0, end);
    rest = end == std::string_view::npos ? std::string_view() : rest.substr(end + 1);
    const std::size_t a = record.find('\x1f');
    const std::size_t b = a == std::string_view::npos ? a : record.find('\x1f', a + 1);
    if (b == std::string_view::npos) continue;
    article.id.assign(record.substr(0, a));
    article.title.assign(record.substr(a + 1, b - a - 1));
    article.body.assign(record.substr(b + 1));
    g_index->upsert(article);
    ++added;
  }
  return added;
}

// What the widget does once a KB is loaded (support_session.cpp): sorts the vocabulary and
// computes length norms, so that the first keystroke does not pay for them.
void bench_prepare() {
  if (g_index) g_index->prepare();
}

// Runs one query; returns the number of hits (their ids stay inside: the bench measures
// the engine, the UI reads SearchHit directly in C++).
int bench_search(const char* query, int limit, int prefix_last) {
  support::SearchOptions options;
  options.limit = static_cast<std::size_t>(limit);
  options.prefix_last = prefix_last != 0;
  g_last_hits = g_index ? g_index->search(query, options).size() : 0;
  return static_cast<int>(g_last_hits);
}

// Bytes in use on the wasm heap (index plus allocator overhead) and the index's own estimate.
double bench_heap_used() { return static_cast<double>(mallinfo().uordblks); }
double bench_index_bytes() { return g_index ? static_cast<double>(g_index->memory_bytes()) : 0.0; }
}
