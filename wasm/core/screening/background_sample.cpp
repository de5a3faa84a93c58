#include "screening/background_sample.h"

#include <algorithm>

namespace support {

namespace {

bool key_less(const std::pair<std::uint64_t, TermWeights>& a, const std::pair<std::uint64_t, TermWeights>& b) {
  return a.first < b.first;
}

}  // namespace

std::uint64_t BackgroundSample::key_of(std::string_view normalized_text) {
  std::uint64_t hash = 0xCBF29CE484222325ull;
  for (const char c : normalized_text) {
    hash ^= static_cast<unsigned char>(c);
    hash *= 0x100000001B3ull;
  }
  return hash;
}

bool BackgroundSample::offer(std::uint64_t key, TermWeights terms) {
  if (capacity_ == 0) return false;
  if (kept_.size() == capacity_) {
    if (key >= kept_.front().first) return false;
    std::pop_heap(kept_.begin(), kept_.end(), key_less);
    kept_.pop_back();
  }
  kept_.emplace_back(key, std::move(terms));
  std::push_heap(kept_.begin(), kept_.end(), key_less);
  return true;
}

std::vector<const TermWeights*> BackgroundSample::texts() const {
  std::vector<const std::pair<std::uint64_t, TermWeights>*> by_key;
  for (const auto& entry : kept_) by_key.push_back(&entry);
  std::sort(by_key.begin(), by_key.end(), [](const auto* a, const auto* b) { return key_less(*a, *b); });
  std::vector<const TermWeights*> out;
  for (const auto* entry : by_key) out.push_back(&entry->second);
  return out;
}

}  // namespace support
