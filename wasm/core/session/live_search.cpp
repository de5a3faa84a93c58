#include "session/live_search.h"

namespace support {

bool LiveSearch::update(const std::string& text, const SearchIndex& index, double now_ms, double delay_ms) {
  if (text != seen_) {
    seen_ = text;
    changed_at_ = now_ms;
  }
  delay_ms_ = delay_ms;
  if (!waiting() || now_ms - changed_at_ < delay_ms) return false;
  searched_ = text;
  hits_ = text.empty() ? std::vector<SearchHit>() : index.search(text, options_);
  return true;
}

std::optional<double> LiveSearch::due_at() const {
  if (!waiting()) return std::nullopt;
  return changed_at_ + delay_ms_;
}

}  // namespace support
