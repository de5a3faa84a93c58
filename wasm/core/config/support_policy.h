#pragma once
// Limits the form enforces. The minimum description length can be tuned per category.
#include <map>
#include <string>

namespace support {

struct FieldLimits {
  int name = 100;
  int email = 254;
  int subject = 150;
  int description = 10000;
  int extra_field = 500;  // fields other than the four standard ones
};

struct SupportPolicy {
  FieldLimits max_lengths;
  int default_min_description_length = 20;
  std::map<std::string, int> category_min_description_length;  // category id -> minimum
};

}  // namespace support
