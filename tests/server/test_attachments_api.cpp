// Files with a ticket through the real binary: accepted within the configuration's limits,
// refused field by field beyond them, stored apart from the ticket, listed for staff with their
// metadata, downloadable byte for byte, and part of what makes two requests the same.
#include "api_test_helpers.h"

#include "text/base64.h"

#include <cstdlib>
#include <set>
#include <string>

using namespace support_test;
using nlohmann::json;

namespace {

// Two categories: the plugin form takes PNG screenshots and text logs, the sales form no files.
const char* kConfig = R"({
  "brand": {"company_name": "Acme"}, "locales": {"default": "en"},
  "texts": {"en": {"t": "T", "f": "Files"}},
  "categories": [{"id": "plugin_issue", "title_key": "t", "flow": "p"}, {"id": "sales", "title_key": "t", "flow": "s"}],
  "flows": {
    "p": {"title_key": "t", "steps": [{"id": "form", "type": "form", "title_key": "t", "fields": [
      {"id": "name", "label_key": "t"}, {"id": "files", "label_key": "f", "type": "attachments"}]}]},
    "s": {"title_key": "t", "steps": [{"id": "form", "type": "form", "title_key": "t", "fields": [
      {"id": "name", "label_key": "t"}]}]}},
  "attachments": {"max_files": 3, "max_file_bytes": 40000, "max_total_bytes": 90000, "types": ["image/png", "text/plain"]}
})";

std::string png_bytes(std::size_t size) {
  std::string bytes = std::string("\x89PNG\r\n\x1a\n", 8);
  for (std::size_t i = bytes.size(); i < size; ++i) bytes += static_cast<char>(i * 7 % 256);
  return bytes;
}

json file_json(const std::string& name, const std::string& type, const std::string& bytes) {
  return {{"name", name}, {"type", type}, {"size", bytes.size()}, {"content", support::base64_encode(bytes)}};
}

json draft_with(const json& files, const std::string& category = "plugin_issue") {
  json draft = valid_draft();
  draft["category"] = category;
  draft["attachments"] = files;
  return draft;
}

std::set<std::pair<std::string, std::string>> field_codes(const httplib::Result& result) {
  std::set<std::pair<std::string, std::string>> codes;
  const json body = body_json(result);
  for (const json& e : body["errors"]) codes.insert({e["field"].get<std::string>(), e["code"].get<std::string>()});
  return codes;
}

}  // namespace

TEST_CASE("attachments: stored, listed for staff without their bytes, downloadable byte for byte") {
  RunningServer api(with_config(kConfig));
  httplib::Client& client = api.client();
  const std::string png = png_bytes(30000);
  const std::string log = "06:00:01 plugin loaded\n06:00:02 error: \"cache\" not writable\n";
  // Three files of 30 000 bytes make a body well over the 64 KiB default: the limit follows the configuration.
  const json files = {file_json("Screen shot.png", "image/png", png), file_json("debug.log", "", log),
                      file_json("second.png", "image/png", png_bytes(30000))};
  const httplib::Result created = post_json(client, "/api/tickets", draft_with(files));
  REQUIRE(created);
  INFO(created->body);
  REQUIRE(created->status == 201);
  const std::string id = body_json(created)["id"];

  const json ticket = body_json(client.Get(("/api/tickets/" + id).c_str(), api.staff_headers()));
  REQUIRE(ticket["attachments"].size() == 3);
  const json& first = ticket["attachments"][0];
  CHECK(first["name"] == "Screen shot.png");
  CHECK(first["type"] == "image/png");
  CHECK(first["size"] == 30000);
  CHECK(first["sha256"].get<std::string>().size() == 64);
  CHECK_FALSE(first.contains("content"));
  CHECK(first["url"] == "/api/tickets/" + id + "/attachments/0");
  CHECK(ticket["attachments"][1]["type"] == "text/plain");   // by its ending: the browser gave none
  CHECK(api.tickets()[0]["attachments"].size() == 3);        // the list shows the same

  const httplib::Result download = client.Get((first["url"].get<std::string>()).c_str(), api.staff_headers());
  REQUIRE(download);
  CHECK(download->status == 200);
  CHECK(download->body == png);
  CHECK(download->get_header_value("Content-Type") == "image/png");
  // cpp-httplib's client percent-decodes header values as it reads them: "%20" arrives as " ".
  CHECK(download->get_header_value("Content-Disposition") ==
        "attachment; filename=\"Screen shot.png\"; filename*=UTF-8''Screen shot.png");
  CHECK(download->get_header_value("X-Content-Type-Options") == "nosniff");
  const httplib::Result text = client.Get(("/api/tickets/" + id + "/attachments/1").c_str(), api.staff_headers());
  REQUIRE(text);
  CHECK(text->body == log);
  CHECK(text->get_header_value("Content-Type") == "text/plain");

  CHECK(client.Get(("/api/tickets/" + id + "/attachments/0").c_str())->status == 401);   // staff only
  CHECK(client.Get(("/api/tickets/" + id + "/attachments/3").c_str(), api.staff_headers())->status == 404);
  CHECK(client.Get("/api/tickets/t_nope/attachments/0", api.staff_headers())->status == 404);

  api.restart();   // on disk, not in memory
  const httplib::Result again = api.client().Get((first["url"].get<std::string>()).c_str(), api.staff_headers());
  REQUIRE(again);
  CHECK(again->body == png);
}

