#pragma once
// Parses one JSON text without exceptions (wasm builds cannot catch them) and with a nesting
// limit, so arbitrary bytes from a site owner's file can never crash or exhaust the widget.
// On failure it says where and why in words a site owner can act on.
#include <cstddef>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

namespace support {

struct SafeJsonParse {
  nlohmann::json value;      // the parsed value when `ok`
  bool ok = false;
  bool too_deep = false;     // stopped because arrays/objects nested deeper than the limit
  bool incomplete = false;   // the text ended in the middle of a value (it may go on elsewhere)
  std::size_t line = 0;      // 1-based place of a syntax error (columns count bytes); 0 when too deep
  std::size_t column = 0;
  std::string error;         // e.g. "syntax error while parsing object key - invalid literal; last read: '{x'"
                             // always ASCII: other bytes are shown as \xNN
};

SafeJsonParse safe_json_parse(std::string_view text, std::size_t max_depth);

}  // namespace support
