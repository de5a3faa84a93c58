// The server's duplicate check for identified customers (issue 10): a certain duplicate of one of
// the customer's open tickets is answered 409 with that ticket's number, whatever the widget did;
// "different problem" from the customer, another customer, no token and a replay under the
// request's own key all go through.
#include "api_test_helpers.h"
#include "identity_token.h"

#include <algorithm>
#include <chrono>
#include <fstream>
#include <thread>

using namespace support_test;
using support::server::sign_identity_token;
using nlohmann::json;

namespace {

const std::string kSecret = "the-site-and-the-server-share-this-0123";

std::string token_for(const std::string& email) {
  const std::int64_t now =
      std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch()).count();
  return sign_identity_token({email, "Ada", "c-1", now + 3600}, kSecret);
}

httplib::Headers as_customer(const std::string& email, const std::string& key) {
  return {{"X-Support-Identity", token_for(email)}, {"Idempotency-Key", key}};
}

json printer_draft() {
  json draft = valid_draft("Invoice PDF download shows an empty page");
  draft["description"] = "When I download the November invoice as PDF the file opens but every page is blank.";
  return draft;
}

// A server with the identity secret and, optionally, a --server-config.
struct IdentifiedServer {
  explicit IdentifiedServer(const json& relay_config = nullptr) {
    const std::string secret_file = data.path() + "/identity-secret";
    std::ofstream(secret_file) << kSecret << "\n";
    std::vector<std::string> args = {"--identity-secret-file", secret_file};
    if (!relay_config.is_null()) {
      const std::string config_file = data.path() + "/server-config.json";
      std::ofstream(config_file) << relay_config.dump();
      args.insert(args.end(), {"--server-config", config_file});
    }
    server = std::make_unique<ServerProcess>(data.path() + "/db", args);
  }
  httplib::Result post(const json& draft, const httplib::Headers& headers) {
    httplib::Client client = server->client();
    return post_json(client, "/api/tickets", draft, headers);
  }
  TempDir data;
  std::unique_ptr<ServerProcess> server;
};

}  // namespace

TEST_CASE("duplicate check: the same text again from the same customer is 409 with the earlier number") {
  IdentifiedServer relay;
  const httplib::Result first = relay.post(printer_draft(), as_customer("ada@example.com", "key-1"));
  REQUIRE(first);
  REQUIRE(first->status == 201);
  const std::int64_t number = body_json(first)["number"].get<std::int64_t>();

  // A new key: the widget was bypassed (or reloaded) and the customer sends it again.
  json again = printer_draft();
  again["subject"] = "  invoice pdf download shows an EMPTY page ";  // trimming and case do not hide it
  const httplib::Result duplicate = relay.post(again, as_customer("Ada@Example.com", "key-2"));
  REQUIRE(duplicate);
  CHECK(duplicate->status == 409);
  const json refusal = body_json(duplicate);
  CHECK(refusal["code"] == "duplicate_ticket");
  CHECK(refusal["number"] == number);
  CHECK(refusal["exact"] == true);
  CHECK(refusal["error"].get<std::string>().find(std::to_string(number)) != std::string::npos);
  CHECK(list_tickets(*relay.server).size() == 1);  // nothing stored

  SUBCASE("confirmed as a different problem: 201, and the answer is stored with the ticket") {
    json different = again;
    different["screening"] = {{"duplicate_of", std::to_string(number)}, {"choice", "different_problem"}};
    const httplib::Result confirmed = relay.post(different, as_customer("ada@example.com", "key-3"));
    REQUIRE(confirmed);
    CHECK(confirmed->status == 201);
    const json tickets = list_tickets(*relay.server);
    REQUIRE(tickets.size() == 2);
    CHECK(tickets[0]["screening"] == json{{"duplicate_of", std::to_string(number)}, {"choice", "different_problem"}});
    CHECK_FALSE(tickets[0]["extra"].contains("screening"));
    CHECK_FALSE(tickets[1].contains("screening"));

    // Its replay under the same key is the same ticket, not a 409 against the first one.
    const httplib::Result replay = relay.post(different, as_customer("ada@example.com", "key-3"));
    REQUIRE(replay);
    CHECK(replay->status == 200);
    CHECK(body_json(replay)["number"] == body_json(confirmed)["number"]);
  }
  SUBCASE("a replay of the first request under its own key still gets its ticket back") {
    const httplib::Result replay = relay.post(printer_draft(), as_customer("ada@example.com", "key-1"));
    REQUIRE(replay);
    CHECK(replay->status == 200);
    CHECK(body_json(replay)["number"] == number);
    CHECK(body_json(replay)["id"] == body_json(first)["id"]);
  }
  SUBCASE("another customer with the same text: 201") {
    json theirs = printer_draft();
    theirs["email"] = "grace@example.com";
    const httplib::Result other = relay.post(theirs, as_customer("grace@example.com", "key-4"));
    REQUIRE(other);
    CHECK(other->status == 201);
  }
  SUBCASE("no token, or a token that does not verify: 201 (nobody is identified, nothing is lost)") {
    const httplib::Result anonymous = relay.post(printer_draft(), {{"Idempotency-Key", "key-5"}});
    REQUIRE(anonymous);
    CHECK(anonymous->status == 201);
    const httplib::Result forged =
        relay.post(printer_draft(), {{"X-Support-Identity", "v1.e30.bm90LWEtc2lnbmF0dXJl"}, {"Idempotency-Key", "key-6"}});
    REQUIRE(forged);
    CHECK(forged->status == 201);
  }
}

