#include "api_test_helpers.h"

#include <set>
#include <string>
#include <thread>
#include <vector>

using namespace support_test;
using nlohmann::json;

namespace {

// The field -> code pairs of a 422 answer.
std::set<std::pair<std::string, std::string>> field_codes(const httplib::Result& result) {
  std::set<std::pair<std::string, std::string>> codes;
  const json body = body_json(result);  // keep it alive: the loop walks a part of it
  for (const json& e : body["errors"]) {
    codes.insert({e["field"].get<std::string>(), e["code"].get<std::string>()});
    CHECK_FALSE(e["message"].get<std::string>().empty());
  }
  return codes;
}

}  // namespace

TEST_CASE("POST /api/tickets: 201 with id and number, then listed for staff") {
  RunningServer api;
  httplib::Client& client = api.client();

  const httplib::Result created = post_json(client, "/api/tickets", valid_draft());
  REQUIRE(created);
  CHECK(created->status == 201);
  const json answer = body_json(created);
  REQUIRE(answer["id"].is_string());
  REQUIRE(answer["number"].is_number_integer());
  CHECK(answer["number"].get<int>() >= 1);
  CHECK(created->get_header_value("Access-Control-Allow-Origin") == "*");

  const json second = body_json(post_json(client, "/api/tickets", valid_draft("Second")));
  CHECK(second["number"].get<int>() == answer["number"].get<int>() + 1);

  const json tickets = api.tickets();
  REQUIRE(tickets.size() == 2);
  CHECK(tickets[0]["subject"] == "Second");  // newest first
  const json& first = tickets[1];
  CHECK(first["id"] == answer["id"]);
  CHECK(first["number"] == answer["number"]);
  CHECK(first["name"] == "Ada Lovelace");
  CHECK(first["email"] == "ada@example.com");
  CHECK(first["category"] == "account");
  CHECK(first["status"] == "open");
  CHECK(first["extra"]["agent_name"] == "Sam");
  CHECK(first["created_at"].get<std::string>().size() == 24);  // 2024-05-01T12:34:56.789Z
}

TEST_CASE("POST /api/tickets: malformed JSON is 400 with a clear message") {
  RunningServer api;
  httplib::Client& client = api.client();
  for (const std::string body : {"{\"name\": ", "not json", "", "[1,2]", "\"text\"", "{\"name\": 5E9555555}"}) {
    CAPTURE(body);
    const httplib::Result result = post_json(client, "/api/tickets", body);
    REQUIRE(result);
    CHECK(result->status == 400);
    CHECK_FALSE(body_json(result)["error"].get<std::string>().empty());
  }
  const httplib::Result truncated = post_json(client, "/api/tickets", std::string("{\"name\": "));
  CHECK(body_json(truncated)["error"].get<std::string>().find("malformed JSON") != std::string::npos);
  const httplib::Result deep = post_json(client, "/api/tickets", std::string(20000, '['));
  REQUIRE(deep);
  CHECK(deep->status == 400);
  CHECK(api.tickets().empty());
}

TEST_CASE("POST /api/tickets: body over the limit is 413") {
  RunningServer api({"--max-body", "4096"});
  httplib::Client& client = api.client();
  json draft = valid_draft();
  draft["description"] = std::string(5000, 'x');
  const httplib::Result result = post_json(client, "/api/tickets", draft);
  REQUIRE(result);
  CHECK(result->status == 413);
  CHECK(body_json(result)["error"].get<std::string>().find("4096") != std::string::npos);

  draft["description"] = std::string(3000, 'x');  // under the limit: accepted
  const httplib::Result fits = post_json(client, "/api/tickets", draft);
  REQUIRE(fits);
  CHECK(fits->status == 201);
}

TEST_CASE("POST /api/tickets: default limit of 64 KiB") {
  RunningServer api;
  httplib::Client& client = api.client();
  json draft = valid_draft();
  draft["description"] = std::string(70 * 1024, 'x');
  const httplib::Result result = post_json(client, "/api/tickets", draft);
  REQUIRE(result);
  CHECK(result->status == 413);
}

