// A ticket's files in each store (storage/relay_store.h), in-process: every byte value comes back
// as stored, in order, and in PostgreSQL a file that cannot be stored takes its ticket and outbox
// row with it (one transaction), so no 201 is ever answered for a ticket without its files.
#include "database.h"
#include "postgres_instance.h"
#include "server_process.h"
#include "storage/postgres_store.h"
#include "storage/sqlite_store.h"

#include <doctest/doctest.h>

#include <stdexcept>

using namespace support::server;
using support_test::PostgresInstance;
using support_test::TempDir;

namespace {

nlohmann::json draft(const std::string& subject) {
  return {{"name", "Ada"}, {"email", "ada@example.com"}, {"subject", subject}, {"description", "files attached"}};
}

std::vector<StoredAttachment> two_files() {
  std::string every_byte;
  for (int i = 0; i < 256; ++i) every_byte += static_cast<char>(i);   // NUL and backslash too: raw, not escaped
  return {{"all.bin", "application/octet-stream", 256, "sha-a", every_byte},
          {"b.log", "text/plain", 3, "sha-b", std::string("b\n\0", 3)}};
}

void check_files_round_trip(RelayStore& store) {
  const TicketInsertResult result = store.insert_ticket(draft("With files"), "", "key-files", "", two_files());
  REQUIRE(result.created);
  const std::vector<StoredAttachment> files = store.list_attachments(result.ticket.id);
  REQUIRE(files.size() == 2);
  CHECK(files[0].name == "all.bin");
  CHECK(files[0].content == two_files()[0].content);
  CHECK(files[0].size == 256);
  CHECK(files[0].sha256 == "sha-a");
  CHECK(files[1].type == "text/plain");
  CHECK(files[1].content == two_files()[1].content);
  const std::optional<StoredAttachment> second = store.find_attachment(result.ticket.id, 1);
  REQUIRE(second);
  CHECK(second->name == "b.log");
  CHECK_FALSE(store.find_attachment(result.ticket.id, 2));
  CHECK(store.list_attachments("t_unknown").empty());
  // The same request again under its key: the ticket it made, and no second copy of its files.
  CHECK_FALSE(store.insert_ticket(draft("With files"), "", "key-files", "", two_files()).created);
  CHECK(store.list_attachments(result.ticket.id).size() == 2);
}

}  // namespace

TEST_CASE("store attachments: SQLite keeps every byte, in order") {
  TempDir folder;
  Database database(folder.path() + "/tickets.sqlite3");
  SqliteStore store(database);
  check_files_round_trip(store);
}

TEST_CASE("store attachments: PostgreSQL keeps every byte, in order (BYTEA)") {
  PostgresInstance postgres;
  PostgresStore store(postgres.fresh_schema_url());
  check_files_round_trip(store);
}

TEST_CASE("store attachments: in PostgreSQL a file that fails to store leaves no ticket and no outbox row") {
  PostgresInstance postgres;
  const std::string url = postgres.fresh_schema_url();
  PostgresStore store(url);
  // Stands in for a crash or a full disk between the ticket's row and its COMMIT.
  postgres.query("CREATE FUNCTION refuse_file() RETURNS trigger LANGUAGE plpgsql AS "
                 "$$ BEGIN RAISE EXCEPTION 'no room for the file'; END $$", url);
  postgres.query("CREATE TRIGGER refuse_files BEFORE INSERT ON attachments FOR EACH ROW EXECUTE FUNCTION refuse_file()",
                 url);
  CHECK_THROWS_AS(store.insert_ticket(draft("Lost?"), "", "", "", two_files()), std::runtime_error);
  CHECK(store.count_tickets() == 0);
  CHECK(store.backlog().pending == 0);
  CHECK(postgres.query("SELECT COUNT(*) FROM attachments", url) == "0");
  // The pool's connection is usable again afterwards (rolled back, not left in a failed transaction).
  postgres.query("DROP TRIGGER refuse_files ON attachments", url);
  CHECK(store.insert_ticket(draft("Kept"), "", "", "", two_files()).created);
  CHECK(store.count_tickets() == 1);
}
