// Nothing answered with 201 may be lost on a normal restart or when the server process is killed.
// A killed process loses only what it had not yet handed to the OS, so the kill -9 case shows that
// each ticket is committed before the 201 goes out; it would pass with synchronous=OFF as well.
// That the commit is also on disk (survives a power cut) is test_persistence_power_cut.cpp.
#include "api_test_helpers.h"

#include <sys/stat.h>

#include <set>
#include <string>

using namespace support_test;
using nlohmann::json;

namespace {

std::set<std::string> listed_ids(RunningServer& api) {
  std::set<std::string> ids;
  for (const json& ticket : api.tickets()) ids.insert(ticket["id"].get<std::string>());
  return ids;
}

}  // namespace

TEST_CASE("persistence: tickets and the staff token survive a normal restart") {
  RunningServer api;
  std::set<std::string> ids;
  for (int i = 0; i < 3; ++i) {
    const httplib::Result result = post_json(api.client(), "/api/tickets", valid_draft("Restart " + std::to_string(i)));
    REQUIRE(result);
    REQUIRE(result->status == 201);
    ids.insert(body_json(result)["id"].get<std::string>());
  }
  const std::string token = api.staff_token();
  api.restart();

  struct stat info {};
  REQUIRE(::stat((api.data_dir() + "/staff-token").c_str(), &info) == 0);
  CHECK((info.st_mode & 0777) == 0600);
  CHECK(api.staff_token() == token);
  CHECK(listed_ids(api) == ids);
  // Numbering continues after the stored tickets.
  CHECK(body_json(post_json(api.client(), "/api/tickets", valid_draft()))["number"] == 4);
}

TEST_CASE("persistence: every 201 was committed before it was sent (survives kill -9 of the server)") {
  constexpr int kTickets = 40;
  RunningServer api;
  std::set<std::string> ids;
  for (int i = 0; i < kTickets; ++i) {
    const httplib::Result result = post_json(api.client(), "/api/tickets", valid_draft("Crash " + std::to_string(i)),
                                             {{"Idempotency-Key", "crash-" + std::to_string(i)}});
    REQUIRE(result);
    REQUIRE(result->status == 201);
    ids.insert(body_json(result)["id"].get<std::string>());
  }
  api.restart_after_kill();  // right after the last 201: no clean shutdown, no checkpoint
  const std::set<std::string> listed = listed_ids(api);
  CHECK(listed.size() == kTickets);
  CHECK(listed == ids);

  // The idempotency keys survived too: a client retrying after the crash gets its ticket back.
  const httplib::Result retry = post_json(api.client(), "/api/tickets", valid_draft("Crash 7"), {{"Idempotency-Key", "crash-7"}});
  REQUIRE(retry);
  CHECK(retry->status == 200);
  CHECK(ids.count(body_json(retry)["id"].get<std::string>()) == 1);
  CHECK(listed_ids(api).size() == kTickets);
}
