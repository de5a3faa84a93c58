#pragma once
// How long browsers may keep each static file. The build gives the widget's heavy files
// (wasm, its JS, fonts) content-hashed names such as widget.3f9a0c1b2d4e.wasm: a new build means
// a new name, so those are kept for a year without asking again. The loader (the one URL site
// owners paste) and the configuration keep their names, so they are short-lived; pages
// (HTML) are always revalidated.
#include <string>

namespace support::server {

// True for a file name whose last-but-one dot-separated part is a 12-digit hex content hash.
bool has_content_hash(const std::string& path);

// The Cache-Control value for a request path.
const char* cache_control_for(const std::string& path);

}  // namespace support::server
