#pragma once
// One of the company's products, e.g. a plugin, with the tutorial customers should watch first.
#include <string>

namespace support {

struct Product {
  std::string id;
  std::string name;
  std::string tutorial_url;
};

}  // namespace support