TEST_CASE("duplicate check: another question from the same customer is no duplicate") {
  IdentifiedServer relay;
  REQUIRE(relay.post(printer_draft(), as_customer("ada@example.com", "k-1"))->status == 201);
  json other = valid_draft("Change the delivery address of order 5521");
  other["description"] = "I moved last week; please send order 5521 to my new address in Leeds instead.";
  const httplib::Result result = relay.post(other, as_customer("ada@example.com", "k-2"));
  REQUIRE(result);
  CHECK(result->status == 201);
}

TEST_CASE("duplicate check: the threshold comes from the server configuration") {
  // Same subject, description reworded in a few words: not exact, a high score.
  json near = printer_draft();
  near["description"] = "When I download the November invoice as a PDF the file opens but each page is blank.";

  SUBCASE("strict default: only a near-copy is refused") {
    IdentifiedServer relay;
    REQUIRE(relay.post(printer_draft(), as_customer("ada@example.com", "n-1"))->status == 201);
    const httplib::Result result = relay.post(near, as_customer("ada@example.com", "n-2"));
    REQUIRE(result);
    CHECK(result->status == 409);
    CHECK(body_json(result)["exact"] == false);
    CHECK(body_json(result)["score"].get<double>() >= 0.65);
  }
  SUBCASE("1: exact resubmits only") {
    IdentifiedServer relay(json{{"screening", {{"duplicate_threshold", 1}}}});
    REQUIRE(relay.post(printer_draft(), as_customer("ada@example.com", "n-1"))->status == 201);
    const httplib::Result result = relay.post(near, as_customer("ada@example.com", "n-2"));
    REQUIRE(result);
    CHECK(result->status == 201);
  }
}

TEST_CASE("duplicate check: a screening answer of the wrong shape is a clear 422") {
  IdentifiedServer relay;
  for (const json& bad : {json("different_problem"), json{{"duplicate_of", "12"}, {"choice", "same_problem"}},
                          json{{"duplicate_of", "twelve"}, {"choice", "different_problem"}},
                          json{{"choice", "different_problem"}, {"note", "x"}, {"duplicate_of", "1"}}}) {
    CAPTURE(bad.dump());
    json draft = printer_draft();
    draft["screening"] = bad;
    const httplib::Result result = relay.post(draft, as_customer("ada@example.com", "bad-" + bad.dump()));
    REQUIRE(result);
    CHECK(result->status == 422);
    CHECK(body_json(result)["errors"][0]["field"].get<std::string>().rfind("screening", 0) == 0);
  }
  CHECK(list_tickets(*relay.server).empty());
}

TEST_CASE("duplicate check: a double click that sends the text twice at once under two keys stores one ticket") {
  IdentifiedServer relay;
  std::vector<int> statuses(2, 0);
  std::vector<std::thread> clicks;
  for (int i = 0; i < 2; ++i) {
    clicks.emplace_back([&, i] {
      const httplib::Result result = relay.post(printer_draft(), as_customer("ada@example.com", "click-" + std::to_string(i)));
      statuses[i] = result ? result->status : -1;
    });
  }
  for (std::thread& click : clicks) click.join();
  std::sort(statuses.begin(), statuses.end());
  CHECK(statuses == std::vector<int>{201, 409});
  CHECK(list_tickets(*relay.server).size() == 1);
}
