#include "search/stemmer.h"

extern "C" {
#include "api.h"
}
#include "stem_UTF_8_english.h"

namespace support {

Stemmer::Stemmer() : env_(english_UTF_8_create_env()) {}

Stemmer::~Stemmer() {
  if (env_) english_UTF_8_close_env(env_);
}

std::string Stemmer::stem(std::string_view word) {
  // The English rules only make sense for ASCII letters; leave numbers, codes ("utf8",
  // "404") and other scripts alone. Very short words have no suffix to strip.
  if (!env_ || word.size() < 3) return std::string(word);
  for (char c : word)
    if (c < 'a' || c > 'z') return std::string(word);
  if (SN_set_current(env_, static_cast<int>(word.size()), reinterpret_cast<const symbol*>(word.data())) != 0)
    return std::string(word);
  if (english_UTF_8_stem(env_) < 0) return std::string(word);
  return std::string(reinterpret_cast<const char*>(env_->p), static_cast<std::size_t>(env_->l));
}

}  // namespace support
