// Durability against a power cut, not only a killed process: the server's own Database and
// TicketStore run in this process on the power-cut VFS (power_cut_vfs.h), which keeps only what
// SQLite synced. A returned TicketStore::insert is what POST /api/tickets answers 201 for.
// The control run with synchronous=OFF must lose tickets, which shows the simulation can fail.
#include "power_cut_vfs.h"
#include "server_process.h"

#include "database.h"
#include "ticket_store.h"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <cstdio>
#include <memory>
#include <set>
#include <string>

using namespace support_test;
using support::server::Database;
using support::server::TicketStore;

namespace {

constexpr int kTickets = 50;

struct PowerCutOutcome {
  int inserted = 0;
  int survived = 0;       // of the inserted ids, how many the reopened database lists
  std::size_t syncs = 0;  // xSync calls SQLite made during the whole run
};

// Opens the database as the server does, optionally overrides PRAGMA synchronous, inserts
// `tickets` tickets, cuts the power right after the last insert returned, restores the disk to
// what was synced and reopens it.
PowerCutOutcome insert_then_cut_power(const char* synchronous_override, int tickets) {
  TempDir folder;
  const std::string path = folder.path() + "/tickets.sqlite3";
  PowerCutOutcome outcome;
  std::set<std::string> ids;
  {
    PowerCutVfs vfs;
    {
      Database database(path);
      if (synchronous_override) database.execute((std::string("PRAGMA synchronous=") + synchronous_override).c_str());
      TicketStore store(database);
      for (int i = 0; i < tickets; ++i) {
        const nlohmann::json draft = {{"name", "Ada"}, {"email", "ada@example.com"}, {"subject", "Power " + std::to_string(i)},
                                      {"description", "The lights went out while I was typing this."}};
        const auto result = store.insert(draft, "account", "power-" + std::to_string(i));
        REQUIRE(result.created);
        ids.insert(result.ticket.id);
      }
      outcome.inserted = static_cast<int>(ids.size());
      vfs.cut_power();
    }  // the connection closes with the power off: its closing checkpoint reaches no disk
    vfs.restore_durable_images();
    outcome.syncs = vfs.syncs();
  }
  Database reopened(path);  // power back on, the ordinary VFS: SQLite recovers from the WAL
  TicketStore store(reopened);
  for (const auto& ticket : store.list_newest_first(static_cast<std::size_t>(tickets) * 2)) {
    outcome.survived += static_cast<int>(ids.count(ticket.id));
  }
  return outcome;
}

void print(const char* label, const PowerCutOutcome& outcome) {
  std::printf("power cut, %-28s %d tickets inserted, %d survived, %d lost (%zu syncs)\n", label, outcome.inserted,
              outcome.survived, outcome.inserted - outcome.survived, outcome.syncs);
}

}  // namespace

TEST_CASE("durability: every ticket whose insert returned survives a power cut (WAL, synchronous=FULL)") {
  const PowerCutOutcome full = insert_then_cut_power(nullptr, kTickets);
  print("server settings (FULL):", full);
  CHECK(full.inserted == kTickets);
  CHECK(full.survived == kTickets);
}

TEST_CASE("durability control: the same power cut loses tickets when commits are not synced") {
  const PowerCutOutcome off = insert_then_cut_power("OFF", kTickets);
  print("synchronous=OFF:", off);
  CHECK(off.inserted == kTickets);
  CHECK(off.survived < kTickets);  // else the simulation could not tell durable from not

  // For the record: WAL with NORMAL syncs only at checkpoints, so recent commits go too.
  print("synchronous=NORMAL:", insert_then_cut_power("NORMAL", kTickets));
}
