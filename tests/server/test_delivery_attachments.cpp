// The forwarder hands a ticket's stored files to the connector: through the real binary, a ticket
// with a screenshot and a log reaches the webhook receiver with both files, byte for byte, in
// the signed body, read back from either store (SQLite or PostgreSQL).
#include "api_test_helpers.h"
#include "postgres_instance.h"
#include "relay_server_config.h"

#include <openssl/evp.h>

using namespace support_test;
using nlohmann::json;

namespace {

const char* kWidgetConfig = R"({
  "brand": {"company_name": "Acme"}, "locales": {"default": "en"}, "texts": {"en": {"t": "T"}},
  "categories": [{"id": "plugin_issue", "title_key": "t", "flow": "p"}],
  "flows": {"p": {"title_key": "t", "steps": [{"id": "form", "type": "form", "title_key": "t",
    "fields": [{"id": "name", "label_key": "t"}, {"id": "files", "label_key": "t", "type": "attachments"}]}]}}
})";

// Base64 with OpenSSL, so this test does not lean on the code it checks.
std::string base64(const std::string& bytes) {
  std::string out(4 * ((bytes.size() + 2) / 3), '\0');
  const int n = EVP_EncodeBlock(reinterpret_cast<unsigned char*>(out.data()),
                                reinterpret_cast<const unsigned char*>(bytes.data()), static_cast<int>(bytes.size()));
  out.resize(static_cast<std::size_t>(n));
  return out;
}

// `store_args`: {} for SQLite, {"--database", URL} for PostgreSQL.
void check_files_reach_the_webhook(const std::vector<std::string>& store_args) {
  TempDir data;
  WebhookReceiver receiver(kWebhookSecret);
  write_file(data.path() + "/widget.json", kWidgetConfig);
  ServerProcess server(data.path(), [&] {
    std::vector<std::string> args = server_config_args(data, webhook_relay_config(receiver.url()));
    args.insert(args.end(), {"--config", data.path() + "/widget.json"});
    args.insert(args.end(), store_args.begin(), store_args.end());
    return args;
  }());
  const std::string png = std::string("\x89PNG\r\n\x1a\n", 8) + std::string("\0\x01\xfe\xff", 4);
  const std::string log = "first line\nsecond line\n";
  json draft = valid_draft("With files");
  draft["category"] = "plugin_issue";
  draft["attachments"] = {{{"name", "shot.png"}, {"type", "image/png"}, {"size", png.size()}, {"content", base64(png)}},
                          {{"name", "debug.log"}, {"type", "text/plain"}, {"size", log.size()}, {"content", base64(log)}}};
  httplib::Client client = server.client();
  const httplib::Result created = post_json(client, "/api/tickets", draft);
  REQUIRE(created);
  INFO(created->body);
  REQUIRE(created->status == 201);
  REQUIRE(wait_until([&] { return receiver.stored().size() == 1; }, 5000));
  CHECK(receiver.bad_signatures() == 0);
  const json files = receiver.stored()[0]["ticket"]["attachments"];
  REQUIRE(files.size() == 2);
  CHECK(files[0]["name"] == "shot.png");
  CHECK(files[0]["content"] == base64(png));
  CHECK(files[0]["sha256"].get<std::string>().size() == 64);
  CHECK(files[1]["name"] == "debug.log");
  CHECK(files[1]["content"] == base64(log));
}

}  // namespace

TEST_CASE("delivery: the files of a ticket reach the webhook inside the signed body") {
  check_files_reach_the_webhook({});
}

TEST_CASE("delivery: the files of a ticket reach the webhook from the PostgreSQL store too") {
  PostgresInstance postgres;
  check_files_reach_the_webhook({"--database", postgres.fresh_schema_url()});
}
