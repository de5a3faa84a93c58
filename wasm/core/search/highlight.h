#pragma once
// Which words of a displayed text (an article title, a snippet) to highlight for a search hit.
//
//   const support::SearchHit& hit = hits[0];
//   for (const support::TextSpan& span : support::highlight_spans(title, hit.matched_terms))
//     draw_emphasised(title.substr(span.begin, span.end - span.begin));
//
// A word is highlighted when the index would have treated it as one of the hit's matched
// terms: same tokenising and folding ("Café", "CAFE" and "cafe" are one word), and same stem
// ("passwords" when "password" matched, since postings are keyed by stem). Stop words are
// never highlighted (they are not indexed, so they never match). Words the search found by
// prefix or typo are highlighted whole, because matched_terms names the document's word.
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace support {

struct TextSpan {
  std::size_t begin;  // byte offsets into the text: [begin, end), on UTF-8 code point boundaries
  std::size_t end;
};

// Spans of the words of `text` that match any of `matched_terms` (SearchHit::matched_terms
// or any words: they are folded here too). Sorted, non-overlapping, one span per word;
// empty when nothing matches or either input is empty.
std::vector<TextSpan> highlight_spans(std::string_view text, const std::vector<std::string>& matched_terms);

}  // namespace support
