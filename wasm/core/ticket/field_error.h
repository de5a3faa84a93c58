#pragma once
#include <string>
#include <vector>

namespace support {

// One problem with one field, in the shape the API returns: {"field","code","message"}.
struct FieldError {
  std::string field;    // "email", "description", ...
  std::string code;     // machine-readable: "required", "too_short", "too_long", "invalid_email", ...
  std::string message;  // for people, already in the customer's language
};

using FieldErrors = std::vector<FieldError>;

}  // namespace support