TEST_CASE("POST /api/tickets: a content type other than JSON is 415") {
  RunningServer api;
  httplib::Client& client = api.client();
  const std::string body = valid_draft().dump();
  const httplib::Result missing = client.Post("/api/tickets", body, "");
  REQUIRE(missing);
  CHECK(missing->status == 415);
  for (const char* type : {"text/plain", "application/x-www-form-urlencoded", "application/xml"}) {
    CAPTURE(type);
    const httplib::Result result = client.Post("/api/tickets", body, type);
    REQUIRE(result);
    CHECK(result->status == 415);
    CHECK(body_json(result)["error"].is_string());
  }
  const httplib::Result with_charset = client.Post("/api/tickets", body, "application/json; charset=utf-8");
  REQUIRE(with_charset);
  CHECK(with_charset->status == 201);
}

TEST_CASE("POST /api/tickets: field problems are 422 with field codes") {
  RunningServer api;
  httplib::Client& client = api.client();

  json missing_email = valid_draft();
  missing_email.erase("email");
  httplib::Result result = post_json(client, "/api/tickets", missing_email);
  REQUIRE(result);
  CHECK(result->status == 422);
  CHECK(field_codes(result) == std::set<std::pair<std::string, std::string>>{{"email", "required"}});

  json bad_email = valid_draft();
  bad_email["email"] = "ada at example.com";
  result = post_json(client, "/api/tickets", bad_email);
  CHECK(result->status == 422);
  CHECK(field_codes(result) == std::set<std::pair<std::string, std::string>>{{"email", "invalid_email"}});

  json short_description = valid_draft();
  short_description["description"] = "help";
  result = post_json(client, "/api/tickets", short_description);
  CHECK(result->status == 422);
  CHECK(field_codes(result) == std::set<std::pair<std::string, std::string>>{{"description", "too_short"}});

  json wrong_types = valid_draft();
  wrong_types["name"] = 12;
  wrong_types["subject"] = "   ";
  result = post_json(client, "/api/tickets", wrong_types);
  CHECK(result->status == 422);
  CHECK(field_codes(result) ==
        std::set<std::pair<std::string, std::string>>{{"name", "invalid_type"}, {"subject", "required"}});

  CHECK(api.tickets().empty());
}

TEST_CASE("GET /api/tickets: 401 without or with a wrong staff token") {
  RunningServer api;
  httplib::Client& client = api.client();
  REQUIRE(post_json(client, "/api/tickets", valid_draft())->status == 201);

  httplib::Result result = client.Get("/api/tickets");
  REQUIRE(result);
  CHECK(result->status == 401);
  CHECK(body_json(result)["error"].is_string());
  CHECK(result->body.find("ada@example.com") == std::string::npos);

  std::string wrong = api.staff_token();
  wrong.back() = wrong.back() == '0' ? '1' : '0';
  for (const std::string& header : {"Bearer " + wrong, std::string("Bearer "), "Basic " + api.staff_token(),
                                    api.staff_token(), "Bearer " + api.staff_token() + "x"}) {
    CAPTURE(header);
    result = client.Get("/api/tickets", {{"Authorization", header}});
    REQUIRE(result);
    CHECK(result->status == 401);
  }
  CHECK(api.tickets().size() == 1);
}

TEST_CASE("POST /api/tickets: a repeat with the same idempotency key returns the same ticket") {
  RunningServer api;
  httplib::Client& client = api.client();

  const httplib::Headers key = {{"Idempotency-Key", "draft-7f3a"}};
  const httplib::Result first = post_json(client, "/api/tickets", valid_draft(), key);
  const httplib::Result again = post_json(client, "/api/tickets", valid_draft(), key);
  REQUIRE(first);
  REQUIRE(again);
  CHECK(first->status == 201);
  CHECK(again->status == 200);
  CHECK(body_json(first) == body_json(again));

  // The same through the draft's own field.
  json with_field = valid_draft("Other");
  with_field["idempotency_key"] = "draft-body-1";
  const json a = body_json(post_json(client, "/api/tickets", with_field));
  const httplib::Result b = post_json(client, "/api/tickets", with_field);
  CHECK(b->status == 200);
  CHECK(body_json(b) == a);
  CHECK(a != body_json(first));

  // Header and field must not disagree.
  const httplib::Result conflict = post_json(client, "/api/tickets", with_field, {{"Idempotency-Key", "else"}});
  CHECK(conflict->status == 400);

  CHECK(api.tickets().size() == 2);
}

