#pragma once
// Who the widget speaks for. Every name shown to customers comes from here, never from code.
#include <string>

namespace support {

struct BrandColors {
  std::string primary = "#2b6cb0";     // "#rrggbb"
  std::string accent = "#38a169";
  std::string background = "#ffffff";
  std::string text = "#1a202c";
};

struct Brand {
  std::string company_name;
  std::string product_family;  // e.g. "plugins"
  BrandColors colors;
};

}  // namespace support
