#include "ticket/validation_messages.h"

#include <utility>

namespace support {

std::vector<std::string> apply_validation_message_overrides(ValidationMessages& messages,
                                                            const nlohmann::json& texts) {
  std::vector<std::string> unused;
  if (!texts.is_object()) return unused;
  const std::pair<const char*, std::string*> slots[] = {
      {"required", &messages.required},
      {"too_short", &messages.too_short},
      {"too_long", &messages.too_long},
      {"too_many", &messages.too_many},
      {"invalid_email", &messages.invalid_email},
      {"invalid_characters", &messages.invalid_characters},
      {"invalid_encoding", &messages.invalid_encoding},
      {"invalid_type", &messages.invalid_type},
  };
  for (const auto& [key, value] : texts.items()) {
    bool used = false;
    for (const auto& [name, slot] : slots) {
      if (key == name && value.is_string()) {
        *slot = value.get<std::string>();
        used = true;
      }
    }
    if (!used) unused.push_back(key);
  }
  return unused;
}

std::string format_validation_message(const std::string& message_template,
                                      const std::map<std::string, std::string>& values) {
  std::string out;
  out.reserve(message_template.size());
  std::size_t pos = 0;
  while (pos < message_template.size()) {
    const std::size_t open = message_template.find('{', pos);
    if (open == std::string::npos) break;
    const std::size_t close = message_template.find('}', open + 1);
    if (close == std::string::npos) break;
    out.append(message_template, pos, open - pos);
    const auto found = values.find(message_template.substr(open + 1, close - open - 1));
    if (found != values.end()) {
      out += found->second;
    } else {
      out.append(message_template, open, close - open + 1);
    }
    pos = close + 1;
  }
  out.append(message_template, pos, std::string::npos);
  return out;
}

}  // namespace support
