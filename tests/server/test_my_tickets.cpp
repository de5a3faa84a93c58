// Identity tokens and "My tickets": only a valid, unexpired token signed with the server's
// secret lists tickets, and only that customer's.
#include "api_test_helpers.h"
#include "identity_token.h"

#include <chrono>
#include <cstdlib>
#include <fstream>

using namespace support_test;
using support::server::CustomerIdentity;
using support::server::sign_identity_token;
using support::server::verify_identity_token;
using nlohmann::json;

namespace {

const std::string kSecret = "a-secret-shared-with-the-site-0123456789";

std::int64_t now_s() {
  return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch()).count();
}

std::string token_for(const std::string& email, std::int64_t exp_offset = 3600, const std::string& secret = kSecret) {
  return sign_identity_token({email, "Ada", "cust-7", now_s() + exp_offset}, secret);
}

}  // namespace

TEST_CASE("identity token: signature, expiry and shape are checked") {
  const std::string good = token_for("ada@example.com");
  const auto ok = verify_identity_token(good, kSecret, now_s());
  REQUIRE(ok.identity);
  CHECK(ok.identity->email == "ada@example.com");
  CHECK(ok.identity->name == "Ada");
  CHECK(ok.identity->customer_id == "cust-7");

  CHECK_FALSE(verify_identity_token(good, "another-secret-of-enough-length", now_s()).identity);
  CHECK_FALSE(verify_identity_token(token_for("ada@example.com", -1), kSecret, now_s()).identity);
  CHECK_FALSE(verify_identity_token(good, "", now_s()).identity);   // no secret configured: nothing accepted

  // A payload changed after signing (another email) fails, whatever the signature part.
  std::string forged = token_for("eve@example.com");
  forged = forged.substr(0, forged.rfind('.')) + good.substr(good.rfind('.'));
  CHECK_FALSE(verify_identity_token(forged, kSecret, now_s()).identity);

  for (const std::string& bad : std::vector<std::string>{"", "v1.", "v1..", "v2.abc.def", "v1.not base64!.x", std::string(5000, 'a')}) {
    CAPTURE(bad);
    const auto check = verify_identity_token(bad, kSecret, now_s());
    CHECK_FALSE(check.identity);
    CHECK_FALSE(check.problem.empty());
    CHECK(check.problem.find(kSecret) == std::string::npos);
  }
}

TEST_CASE("GET /api/my/tickets: the identified customer's tickets, nobody else's") {
  TempDir data;
  const std::string secret_file = data.path() + "/identity-secret";
  std::ofstream(secret_file) << kSecret << "\n";
  ServerProcess server(data.path() + "/db", {"--identity-secret-file", secret_file});
  httplib::Client client = server.client();

  json ada = valid_draft("Export broken");
  ada["email"] = "Ada@Example.com";
  json eve = valid_draft("Someone else's problem");
  eve["email"] = "eve@example.com";
  REQUIRE(post_json(client, "/api/tickets", ada)->status == 201);
  REQUIRE(post_json(client, "/api/tickets", eve)->status == 201);

  const httplib::Result mine = client.Get("/api/my/tickets", {{"X-Support-Identity", token_for("ada@example.com")}});
  REQUIRE(mine);
  CHECK(mine->status == 200);
  CHECK(mine->get_header_value("Cache-Control") == "no-store");
  const json body = body_json(mine);
  REQUIRE(body["tickets"].size() == 1);
  CHECK(body["tickets"][0]["subject"] == "Export broken");
  CHECK(body["tickets"][0]["status"] == "open");
  CHECK(body["tickets"][0]["number"].is_number_integer());
  CHECK(body["customer"]["email"] == "ada@example.com");

  for (const std::string& token : {std::string(), token_for("ada@example.com", -10),
                                   token_for("ada@example.com", 3600, "not-the-servers-secret-xxxx"), std::string("garbage")}) {
    const httplib::Result refused = client.Get("/api/my/tickets", {{"X-Support-Identity", token}});
    REQUIRE(refused);
    CHECK(refused->status == 401);
    CHECK(refused->body.find("Export broken") == std::string::npos);
  }
}

TEST_CASE("GET /api/my/tickets: a server without an identity secret lists nothing") {
  TempDir data;
  ServerProcess server(data.path());
  httplib::Client client = server.client();
  REQUIRE(post_json(client, "/api/tickets", valid_draft())->status == 201);
  const httplib::Result result = client.Get("/api/my/tickets", {{"X-Support-Identity", token_for("ada@example.com")}});
  REQUIRE(result);
  CHECK(result->status == 401);
}