TEST_CASE("POST /api/tickets: a different ticket under a used idempotency key is refused, never replayed") {
  RunningServer api;
  httplib::Client& client = api.client();

  const httplib::Headers key = {{"Idempotency-Key", "draft-reused"}};
  const httplib::Result first = post_json(client, "/api/tickets", valid_draft("First problem"), key);
  REQUIRE(first);
  REQUIRE(first->status == 201);
  CHECK_FALSE(body_json(first).value("created_at", std::string()).empty());

  // The customer's next, different problem under the same key: an error, not "ticket #1" again.
  json other = valid_draft("A different problem");
  other["description"] = "The export button does nothing since the last update, on every page.";
  const httplib::Result reused = post_json(client, "/api/tickets", other, key);
  REQUIRE(reused);
  CHECK(reused->status == 422);
  const json answer = body_json(reused);
  CHECK(answer["code"] == "idempotency_key_reused");
  CHECK_FALSE(answer.contains("number"));
  CHECK_FALSE(answer.contains("id"));

  // Whitespace the server trims anyway still counts as the same request.
  json padded = valid_draft("  First problem ");
  const httplib::Result same = post_json(client, "/api/tickets", padded, key);
  REQUIRE(same);
  CHECK(same->status == 200);
  CHECK(body_json(same)["number"] == body_json(first)["number"]);

  // Under a new key the different problem is stored.
  const httplib::Result fresh = post_json(client, "/api/tickets", other, {{"Idempotency-Key", "draft-new"}});
  REQUIRE(fresh);
  CHECK(fresh->status == 201);
  const json tickets = api.tickets();
  REQUIRE(tickets.size() == 2);
  CHECK(tickets[0]["subject"] == "A different problem");
  CHECK(tickets[1]["subject"] == "First problem");
}

TEST_CASE("POST /api/tickets: the same key sent in parallel makes one ticket") {
  TempDir data;
  ServerProcess server(data.path());   // one client per thread: httplib's client is not shared
  constexpr int kParallel = 8;
  std::vector<int> statuses(kParallel, -1);
  std::vector<json> answers(kParallel);
  std::vector<std::thread> threads;
  for (int i = 0; i < kParallel; ++i) {
    threads.emplace_back([&, i] {
      httplib::Client client = server.client();
      const httplib::Result result =
          post_json(client, "/api/tickets", valid_draft("Parallel"), {{"Idempotency-Key", "draft-parallel"}});
      if (!result) return;
      statuses[i] = result->status;
      answers[i] = nlohmann::json::parse(result->body, nullptr, false);
    });
  }
  for (auto& t : threads) t.join();
  int created = 0;
  for (int i = 0; i < kParallel; ++i) {
    CHECK((statuses[i] == 201 || statuses[i] == 200));
    created += statuses[i] == 201;
    CHECK(answers[i]["number"] == answers[0]["number"]);
  }
  CHECK(created == 1);
  httplib::Client staff = server.client();
  const httplib::Result listed = staff.Get("/api/tickets", server.staff_headers());
  CHECK(body_json(listed)["tickets"].size() == 1);
}

