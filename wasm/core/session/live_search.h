#pragma once
// Suggestions that follow what the customer types without getting in the way: the search runs
// once per change of the text (never per frame), and only after the text has rested for the
// delay, so a burst of keystrokes costs one search. The platform passes the time in; the core
// keeps no clock.
#include "search/search_index.h"

#include <optional>
#include <string>
#include <vector>

namespace support {

class LiveSearch {
 public:
  explicit LiveSearch(SearchOptions options = {}) : options_(options) {}

  // The text as it stands now. Returns true when it searched (the hits may have changed).
  bool update(const std::string& text, const SearchIndex& index, double now_ms, double delay_ms);
  // The KB changed: search the same text again on the next update.
  void invalidate() { searched_.reset(); }

  const std::vector<SearchHit>& hits() const { return hits_; }
  // When a search is waiting for the text to rest; nullopt when the hits are current.
  std::optional<double> due_at() const;
  const std::string& searched_text() const { return searched_ ? *searched_ : empty_; }

 private:
  // The hits are not for the text as it stands (or the KB changed since).
  bool waiting() const { return !searched_ || *searched_ != seen_; }

  SearchOptions options_;
  std::optional<std::string> searched_ = std::string();  // the text the hits are for (none: search again)
  std::string seen_;                                     // the text at the last update
  double changed_at_ = 0;
  double delay_ms_ = 0;
  std::vector<SearchHit> hits_;
  static inline const std::string empty_;
};

}  // namespace support
