#include "api_test_helpers.h"

#include <filesystem>
#include <chrono>
#include <fstream>

using namespace support_test;

namespace {

void write_file(const std::string& path, const std::string& content) {
  std::filesystem::create_directories(std::filesystem::path(path).parent_path());
  std::ofstream(path, std::ios::binary) << content;
}

}  // namespace

TEST_CASE("static files: content types, / is the demo page, no way out of the web folder") {
  RunningServer api([](const std::string& root) {
    const std::string web = root + "/web";
    write_file(web + "/demo/index.html", "<!doctype html><title>demo</title>");
    write_file(web + "/widget.wasm", std::string("\0asm\1\0\0\0", 8));
    write_file(web + "/widget.mjs", "export default 1;");
    write_file(web + "/loader.js", "console.log(1);");
    write_file(web + "/style.css", "body{}");
    write_file(web + "/fonts/inter.ttf", "ttf");
    write_file(web + "/widget/assets/config/default.json", R"({"default":true})");
    write_file(web + "/.env", "hidden");
    write_file(root + "/secret.txt", "top secret");
    std::filesystem::create_directory_symlink(root, web + "/escape");
    return std::vector<std::string>{"--web", web};
  });
  httplib::Client& client = api.client();

  const struct {
    const char* path;
    const char* type;
  } expected[] = {
      {"/", "text/html; charset=utf-8"},
      {"/demo/index.html", "text/html; charset=utf-8"},
      {"/demo/", "text/html; charset=utf-8"},
      {"/widget.wasm", "application/wasm"},
      {"/widget.mjs", "text/javascript; charset=utf-8"},
      {"/loader.js", "text/javascript; charset=utf-8"},
      {"/style.css", "text/css; charset=utf-8"},
      {"/fonts/inter.ttf", "font/ttf"},
  };
  for (const auto& e : expected) {
    CAPTURE(e.path);
    const httplib::Result result = client.Get(e.path);
    REQUIRE(result);
    CHECK(result->status == 200);
    CHECK(result->get_header_value("Content-Type") == e.type);
    CHECK(result->has_header("ETag"));
  }
  CHECK(client.Get("/widget.wasm")->body.size() == 8);

  const httplib::Result cached = client.Get("/widget.wasm", {{"If-None-Match", client.Get("/widget.wasm")->get_header_value("ETag")}});
  CHECK(cached->status == 304);

  for (const char* path : {"/../secret.txt", "/%2e%2e/secret.txt", "/demo/../../secret.txt", "/..%2fsecret.txt",
                           "/escape/secret.txt", "/.env", "/%2e%65nv", "/missing.js", "/demo/..%5c..%5csecret.txt"}) {
    CAPTURE(path);
    const httplib::Result result = client.Get(path);
    REQUIRE(result);
    CHECK(result->status >= 400);
    CHECK(result->body.find("top secret") == std::string::npos);
    CHECK(result->body.find("hidden") == std::string::npos);
  }

  // Without --config the web folder's default configuration is served.
  const httplib::Result config = client.Get("/api/config");
  REQUIRE(config);
  CHECK(config->status == 200);
  CHECK(body_json(config)["default"] == true);
}

