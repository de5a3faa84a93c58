#include "search/vocabulary.h"

#include <algorithm>

#include "search/typo.h"

namespace support {

namespace {

// Which symbols a word contains, one bit per letter a-z and six shared by every other byte.
// One edit adds at most one symbol to the set and removes at most one (a transposition
// neither), so words within k edits differ by at most k bits each way. Collisions only make
// the test weaker, never wrong.
std::uint32_t letter_mask(std::string_view text) {
  std::uint32_t mask = 0;
  for (const char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    mask |= 1u << (byte >= 'a' && byte <= 'z' ? byte - 'a' : 26 + byte % 6);
  }
  return mask;
}

int bit_count(std::uint32_t x) { return __builtin_popcount(x); }  // clang and em++ alike

}  // namespace

std::uint32_t Vocabulary::find_word(std::string_view folded) const {
  scratch_.assign(folded.data(), folded.size());
  const auto it = word_ids_.find(scratch_);
  return it == word_ids_.end() ? kNone : it->second;
}

std::uint32_t Vocabulary::add_word(std::string_view folded) {
  scratch_.assign(folded.data(), folded.size());
  const auto found = word_ids_.find(scratch_);
  if (found != word_ids_.end()) return found->second;
  const auto id = static_cast<std::uint32_t>(words_.size());
  const auto [it, inserted] = word_ids_.emplace(scratch_, id);
  const auto [term_it, new_term] = term_ids_.emplace(stemmer_.stem(folded), term_count_);
  if (new_term) ++term_count_;
  words_.push_back(Word{&it->first, term_it->second});
  if (!folded.empty()) {
    TypoBucket& bucket = typo_buckets_[bucket_key(static_cast<unsigned char>(folded[0]), folded.size())];
    bucket.ids.push_back(id);
    bucket.masks.push_back(letter_mask(folded));
    bucket.texts.append(folded.data(), folded.size());
  }
  return id;
}

std::uint32_t Vocabulary::find_term(std::string_view folded_word) const {
  const std::uint32_t word = find_word(folded_word);
  if (word != kNone) return words_[word].term;
  const auto it = term_ids_.find(stemmer_.stem(folded_word));
  return it == term_ids_.end() ? kNone : it->second;
}

void Vocabulary::set_display(std::uint32_t word, std::string_view display) {
  if (words_[word].display != kNone) return;
  words_[word].display = static_cast<std::uint32_t>(displays_.size());
  displays_.emplace_back(display);
}

std::string_view Vocabulary::display(std::uint32_t word) const {
  const Word& w = words_[word];
  return w.display == kNone ? std::string_view(*w.folded) : std::string_view(displays_[w.display]);
}

void Vocabulary::ensure_sorted() const {
  if (sorted_.size() == words_.size()) return;
  // New words are appended, sorted among themselves and merged: cheap after small updates.
  const std::size_t old_size = sorted_.size();
  for (std::size_t id = old_size; id < words_.size(); ++id) sorted_.push_back(static_cast<std::uint32_t>(id));
  const auto by_text = [this](std::uint32_t a, std::uint32_t b) { return *words_[a].folded < *words_[b].folded; };
  std::sort(sorted_.begin() + static_cast<std::ptrdiff_t>(old_size), sorted_.end(), by_text);
  std::inplace_merge(sorted_.begin(), sorted_.begin() + static_cast<std::ptrdiff_t>(old_size), sorted_.end(), by_text);
}

void Vocabulary::words_with_prefix(std::string_view prefix, std::vector<std::uint32_t>& out) const {
  ensure_sorted();
  auto it = std::lower_bound(sorted_.begin(), sorted_.end(), prefix,
                             [this](std::uint32_t id, std::string_view p) { return std::string_view(*words_[id].folded) < p; });
  for (; it != sorted_.end(); ++it) {
    const std::string_view text = *words_[*it].folded;
    if (text.compare(0, prefix.size(), prefix) != 0) break;
    out.push_back(*it);
  }
}

void Vocabulary::similar_words(std::string_view word, int max_edits, std::vector<std::uint32_t>& out) const {
  if (word.empty() || max_edits <= 0) return;
  const std::size_t begin = out.size();
  const std::uint32_t mask = letter_mask(word);
  const std::size_t shortest = word.size() > static_cast<std::size_t>(max_edits) ? word.size() - max_edits : 1;
  for (std::size_t length = shortest; length <= word.size() + static_cast<std::size_t>(max_edits); ++length) {
    const auto found = typo_buckets_.find(bucket_key(static_cast<unsigned char>(word[0]), length));
    if (found == typo_buckets_.end()) continue;
    const TypoBucket& bucket = found->second;
    for (std::size_t i = 0; i < bucket.ids.size(); ++i) {
      if (bit_count(bucket.masks[i] & ~mask) > max_edits || bit_count(mask & ~bucket.masks[i]) > max_edits) continue;
      const std::string_view text(bucket.texts.data() + i * length, length);
      if (bounded_edit_distance(word, text, max_edits) <= max_edits) out.push_back(bucket.ids[i]);
    }
  }
  // Alphabetical, as callers got it from the sorted scan this replaced; there are only a few.
  std::sort(out.begin() + static_cast<std::ptrdiff_t>(begin), out.end(),
            [this](std::uint32_t a, std::uint32_t b) { return *words_[a].folded < *words_[b].folded; });
}

std::size_t Vocabulary::memory_bytes() const {
  std::size_t bytes = words_.capacity() * sizeof(Word) + sorted_.capacity() * sizeof(std::uint32_t);
  const auto map_bytes = [](const std::unordered_map<std::string, std::uint32_t>& map) {
    std::size_t total = map.bucket_count() * sizeof(void*);
    for (const auto& [key, id] : map)
      total += sizeof(void*) * 2 + sizeof(std::string) + sizeof(std::uint32_t) + (key.size() >= sizeof(std::string) - 1 ? key.capacity() + 1 : 0);
    return total;
  };
  bytes += map_bytes(word_ids_) + map_bytes(term_ids_);
  for (const auto& d : displays_) bytes += sizeof(std::string) + d.capacity();
  bytes += typo_buckets_.bucket_count() * sizeof(void*);
  for (const auto& [key, bucket] : typo_buckets_)
    bytes += sizeof(void*) * 2 + sizeof(key) + sizeof(TypoBucket) + (bucket.ids.capacity() + bucket.masks.capacity()) * sizeof(std::uint32_t) +
             bucket.texts.capacity();
  return bytes;
}

}  // namespace support