TEST_CASE("attachments: refused by type, content, size, count, total and category, each with its field") {
  RunningServer api(with_config(kConfig));
  httplib::Client& client = api.client();
  const std::string small = png_bytes(100);

  const httplib::Result bmp = post_json(client, "/api/tickets", draft_with(json::array({file_json("screenshot.bmp", "image/bmp", "BM..")})));
  REQUIRE(bmp);
  CHECK(bmp->status == 422);
  CHECK(field_codes(bmp) == std::set<std::pair<std::string, std::string>>{{"attachments[0]", "type_not_accepted"}});
  CHECK(body_json(bmp)["errors"][0]["message"] == "screenshot.bmp: this type of file is not accepted (accepted: PNG, text/log).");

  const httplib::Result fake = post_json(client, "/api/tickets", draft_with(json::array({file_json("shot.png", "image/png", "GIF89a...")})));
  CHECK(field_codes(fake) == std::set<std::pair<std::string, std::string>>{{"attachments[0]", "content_mismatch"}});

  const httplib::Result large = post_json(client, "/api/tickets", draft_with(json::array({file_json("big.png", "image/png", png_bytes(40001))})));
  CHECK(field_codes(large) == std::set<std::pair<std::string, std::string>>{{"attachments[0]", "too_large"}});
  CHECK(body_json(large)["errors"][0]["message"].get<std::string>().find("39 KB") != std::string::npos);

  const json four = {file_json("a.png", "image/png", small), file_json("b.png", "image/png", small),
                     file_json("c.png", "image/png", small), file_json("d.png", "image/png", small)};
  CHECK(field_codes(post_json(client, "/api/tickets", draft_with(four))) ==
        std::set<std::pair<std::string, std::string>>{{"attachments[3]", "too_many"}});

  const json heavy = {file_json("a.png", "image/png", png_bytes(35000)), file_json("b.png", "image/png", png_bytes(35000)),
                      file_json("c.png", "image/png", png_bytes(35000))};
  CHECK(field_codes(post_json(client, "/api/tickets", draft_with(heavy))) ==
        std::set<std::pair<std::string, std::string>>{{"attachments[2]", "total_too_large"}});

  CHECK(field_codes(post_json(client, "/api/tickets", draft_with(json::array({file_json("a.png", "image/png", small)}), "sales"))) ==
        std::set<std::pair<std::string, std::string>>{{"attachments[0]", "not_accepted"}});

  json lying = draft_with(json::array({file_json("a.png", "image/png", small)}));
  lying["attachments"][0]["size"] = 5;
  CHECK(field_codes(post_json(client, "/api/tickets", lying)) ==
        std::set<std::pair<std::string, std::string>>{{"attachments[0]", "size_mismatch"}});

  const httplib::Result shape = post_json(client, "/api/tickets", draft_with(json::array({{{"name", "a.png"}}})));
  CHECK(field_codes(shape) == std::set<std::pair<std::string, std::string>>{{"attachments", "invalid_type"}});

  CHECK(api.tickets().empty());   // nothing refused was stored

  // Past what any allowed ticket needs: 413 before the JSON is read.
  json huge = valid_draft();
  huge["description"] = std::string(200000, 'x');
  const httplib::Result too_big = post_json(client, "/api/tickets", huge);
  REQUIRE(too_big);
  CHECK(too_big->status == 413);
}

TEST_CASE("attachments: the idempotency key covers the files") {
  RunningServer api(with_config(kConfig));
  httplib::Client& client = api.client();
  const httplib::Headers key = {{"Idempotency-Key", "files-key-1"}};
  const json with_png = draft_with(json::array({file_json("a.png", "image/png", png_bytes(500))}));
  const httplib::Result first = post_json(client, "/api/tickets", with_png, key);
  REQUIRE(first);
  REQUIRE(first->status == 201);
  const httplib::Result repeat = post_json(client, "/api/tickets", with_png, key);
  REQUIRE(repeat);
  CHECK(repeat->status == 200);
  CHECK(body_json(repeat)["id"] == body_json(first)["id"]);

  // Same name and size, other bytes: another request.
  std::string other = png_bytes(500);
  other[400] = static_cast<char>(other[400] ^ 1);
  const httplib::Result changed = post_json(client, "/api/tickets", draft_with(json::array({file_json("a.png", "image/png", other)})), key);
  REQUIRE(changed);
  CHECK(changed->status == 422);
  CHECK(body_json(changed)["code"] == "idempotency_key_reused");
  const httplib::Result without = post_json(client, "/api/tickets", draft_with(json::array()), key);
  CHECK(body_json(without)["code"] == "idempotency_key_reused");
  CHECK(api.tickets().size() == 1);
}

// Both stores keep the files (each in its own table, in the ticket's transaction): the same
// ticket with a file is stored, and the file comes back byte for byte, whichever store runs.
TEST_CASE("attachments: stored with either store, SQLite or PostgreSQL") {
  RunningServer api(with_config(kConfig));
  const std::string png = png_bytes(2000);
  const httplib::Result result =
      post_json(api.client(), "/api/tickets", draft_with(json::array({file_json("shot.png", "image/png", png)})));
  REQUIRE(result);
  const char* store = std::getenv("SUPPORT_TEST_STORE");
  INFO("store: " << (store ? store : "sqlite") << ", answer: " << result->body);
  REQUIRE(result->status == 201);
  const std::string id = body_json(result)["id"];
  const httplib::Result download =
      api.client().Get(("/api/tickets/" + id + "/attachments/0").c_str(), api.staff_headers());
  REQUIRE(download);
  CHECK(download->status == 200);
  CHECK(download->body == png);
  CHECK(api.tickets().size() == 1);
}
