#include "static_files.h"

#include <sys/stat.h>

#include <cctype>
#include <climits>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string_view>

namespace support::server {
namespace {

bool ends_with(const std::string& text, std::string_view suffix) {
  return text.size() >= suffix.size() && text.compare(text.size() - suffix.size(), suffix.size(), suffix) == 0;
}

std::string canonical_path(const std::string& path) {
  char resolved[PATH_MAX];
  return ::realpath(path.c_str(), resolved) ? std::string(resolved) : std::string();
}

// Rejects anything that could name a file outside the web folder or a hidden one (.git, .env).
bool is_safe_request_path(const std::string& path) {
  if (path.empty() || path.front() != '/') return false;
  if (path.find('\0') != std::string::npos || path.find('\\') != std::string::npos) return false;
  std::size_t start = 1;
  while (start <= path.size()) {
    const std::size_t slash = path.find('/', start);
    const std::size_t end = slash == std::string::npos ? path.size() : slash;
    const std::string_view segment(path.data() + start, end - start);
    if (!segment.empty() && segment.front() == '.') return false;  // ".", "..", hidden files
    if (slash == std::string::npos) break;
    start = slash + 1;
  }
  return true;
}

void send_text(httplib::Response& response, int status, const std::string& text) {
  response.status = status;
  response.set_content(text + "\n", "text/plain; charset=utf-8");
}

}  // namespace

const char* content_type_for(const std::string& path) {
  struct Type {
    std::string_view extension;
    const char* content_type;
  };
  static const Type kTypes[] = {
      {".html", "text/html; charset=utf-8"},  {".htm", "text/html; charset=utf-8"},
      {".js", "text/javascript; charset=utf-8"}, {".mjs", "text/javascript; charset=utf-8"},
      {".wasm", "application/wasm"},           {".css", "text/css; charset=utf-8"},
      {".json", "application/json"},           {".map", "application/json"},
      {".svg", "image/svg+xml"},               {".png", "image/png"},
      {".jpg", "image/jpeg"},                  {".jpeg", "image/jpeg"},
      {".gif", "image/gif"},                   {".webp", "image/webp"},
      {".ico", "image/x-icon"},                {".ttf", "font/ttf"},
      {".otf", "font/otf"},                    {".woff", "font/woff"},
      {".woff2", "font/woff2"},                {".txt", "text/plain; charset=utf-8"},
      {".md", "text/markdown; charset=utf-8"},
  };
  const std::string lower = [&] {
    std::string s = path;
    for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
  }();
  for (const Type& type : kTypes) {
    if (ends_with(lower, type.extension)) return type.content_type;
  }
  return "application/octet-stream";
}

void register_static_files(httplib::Server& server, const std::string& web_dir, const CorsPolicy& cors) {
  server.Get(R"(/.*)", [web_dir, &cors](const httplib::Request& request, httplib::Response& response) {
    cors.apply(request, response);
    if (web_dir.empty()) return send_text(response, 404, "not found (the server was started without --web)");
    // Resolved per request: the folder may be (re)built while the server runs.
    const std::string root = canonical_path(web_dir);
    if (root.empty()) return send_text(response, 404, "not found (the web folder does not exist yet)");
    const std::string request_path = request.path == "/" ? "/demo/index.html" : request.path;
    if (!is_safe_request_path(request_path)) return send_text(response, 400, "invalid path");

    std::string file = canonical_path(root + request_path);
    struct stat info {};
    if (!file.empty() && ::stat(file.c_str(), &info) == 0 && S_ISDIR(info.st_mode)) {
      file = canonical_path(file + "/index.html");
    }
    // realpath resolved symlinks: whatever it names must still be inside the web folder.
    if (file.empty() || file.compare(0, root.size() + 1, root + "/") != 0 || ::stat(file.c_str(), &info) != 0 ||
        !S_ISREG(info.st_mode)) {
      return send_text(response, 404, "not found");
    }

    // File names are stable (not content-hashed), so let browsers keep a copy but revalidate it.
    const std::string etag = "\"" + std::to_string(info.st_size) + "-" +
                             std::to_string(static_cast<long long>(info.st_mtim.tv_sec)) + "." +
                             std::to_string(info.st_mtim.tv_nsec) + "\"";
    response.set_header("Cache-Control", "no-cache");
    response.set_header("ETag", etag);
    response.set_header("X-Content-Type-Options", "nosniff");
    if (request.get_header_value("If-None-Match") == etag) {
      response.status = 304;
      return;
    }
    std::ifstream input(file, std::ios::binary);
    std::stringstream content;
    content << input.rdbuf();
    if (!input.good() && !input.eof()) return send_text(response, 500, "cannot read file");
    response.status = 200;
    response.set_content(content.str(), content_type_for(file));
  });
}

}  // namespace support::server
