#include "static_files.h"

#include "accept_encoding.h"
#include "cache_policy.h"

#include <sys/stat.h>

#include <cctype>
#include <climits>
#include <cstdlib>
#include <fstream>
#include <memory>
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

bool is_regular_file(const std::string& path, struct stat& info) {
  return ::stat(path.c_str(), &info) == 0 && S_ISREG(info.st_mode);
}

bool read_file(const std::string& path, std::string& out) {
  std::ifstream input(path, std::ios::binary);
  if (!input) return false;
  std::stringstream content;
  content << input.rdbuf();
  if (!input.good() && !input.eof()) return false;
  out = content.str();
  return true;
}

bool is_older(const struct stat& a, const struct stat& b) {
  return a.st_mtim.tv_sec != b.st_mtim.tv_sec ? a.st_mtim.tv_sec < b.st_mtim.tv_sec : a.st_mtim.tv_nsec < b.st_mtim.tv_nsec;
}

// The build writes FILE.br and FILE.gz beside each compressible file; the best one the client
// accepts is sent as is (no compression per request). A missing one falls back to the next.
struct Variant {
  std::string file;
  const char* encoding;   // nullptr: the plain file
  struct stat info;
};

Variant pick_variant(const std::string& root, const std::string& file, const struct stat& plain_info,
                     const std::string& accept_encoding) {
  static const char* const kEncodings[][2] = {{"br", ".br"}, {"gzip", ".gz"}};
  for (const auto& [encoding, suffix] : kEncodings) {
    if (!accepts_encoding(accept_encoding, encoding)) continue;
    Variant v{canonical_path(file + suffix), encoding, {}};
    // Like the plain file, a precompressed copy must really live inside the web folder, and it
    // must not be older than the file: a file edited after the build is sent as it is now.
    if (!v.file.empty() && v.file.compare(0, root.size() + 1, root + "/") == 0 && is_regular_file(v.file, v.info) &&
        !is_older(v.info, plain_info))
      return v;
  }
  return {file, nullptr, plain_info};
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

    const Variant variant = pick_variant(root, file, info, request.get_header_value("Accept-Encoding"));
    // One ETag per file version and encoding: a gzip copy must never satisfy a brotli request.
    const std::string etag = "\"" + std::to_string(variant.info.st_size) + "-" +
                             std::to_string(static_cast<long long>(variant.info.st_mtim.tv_sec)) + "." +
                             std::to_string(variant.info.st_mtim.tv_nsec) +
                             (variant.encoding ? std::string("-") + variant.encoding : std::string()) + "\"";
    response.set_header("Cache-Control", cache_control_for(file));
    response.set_header("ETag", etag);
    // The answer depends on Accept-Encoding (and, through CORS, maybe on Origin): one Vary line.
    if (auto vary = response.headers.find("Vary"); vary != response.headers.end()) vary->second += ", Accept-Encoding";
    else response.set_header("Vary", "Accept-Encoding");
    response.set_header("X-Content-Type-Options", "nosniff");
    if (request.get_header_value("If-None-Match") == etag) {
      response.status = 304;
      return;
    }
    std::string content;
    if (!read_file(variant.file, content)) return send_text(response, 500, "cannot read file");
    response.status = 200;
    if (!variant.encoding) return response.set_content(content, content_type_for(file));
    // A content provider of known length is sent as is: httplib compresses only plain bodies,
    // so the precompressed bytes are not compressed a second time.
    response.set_header("Content-Encoding", variant.encoding);
    auto body = std::make_shared<std::string>(std::move(content));
    response.set_content_provider(body->size(), content_type_for(file),
                                  [body](std::size_t offset, std::size_t length, httplib::DataSink& sink) {
                                    return sink.write(body->data() + offset, length);
                                  });
  });
}

}  // namespace support::server
