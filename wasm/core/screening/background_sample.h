#pragma once
// A capped, deterministic sample of the background texts the duplicate engine learns latent
// topics from (latent_topics.h), so a KB of 100,000 articles costs no more than one of 2,000.
// It keeps the texts whose keys (a hash of the text) are smallest: the same texts give the same
// sample whatever order they arrive in, and the sample is spread evenly over the whole stream.
#include "screening/latent_topics.h"

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <utility>
#include <vector>

namespace support {

class BackgroundSample {
 public:
  explicit BackgroundSample(std::size_t capacity) : capacity_(capacity) {}

  // A text's key: FNV-1a (64 bits) of its normalised form.
  static std::uint64_t key_of(std::string_view normalized_text);

  // Keeps the text if its key is among the capacity smallest; true if kept (the sample changed).
  // Two texts alike are two texts, as two documents of a collection are.
  bool offer(std::uint64_t key, TermWeights terms);
  std::size_t size() const { return kept_.size(); }
  // The kept texts by key, so the order they arrived in does not matter.
  std::vector<const TermWeights*> texts() const;

 private:
  std::size_t capacity_;
  std::vector<std::pair<std::uint64_t, TermWeights>> kept_;  // a max-heap by key
};

}  // namespace support