// The widget is embedded in other sites' pages: its module, wasm, fonts and configuration are
// fetched cross-origin, so the static files must carry the same CORS answer as the API.
TEST_CASE("static files: CORS for the embedding origins the server allows") {
  TempDir root;
  const std::string web = root.path() + "/web";
  write_file(web + "/widget/widget-host.js", "export const x = 1;");
  write_file(web + "/widget/widget.wasm", std::string("\0asm\1\0\0\0", 8));

  SUBCASE("any origin by default") {
    ServerProcess server(root.path() + "/data", {"--web", web});
    httplib::Client client = server.client();
    for (const char* path : {"/widget/widget-host.js", "/widget/widget.wasm", "/widget/missing.js"}) {
      CAPTURE(path);
      const httplib::Result result = client.Get(path, {{"Origin", "https://shop.example"}});
      REQUIRE(result);
      CHECK(result->get_header_value("Access-Control-Allow-Origin") == "*");
    }
  }
  SUBCASE("only the listed origins when --allow-origin is given") {
    ServerProcess server(root.path() + "/data", {"--web", web, "--allow-origin", "https://shop.example"});
    httplib::Client client = server.client();
    const httplib::Result allowed = client.Get("/widget/widget-host.js", {{"Origin", "https://shop.example"}});
    REQUIRE(allowed);
    CHECK(allowed->status == 200);
    CHECK(allowed->get_header_value("Access-Control-Allow-Origin") == "https://shop.example");
    CHECK(allowed->get_header_value("Vary").find("Origin") != std::string::npos);
    const httplib::Result other = client.Get("/widget/widget-host.js", {{"Origin", "https://evil.example"}});
    REQUIRE(other);
    CHECK_FALSE(other->has_header("Access-Control-Allow-Origin"));
  }
}

namespace {

httplib::Result get_encoded(httplib::Client& client, const char* path, const char* accept_encoding,
                            const std::string& if_none_match = "") {
  httplib::Headers headers{{"Accept-Encoding", accept_encoding}};
  if (!if_none_match.empty()) headers.emplace("If-None-Match", if_none_match);
  return client.Get(path, headers);
}

}  // namespace

// The build writes FILE.br and FILE.gz beside each compressible file; the server sends the best
// one the browser accepts, exactly as written, and says so (Content-Encoding, Vary).
TEST_CASE("static files: precompressed copies by Accept-Encoding, with a fallback to the plain file") {
  TempDir root;
  const std::string web = root.path() + "/web";
  const std::string wasm = web + "/widget/widget.0123456789ab.wasm";
  write_file(wasm, std::string("\0asm\1\0\0\0", 8));
  write_file(wasm + ".br", "brotli bytes");
  write_file(wasm + ".gz", "gzip bytes");
  write_file(web + "/widget/only-gzip.js", "export const plain = 1;");
  write_file(web + "/widget/only-gzip.js.gz", "gzip of the module");
  write_file(web + "/widget/assets/fonts/inter.otf", "plain font bytes");

  // A file edited after the build: its copies are older, so they are stale and not sent.
  write_file(web + "/widget/assets/config/default.json.br", "stale brotli");
  write_file(web + "/widget/assets/config/default.json.gz", "stale gzip");
  std::filesystem::last_write_time(web + "/widget/assets/config/default.json.br",
                                   std::filesystem::file_time_type::clock::now() - std::chrono::hours(1));
  std::filesystem::last_write_time(web + "/widget/assets/config/default.json.gz",
                                   std::filesystem::file_time_type::clock::now() - std::chrono::hours(1));
  write_file(web + "/widget/assets/config/default.json", R"({"edited":true})");

  ServerProcess server(root.path() + "/data", {"--web", web});
  httplib::Client client = server.client();
  client.set_decompress(false);   // look at the bytes as sent (they are stand-ins, not real brotli)
  {
    httplib::Client decoding = server.client();   // the plain file may be compressed on the fly
    const httplib::Result edited = get_encoded(decoding, "/widget/assets/config/default.json", "br, gzip");
    REQUIRE(edited);
    CHECK(edited->status == 200);
    CHECK(edited->body == R"({"edited":true})");
  }
  const char* path = "/widget/widget.0123456789ab.wasm";

  const struct {
    const char* accept;
    const char* body;
    const char* encoding;
  } cases[] = {
      {"gzip, deflate, br", "brotli bytes", "br"},
      {"br;q=1.0, gzip;q=0.5", "brotli bytes", "br"},
      {"gzip", "gzip bytes", "gzip"},
      {"br;q=0, gzip", "gzip bytes", "gzip"},
      {"*", "brotli bytes", "br"},
      {"*;q=0", "", ""},
      {"identity", "", ""},
      {"", "", ""},
  };
  for (const auto& c : cases) {
    CAPTURE(c.accept);
    const httplib::Result result = get_encoded(client, path, c.accept);
    REQUIRE(result);
    CHECK(result->status == 200);
    CHECK(result->get_header_value("Content-Type") == "application/wasm");
    CHECK(result->get_header_value("Content-Encoding") == c.encoding);
    CHECK(result->get_header_value("Vary").find("Accept-Encoding") != std::string::npos);
    if (*c.body) CHECK(result->body == c.body);
    else CHECK(result->body == std::string("\0asm\1\0\0\0", 8));
  }

  // Each encoding has its own ETag: a cached gzip copy is not taken for the brotli one.
  const std::string br_etag = get_encoded(client, path, "br")->get_header_value("ETag");
  const std::string gzip_etag = get_encoded(client, path, "gzip")->get_header_value("ETag");
  CHECK(br_etag != gzip_etag);
  CHECK(get_encoded(client, path, "br", br_etag)->status == 304);
  const httplib::Result other = get_encoded(client, path, "gzip", br_etag);
  CHECK(other->status == 200);
  CHECK(other->body == "gzip bytes");

  // A missing .br falls back to the .gz, a file without copies is sent plain.
  const httplib::Result module = get_encoded(client, "/widget/only-gzip.js", "br, gzip");
  CHECK(module->get_header_value("Content-Encoding") == "gzip");
  CHECK(module->body == "gzip of the module");
  const httplib::Result font = get_encoded(client, "/widget/assets/fonts/inter.otf", "br, gzip");
  CHECK(font->status == 200);
  CHECK_FALSE(font->has_header("Content-Encoding"));
  CHECK(font->body == "plain font bytes");
  CHECK(font->get_header_value("Vary").find("Accept-Encoding") != std::string::npos);
}

