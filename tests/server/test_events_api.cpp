#include "api_test_helpers.h"

using namespace support_test;
using nlohmann::json;

TEST_CASE("POST /api/events stores known flow outcomes; GET is staff-only") {
  RunningServer api;
  httplib::Client& client = api.client();

  const json resolved = {{"type", "resolved"}, {"category", "account"}, {"step", "reset_password"}, {"article", "kb-12"}};
  const httplib::Result accepted = post_json(client, "/api/events", resolved);
  REQUIRE(accepted);
  CHECK(accepted->status == 202);
  CHECK(accepted->get_header_value("Access-Control-Allow-Origin") == "*");
  REQUIRE(post_json(client, "/api/events", json{{"type", "escalated"}, {"category", "billing"}})->status == 202);

  const httplib::Result unknown = post_json(client, "/api/events", json{{"type", "launched_rocket"}});
  CHECK(unknown->status == 422);
  const json unknown_errors = body_json(unknown)["errors"];
  REQUIRE(unknown_errors.size() == 1);
  CHECK(unknown_errors[0]["field"] == "type");
  CHECK(post_json(client, "/api/events", json{{"category", "x"}})->status == 422);
  CHECK(post_json(client, "/api/events", json{{"type", "resolved"}, {"step", json::array()}})->status == 422);
  CHECK(post_json(client, "/api/events", json{{"type", "resolved"}, {"step", std::string(300, 's')}})->status == 422);
  CHECK(post_json(client, "/api/events", std::string("{\"type\":"))->status == 400);
  CHECK(client.Post("/api/events", resolved.dump(), "text/plain")->status == 415);
  CHECK(post_json(client, "/api/events", json{{"type", "resolved"}, {"note", std::string(5000, 'n')}})->status == 413);

  CHECK(client.Get("/api/events")->status == 401);
  CHECK(client.Get("/api/events", {{"Authorization", "Bearer nope"}})->status == 401);
  const httplib::Result listed = client.Get("/api/events", api.staff_headers());
  REQUIRE(listed);
  REQUIRE(listed->status == 200);
  const json events = body_json(listed)["events"];
  REQUIRE(events.size() == 2);
  CHECK(events[0]["type"] == "escalated");
  CHECK(events[1]["type"] == "resolved");
  CHECK(events[1]["article"] == "kb-12");
  CHECK(events[1]["created_at"].is_string());
}
