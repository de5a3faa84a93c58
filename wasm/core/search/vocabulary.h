#pragma once
// The index's dictionary. Two levels: surface words (folded spellings as they occur,
// "passwords") and terms (their stems, "password"), which postings are keyed by. Surface
// words are kept sorted (lazily) so that completions of a prefix and typo candidates are a
// range scan instead of a walk over every word.
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "search/stemmer.h"

namespace support {

class Vocabulary {
 public:
  static constexpr std::uint32_t kNone = 0xFFFFFFFFu;

  std::uint32_t find_word(std::string_view folded) const;  // word id or kNone
  std::uint32_t add_word(std::string_view folded);         // finds or adds (stemming new words)
  std::uint32_t find_term(std::string_view folded_word) const;  // term id of the word's stem, or kNone

  std::uint32_t term_of(std::uint32_t word) const { return words_[word].term; }
  std::string_view word_text(std::uint32_t word) const { return *words_[word].folded; }
  std::size_t word_count() const { return words_.size(); }
  std::size_t term_count() const { return term_count_; }

  // Remembers how the word was written before accent folding ("café" for "cafe"), to give
  // back in matched terms. Only the first spelling seen is kept.
  void set_display(std::uint32_t word, std::string_view display);
  std::string_view display(std::uint32_t word) const;

  // Word ids whose text starts with `prefix`, in alphabetical order.
  void words_with_prefix(std::string_view prefix, std::vector<std::uint32_t>& out) const;
  // Word ids within `max_edits` of `word`, in alphabetical order. Only words sharing its first
  // byte are candidates (first-letter typos are rare in practice), so the scan covers the
  // (first byte, length) buckets within max_edits of the word's length.
  void similar_words(std::string_view word, int max_edits, std::vector<std::uint32_t>& out) const;

  // Sorts the words added since the last prefix lookup (otherwise done by that lookup).
  void prepare() const { ensure_sorted(); }

  std::size_t memory_bytes() const;

 private:
  struct Word {
    const std::string* folded;  // key inside word_ids_ (node-based map: the address is stable)
    std::uint32_t term;
    std::uint32_t display = kNone;  // index into displays_
  };
  // Words of one first byte and one length, stored contiguously so that the typo scan reads
  // arrays instead of following a pointer into word_ids_ per word: texts (all `length` bytes
  // each, back to back) and a letter-set mask per word that rejects most candidates before
  // the edit distance is computed.
  struct TypoBucket {
    std::vector<std::uint32_t> ids;
    std::vector<std::uint32_t> masks;
    std::string texts;
  };
  static std::uint64_t bucket_key(unsigned char first, std::size_t length) {
    return static_cast<std::uint64_t>(first) | static_cast<std::uint64_t>(length) << 8;
  }
  void ensure_sorted() const;

  std::unordered_map<std::string, std::uint32_t> word_ids_;
  std::vector<Word> words_;
  std::unordered_map<std::string, std::uint32_t> term_ids_;
  std::uint32_t term_count_ = 0;
  std::vector<std::string> displays_;
  std::unordered_map<std::uint64_t, TypoBucket> typo_buckets_;  // by bucket_key(); words are never removed
  mutable Stemmer stemmer_;  // stemming a query word does not change the vocabulary
  mutable std::string scratch_;  // lookup key without an allocation per call
  mutable std::vector<std::uint32_t> sorted_;  // word ids in text order
};

}  // namespace support