// Content-hashed names change with every build, so they are kept for a year; the loader and the
// configuration keep their names and live five minutes; pages are always revalidated.
TEST_CASE("static files: Cache-Control fits each kind of file") {
  TempDir root;
  const std::string web = root.path() + "/web";
  for (const char* f : {"/widget/widget.0123456789ab.wasm", "/widget/widget-host.a1b2c3d4e5f6.js",
                        "/widget/assets/fonts/inter-regular.ffffffffffff.otf", "/widget/loader.js",
                        "/widget/assets/config/default.json", "/demo/index.html", "/widget/widget.0123456789AB.wasm",
                        "/widget/widget.0123456789a.wasm", "/widget/0123456789ab.wasm"})
    write_file(web + f, "{}");   // also a configuration the server can read at start
  ServerProcess server(root.path() + "/data", {"--web", web});
  httplib::Client client = server.client();
  const struct {
    const char* path;
    const char* cache_control;
  } cases[] = {
      {"/widget/widget.0123456789ab.wasm", "public, max-age=31536000, immutable"},
      {"/widget/widget-host.a1b2c3d4e5f6.js", "public, max-age=31536000, immutable"},
      {"/widget/assets/fonts/inter-regular.ffffffffffff.otf", "public, max-age=31536000, immutable"},
      {"/widget/loader.js", "public, max-age=300"},
      {"/widget/assets/config/default.json", "public, max-age=300"},
      {"/", "no-cache"},
      {"/demo/", "no-cache"},
      {"/demo/index.html", "no-cache"},
      // Not the build's hash pattern (upper case, 11 digits, no name before it): short-lived.
      {"/widget/widget.0123456789AB.wasm", "public, max-age=300"},
      {"/widget/widget.0123456789a.wasm", "public, max-age=300"},
      {"/widget/0123456789ab.wasm", "public, max-age=300"},
  };
  for (const auto& c : cases) {
    CAPTURE(c.path);
    const httplib::Result result = client.Get(c.path);
    REQUIRE(result);
    CHECK(result->status == 200);
    CHECK(result->get_header_value("Cache-Control") == c.cache_control);
    CHECK(result->has_header("ETag"));
  }
}
