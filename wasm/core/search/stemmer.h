#pragma once
// English stemming with Snowball's "english" (Porter 2) stemmer: "passwords", "password"
// -> "password"; "troubleshooting" -> "troubleshoot". Input is a folded word (tokenizer.h).
#include <string>
#include <string_view>

struct SN_env;

namespace support {

class Stemmer {
 public:
  Stemmer();
  ~Stemmer();
  Stemmer(const Stemmer&) = delete;
  Stemmer& operator=(const Stemmer&) = delete;

  // The stem of `word`. Words with digits or non-Latin letters come back unchanged.
  std::string stem(std::string_view word);

 private:
  SN_env* env_;
};

}  // namespace support
