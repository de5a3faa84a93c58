// The widget's screening record (docs/screening.md, "In the widget"): a ticket sent after "It's a
// different problem" carries {"duplicate_of", "choice", "score"}; the server checks its shape,
// stores it with the ticket and shows it to staff.
#include "api_test_helpers.h"

using namespace support_test;
using nlohmann::json;

TEST_CASE("POST /api/tickets: the screening record is stored and listed for staff") {
  RunningServer api;
  httplib::Client& client = api.client();
  json draft = valid_draft("Export still broken");
  draft["screening"] = {{"duplicate_of", "12"}, {"choice", "different_problem"}, {"score", 0.62}};
  const httplib::Result created = post_json(client, "/api/tickets", draft);
  REQUIRE(created);
  CHECK(created->status == 201);
  post_json(client, "/api/tickets", valid_draft("Without a record"));

  const json tickets = api.tickets();
  REQUIRE(tickets.size() == 2);
  CHECK_FALSE(tickets[0].contains("screening"));   // nothing was asked for that one
  const json& recorded = tickets[1]["screening"];
  CHECK(recorded["duplicate_of"] == "12");
  CHECK(recorded["choice"] == "different_problem");
  CHECK(recorded["score"].get<double>() == doctest::Approx(0.62));
  CHECK_FALSE(tickets[1]["extra"].contains("screening"));   // its own member, not an extra field
}

TEST_CASE("POST /api/tickets: a malformed screening record is 422 on its member, nothing stored") {
  RunningServer api;
  httplib::Client& client = api.client();
  for (const json& bad : {json("different"), json{{"choice", "same_problem"}}, json{{"score", 3}},
                          json{{"duplicate_of", 12}}, json{{"nested", {{"a", 1}}}}}) {
    CAPTURE(bad.dump());
    json draft = valid_draft();
    draft["screening"] = bad;
    const httplib::Result answer = post_json(client, "/api/tickets", draft);
    REQUIRE(answer);
    CHECK(answer->status == 422);
    const json body = body_json(answer);
    REQUIRE(body["errors"].is_array());
    REQUIRE_FALSE(body["errors"].empty());
    CHECK(body["errors"][0]["field"].get<std::string>().rfind("screening", 0) == 0);
  }
  CHECK(api.tickets().empty());
}
