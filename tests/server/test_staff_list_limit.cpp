// ?limit= on the staff lists (GET /api/tickets, GET /api/events): a whole number from 1 to 5000,
// newest first; anything else is a 400 that says so, never a silent default.
#include "api_test_helpers.h"

#include <chrono>
#include <string>
#include <thread>
#include <vector>

using namespace support_test;
using nlohmann::json;

TEST_CASE("staff lists: ?limit= takes 1 to 5000 and rejects everything else with 400") {
  RunningServer api;
  httplib::Client& client = api.client();
  for (int i = 0; i < 3; ++i) {
    REQUIRE(post_json(client, "/api/tickets", valid_draft("Limit " + std::to_string(i)))->status == 201);
    REQUIRE(post_json(client, "/api/events", json{{"type", "resolved"}, {"step", "s" + std::to_string(i)}})->status == 202);
  }
  // The lists are compared across requests below: let the forwarder finish first, so a delivery
  // in between does not change a ticket's "delivery" from one answer to the next.
  const auto all_delivered = [&] {
    for (const json& ticket : api.tickets()) {
      if (ticket["delivery"]["state"] != "delivered") return false;
    }
    return true;
  };
  for (int wait = 0; wait < 500 && !all_delivered(); ++wait) std::this_thread::sleep_for(std::chrono::milliseconds(20));
  REQUIRE(all_delivered());

  for (const std::string list : {"tickets", "events"}) {
    CAPTURE(list);
    const auto get = [&](const std::string& query) { return client.Get("/api/" + list + query, api.staff_headers()); };

    const httplib::Result one = get("?limit=1");
    REQUIRE(one);
    REQUIRE(one->status == 200);
    const json newest = body_json(one)[list];
    REQUIRE(newest.size() == 1);
    const json all = body_json(get(""))[list];
    REQUIRE(all.size() == 3);
    CHECK(newest[0] == all[0]);  // the newest one

    const httplib::Result two = get("?limit=2");
    REQUIRE(two);
    CHECK(body_json(two)[list].size() == 2);
    const httplib::Result max = get("?limit=5000");
    REQUIRE(max);
    CHECK(max->status == 200);
    CHECK(body_json(max)[list] == all);

    const std::vector<std::string> bad = {"0", "-1", "10x", "5001", "1000000", "99999999999999999999", "", "1.5",
                                          "%201", "+1", "0x10", "abc"};
    for (const std::string& value : bad) {
      CAPTURE(value);
      const httplib::Result result = get("?limit=" + value);
      REQUIRE(result);
      CHECK(result->status == 400);
      CHECK(body_json(result)["error"].get<std::string>().find("limit must be a number from 1 to 5000") !=
            std::string::npos);
    }
    // The token is checked first: a bad limit does not tell strangers anything either.
    const httplib::Result anonymous = client.Get("/api/" + list + "?limit=0");
    REQUIRE(anonymous);
    CHECK(anonymous->status == 401);
  }
}
