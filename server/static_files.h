#pragma once
// Serves the widget's built files (loader, widget.mjs, widget.wasm, fonts, demo page) from one
// folder. Only files inside that folder are ever read: ".." segments, hidden files and symlinks
// that lead outside are refused.
#include "cors_policy.h"

#include <httplib.h>

#include <string>

namespace support::server {

// Content type by file extension; application/octet-stream for unknown ones.
const char* content_type_for(const std::string& path);

// GET/HEAD for every path not taken by an earlier route; "/" is web_dir/demo/index.html.
// The widget's files are loaded by pages of other sites (module import, wasm, fonts, config,
// KB file all need CORS there), so every answer carries the same CORS policy as the API.
void register_static_files(httplib::Server& server, const std::string& web_dir, const CorsPolicy& cors);

}  // namespace support::server
