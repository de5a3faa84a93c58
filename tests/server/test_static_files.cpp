#include "api_test_helpers.h"

#include <filesystem>
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
    CHECK(result->get_header_value("Cache-Control") == "no-cache");
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
