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
  // The widget's text font, as a CSS font-family list: the system's interface font by default
  // (what the customer's other apps use), or a font the host page loads (the site's own).
  std::string font_family = "system-ui, -apple-system, \"Segoe UI\", Roboto, \"Noto Sans\", Arial, sans-serif";
};

}  // namespace support
