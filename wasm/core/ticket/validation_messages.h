#pragma once
// The texts a customer sees for field problems. English defaults; a site overrides them from its
// configuration texts (so translations and tone live in configuration, not in code).
// Templates may use {min} and {max}; unknown placeholders are left as they are.
#include <nlohmann/json.hpp>

#include <map>
#include <string>
#include <vector>

namespace support {

struct ValidationMessages {
  std::string required = "Please fill in this field.";
  std::string too_short = "Please enter at least {min} characters.";
  std::string too_long = "Please use at most {max} characters.";
  std::string too_many = "Please include at most {max} entries.";
  std::string invalid_email = "Please enter a valid email address, like name@example.com.";
  std::string invalid_characters = "Please remove line breaks and control characters from this field.";
  std::string invalid_encoding = "This text could not be read. Please type it again.";
  std::string invalid_type = "This field has an unexpected format.";
};

// Replaces each key of `texts` that names a message ("required", "too_short", ...) and holds a
// string. Returns the keys it did not use, so a configuration linter can point at typos.
std::vector<std::string> apply_validation_message_overrides(ValidationMessages& messages,
                                                            const nlohmann::json& texts);

// "Please enter at least {min} characters." + {{"min","20"}} -> "Please enter at least 20 characters."
std::string format_validation_message(const std::string& message_template,
                                      const std::map<std::string, std::string>& values);

}  // namespace support
