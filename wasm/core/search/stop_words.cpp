#include "search/stop_words.h"

#include <algorithm>
#include <array>
#include <iterator>

namespace support {
namespace {

// Classic English stop list (Snowball's, in tokenizer spelling without apostrophes) plus a
// few words that are pure politeness or filler in support questions ("please", "thanks").
// Kept sorted for binary search.
constexpr std::string_view kStopWords[] = {
    "a", "about", "above", "after", "again", "against", "all", "also", "am", "an",
    "and", "any", "anyone", "are", "arent", "as", "at", "be", "because", "been",
    "before", "being", "below", "between", "both", "but", "by", "can", "cant", "could",
    "couldnt", "did", "didnt", "do", "does", "doesnt", "doing", "dont", "down", "during",
    "each", "few", "for", "from", "further", "get", "got", "had", "hadnt", "has",
    "hasnt", "have", "havent", "having", "he", "hello", "her", "here",
    "heres", "hers", "herself", "hes", "hi", "him", "himself", "his", "how", "hows",
    "i", "if", "im", "in", "into", "is", "isnt", "it",
    "its", "itself", "ive", "just", "lets", "me", "more", "most", "mustnt", "my",
    "myself", "no", "nor", "not", "of", "off", "on", "once", "only", "or",
    "other", "ought", "our", "ours", "ourselves", "out", "over", "own", "please", "same",
    "shant", "she", "shes", "should", "shouldnt", "so", "some", "someone",
    "such", "than", "thank", "thanks", "that", "thats", "the", "their", "theirs", "them",
    "themselves", "then", "there", "theres", "these", "they", "theyd", "theyll", "theyre", "theyve",
    "this", "those", "through", "to", "too", "under", "until", "up", "very", "want",
    "wants", "was", "wasnt", "way", "we", "were", "werent", "weve",
    "what", "whats", "when", "whens", "where", "wheres", "which", "while", "who", "whom",
    "whos", "why", "whys", "with", "wont", "would", "wouldnt", "you", "youd", "youll",
    "your", "youre", "yours", "yourself", "yourselves", "youve"};

}  // namespace

bool is_stop_word(std::string_view folded) {
  return std::binary_search(std::begin(kStopWords), std::end(kStopWords), folded);
}

}  // namespace support