TEST_CASE("API: CORS preflight, health and 404 for unknown endpoints") {
  RunningServer api({"--allow-origin", "https://shop.example"});
  httplib::Client& client = api.client();

  httplib::Result preflight = client.Options("/api/tickets", {{"Origin", "https://shop.example"},
                                                              {"Access-Control-Request-Method", "POST"}});
  REQUIRE(preflight);
  CHECK(preflight->status == 204);
  CHECK(preflight->get_header_value("Access-Control-Allow-Origin") == "https://shop.example");
  CHECK(preflight->get_header_value("Access-Control-Allow-Headers").find("Idempotency-Key") != std::string::npos);

  const httplib::Result allowed = post_json(client, "/api/tickets", valid_draft(), {{"Origin", "https://shop.example"}});
  CHECK(allowed->get_header_value("Access-Control-Allow-Origin") == "https://shop.example");
  const httplib::Result other = post_json(client, "/api/tickets", valid_draft(), {{"Origin", "https://evil.example"}});
  CHECK_FALSE(other->has_header("Access-Control-Allow-Origin"));

  const httplib::Result health = client.Get("/api/health");
  REQUIRE(health);
  CHECK(health->status == 200);
  const httplib::Result unknown = client.Get("/api/nothing-here");
  CHECK(unknown->status == 404);
  CHECK(body_json(unknown)["error"].is_string());
}

TEST_CASE("GET /api/config passes the --config file through") {
  RunningServer api(with_config(R"({"brand":{"name":"Example"}})"));
  httplib::Client& client = api.client();
  const httplib::Result result = client.Get("/api/config");
  REQUIRE(result);
  CHECK(result->status == 200);
  CHECK(result->get_header_value("Content-Type") == "application/json");
  CHECK(body_json(result)["brand"]["name"] == "Example");
}

TEST_CASE("POST /api/tickets: limits come from the configuration (per-category minimum)") {
  RunningServer api(with_config(R"({"policy":{"default_min_description_length":10,
                                   "category_overrides":{"bug":{"min_description_length":60}}}})"));
  httplib::Client& client = api.client();
  json draft = valid_draft();
  draft["description"] = "Twelve chars";
  draft["category"] = "bug";
  httplib::Result result = post_json(client, "/api/tickets", draft);
  REQUIRE(result);
  CHECK(result->status == 422);
  CHECK(field_codes(result) == std::set<std::pair<std::string, std::string>>{{"description", "too_short"}});
  const json errors = body_json(result)["errors"];
  REQUIRE(errors.size() == 1);
  CHECK(errors[0]["message"] == "Please enter at least 60 characters.");
  draft["category"] = "question";
  result = post_json(client, "/api/tickets", draft);
  REQUIRE(result);
  CHECK(result->status == 201);
}

TEST_CASE("GET /api/tickets/{id}: the ticket the 201's Location names, for staff; 404 for unknown ids") {
  RunningServer api;
  httplib::Client& client = api.client();
  const httplib::Result created = post_json(client, "/api/tickets", valid_draft());
  REQUIRE(created);
  REQUIRE(created->status == 201);
  const std::string id = body_json(created)["id"].get<std::string>();
  const std::string location = created->get_header_value("Location");
  CHECK(location == "/api/tickets/" + id);
  REQUIRE(post_json(client, "/api/tickets", valid_draft("Another"))->status == 201);

  const httplib::Result one = client.Get(location, api.staff_headers());
  REQUIRE(one);
  CHECK(one->status == 200);
  const json listed = api.tickets();
  REQUIRE(listed.size() == 2);
  // The same JSON as its item in the list, but for the delivery: the builtin helpdesk may take the
  // ticket between the two requests (pending, then delivered).
  json single = body_json(one), item = listed[1];
  CHECK(single.contains("delivery"));
  single.erase("delivery");
  item.erase("delivery");
  CHECK(single == item);

  const httplib::Result anonymous = client.Get(location);
  REQUIRE(anonymous);
  CHECK(anonymous->status == 401);
  CHECK(anonymous->body.find("ada@example.com") == std::string::npos);

  const std::vector<std::string> unknown_paths = {"/api/tickets/t_000000000000000000000000", "/api/tickets/" + id + "x",
                                                  "/api/tickets/" + id + "/more", "/api/tickets/%20"};
  for (const std::string& path : unknown_paths) {
    CAPTURE(path);
    const httplib::Result unknown = client.Get(path, api.staff_headers());
    REQUIRE(unknown);
    CHECK(unknown->status == 404);
    CHECK(body_json(unknown)["error"].is_string());
  }
}
