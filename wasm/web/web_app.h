#pragma once
// The one widget app a wasm module drives, shared by the customer's entry points
// (widget_exports.cpp) and the staff preview's (preview_exports.cpp, in the preview build only).
#include "widget_app.h"

#include <nlohmann/json.hpp>

#include <string>

namespace web {

app::WidgetApp& widget_app();   // after widget_init

// Keeps `value` as JSON text in `slot` and returns it for the page glue to read: the pointer
// stays valid until the same slot is used again.
const char* keep(std::string& slot, const nlohmann::json& value);

}  // namespace web
