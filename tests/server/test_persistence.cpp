// Nothing answered with 201 may be lost: not on a normal restart, not on kill -9.
#include "api_test_helpers.h"

#include <sys/stat.h>

#include <set>
#include <string>

using namespace support_test;
using nlohmann::json;

namespace {

std::set<std::string> listed_ids(const ServerProcess& server) {
  std::set<std::string> ids;
  for (const json& ticket : list_tickets(server)) ids.insert(ticket["id"].get<std::string>());
  return ids;
}

}  // namespace

TEST_CASE("persistence: tickets and the staff token survive a normal restart") {
  TempDir data;
  std::set<std::string> ids;
  std::string token;
  {
    ServerProcess server(data.path());
    httplib::Client client = server.client();
    for (int i = 0; i < 3; ++i) {
      const httplib::Result result = post_json(client, "/api/tickets", valid_draft("Restart " + std::to_string(i)));
      REQUIRE(result);
      REQUIRE(result->status == 201);
      ids.insert(body_json(result)["id"].get<std::string>());
    }
    token = server.staff_token();
    server.stop();
  }
  struct stat info {};
  REQUIRE(::stat((data.path() + "/staff-token").c_str(), &info) == 0);
  CHECK((info.st_mode & 0777) == 0600);

  ServerProcess restarted(data.path());
  CHECK(restarted.staff_token() == token);
  CHECK(listed_ids(restarted) == ids);
  // Numbering continues after the stored tickets.
  httplib::Client client = restarted.client();
  CHECK(body_json(post_json(client, "/api/tickets", valid_draft()))["number"] == 4);
}

TEST_CASE("persistence: every 201 survives kill -9") {
  constexpr int kTickets = 40;
  TempDir data;
  std::set<std::string> ids;
  {
    ServerProcess server(data.path());
    httplib::Client client = server.client();
    for (int i = 0; i < kTickets; ++i) {
      const httplib::Result result = post_json(client, "/api/tickets", valid_draft("Crash " + std::to_string(i)),
                                               {{"Idempotency-Key", "crash-" + std::to_string(i)}});
      REQUIRE(result);
      REQUIRE(result->status == 201);
      ids.insert(body_json(result)["id"].get<std::string>());
    }
    server.kill_hard();  // right after the last 201: no clean shutdown, no checkpoint
  }
  ServerProcess restarted(data.path());
  const std::set<std::string> listed = listed_ids(restarted);
  CHECK(listed.size() == kTickets);
  CHECK(listed == ids);

  // The idempotency keys survived too: a client retrying after the crash gets its ticket back.
  httplib::Client client = restarted.client();
  const httplib::Result retry = post_json(client, "/api/tickets", valid_draft("Crash 7"), {{"Idempotency-Key", "crash-7"}});
  REQUIRE(retry);
  CHECK(retry->status == 200);
  CHECK(ids.count(body_json(retry)["id"].get<std::string>()) == 1);
  CHECK(listed_ids(restarted).size() == kTickets);
}
