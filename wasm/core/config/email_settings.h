#pragma once
// What customers need to know so our emails reach them. Data only for now: flows and texts use it.
#include <string>
#include <vector>

namespace support {

struct SpamFolderAdvice {
  std::string provider;  // e.g. "gmail"
  std::string text_key;  // e.g. "email.advice.gmail"
};

struct EmailSettings {
  std::string support_domain;  // the domain customers should whitelist
  std::vector<SpamFolderAdvice> spam_folder_advice;
};

}  // namespace support
