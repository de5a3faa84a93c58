#include "config/escalation_settings.h"

namespace support {

std::string EscalationSettings::expanded_subject_prefix() const {
  static const std::string placeholder = "{name}";
  std::string result;
  std::size_t from = 0;
  for (;;) {
    std::size_t at = subject_prefix.find(placeholder, from);
    if (at == std::string::npos) break;
    result.append(subject_prefix, from, at - from);
    result += contact_name;
    from = at + placeholder.size();
  }
  result.append(subject_prefix, from, std::string::npos);
  return result;
}

}  // namespace support
