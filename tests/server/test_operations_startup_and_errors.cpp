// Operations: a port in use, a bad server configuration, and 500 answers without internals.
#include "api_test_helpers.h"
#include "relay_server_config.h"

#include <sqlite3.h>

using namespace support_test;
using nlohmann::json;

TEST_CASE("startup: a second server on a port in use exits with a clear error") {
  TempDir first_data;
  TempDir second_data;
  ServerProcess first(first_data.path());
  const ExitResult second =
      run_server_to_exit({"--port", std::to_string(first.port()), "--data", second_data.path()});
  CHECK(second.exit_code == 1);
  CHECK(second.output.find("the port is already in use") != std::string::npos);
  httplib::Client client = first.client();
  CHECK(client.Get("/healthz")->status == 200);  // the first one still has its port
}

TEST_CASE("startup: bad server configuration values exit 2 with the setting's path") {
  TempDir data;
  const std::string path = data.path() + "/server.json";
  struct Case {
    std::string text;
    std::string message;
  };
  for (const Case& c : std::vector<Case>{
           {"{\"helpdesk\": {\"connector\": \"osticket\", \"url\": \"http://127.0.0.1:9\"}}", "helpdesk.token:"},
           {"{\"rate_limits\": {\"tickets_per_ip\": {\"burst\": -1}}}", "rate_limits.tickets_per_ip.burst: must be from 1"},
           {"{\"outbox\": {\"speed\": 3}}", "outbox.speed: unknown setting"},
           {"not json", "not valid JSON"},
           {"", "not valid JSON"}}) {
    CAPTURE(c.text);
    write_file(path, c.text);
    const ExitResult result = run_server_to_exit({"--port", "0", "--data", data.path(), "--server-config", path});
    CHECK(result.exit_code == 2);
    CHECK(result.output.find(c.message) != std::string::npos);
    CHECK(result.output.find("listening") == std::string::npos);
  }
  const ExitResult missing =
      run_server_to_exit({"--port", "0", "--data", data.path(), "--server-config", data.path() + "/nope.json"});
  CHECK(missing.exit_code == 2);
  CHECK(missing.output.find("cannot read") != std::string::npos);
}

TEST_CASE("errors: a 500 carries no internal message; the log has it") {
  TempDir data;
  const std::string log_path = data.path() + "/stderr.log";
  StderrCapture capture(log_path);
  ServerProcess server(data.path());
  {
    // Break the database under the running server: the outbox table disappears.
    sqlite3* db = nullptr;
    REQUIRE(sqlite3_open((data.path() + "/tickets.sqlite3").c_str(), &db) == SQLITE_OK);
    sqlite3_busy_timeout(db, 5000);
    CHECK(sqlite3_exec(db, "DROP TABLE deliveries", nullptr, nullptr, nullptr) == SQLITE_OK);
    sqlite3_close(db);
  }
  httplib::Client client = server.client();
  const httplib::Result broken = post_json(client, "/api/tickets", valid_draft());
  REQUIRE(broken);
  CHECK(broken->status == 500);
  const std::string error = body_json(broken)["error"];
  CHECK(error == "internal error; the server's log has the details");
  CHECK(broken->body.find("deliveries") == std::string::npos);
  CHECK_FALSE(broken->has_header("Location"));
  const httplib::Result readiness = client.Get("/readyz");
  REQUIRE(readiness);
  CHECK(readiness->status == 503);
  CHECK(readiness->body.find("deliveries") == std::string::npos);
  server.stop();
  CHECK(capture.text().find("no such table: deliveries") != std::string::npos);
  CHECK(capture.text().find("\"kind\":\"internal_error\"") != std::string::npos);
}
