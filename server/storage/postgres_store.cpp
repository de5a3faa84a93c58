#include "storage/postgres_store.h"

#include "storage/request_fingerprint.h"
#include "utc_clock.h"

#include <algorithm>
#include <stdexcept>

namespace support::server {
namespace {

// Append-only like the SQLite migrations (database.cpp): never edit an entry that has shipped.
// The same tables as SQLite, plus the lease columns the shared outbox needs.
struct Migration {
  int version;
  const char* name;
  const char* sql;
};

const Migration kMigrations[] = {
    {1, "tickets, events, deliveries",
     "CREATE TABLE tickets ("
     "  number BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,"  // the human ticket number; never reused
     "  id TEXT NOT NULL UNIQUE,"
     "  idempotency_key TEXT UNIQUE,"                             // one ticket per key, by constraint
     "  created_at TEXT NOT NULL,"
     "  category TEXT NOT NULL DEFAULT '',"
     "  status TEXT NOT NULL DEFAULT 'open',"
     "  draft_json TEXT NOT NULL);"
     "CREATE INDEX tickets_by_email ON tickets (lower(draft_json::jsonb ->> 'email'));"
     "CREATE TABLE events ("
     "  number BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,"
     "  created_at TEXT NOT NULL,"
     "  type TEXT NOT NULL,"
     "  payload_json TEXT NOT NULL);"
     "CREATE INDEX events_by_type ON events(type);"
     "CREATE TABLE deliveries ("
     "  ticket_number BIGINT PRIMARY KEY REFERENCES tickets(number),"
     "  state TEXT NOT NULL DEFAULT 'pending',"
     "  attempts INTEGER NOT NULL DEFAULT 0,"
     "  enqueued_ms BIGINT NOT NULL,"
     "  next_attempt_ms BIGINT NOT NULL DEFAULT 0,"
     "  last_error TEXT NOT NULL DEFAULT '',"
     "  helpdesk TEXT NOT NULL DEFAULT '',"
     "  helpdesk_ticket_id TEXT NOT NULL DEFAULT '',"
     "  client_ip TEXT NOT NULL DEFAULT '',"
     "  updated_at TEXT NOT NULL,"
     "  lease_owner TEXT NOT NULL DEFAULT '',"     // the relay holding the claim
     "  lease_until_ms BIGINT NOT NULL DEFAULT 0);"  // Unix ms; after it anyone may claim again
     "CREATE INDEX deliveries_due ON deliveries(state, next_attempt_ms);"},
    // The files of tickets, as SQLite keeps them (attachment_store.h), the bytes as BYTEA.
    {2, "attachments",
     "CREATE TABLE attachments ("
     "  ticket_id TEXT NOT NULL REFERENCES tickets(id),"
     "  position INTEGER NOT NULL,"   // the file's index in the ticket, from 0
     "  name TEXT NOT NULL,"
     "  type TEXT NOT NULL,"
     "  size BIGINT NOT NULL,"
     "  sha256 TEXT NOT NULL,"
     "  content BYTEA NOT NULL,"
     "  PRIMARY KEY (ticket_id, position));"},
};

// Any number; the relays only have to agree on it.
constexpr const char* kMigrationLock = "SELECT pg_advisory_xact_lock(7264537101)";

constexpr const char* kTicketColumns = "id, number, created_at, category, status, draft_json";
constexpr const char* kAttachmentColumns = "name, type, size, sha256, content";
constexpr const char* kDeliveryColumns =
    "ticket_number, state, attempts, enqueued_ms, next_attempt_ms, last_error, helpdesk, helpdesk_ticket_id, "
    "client_ip, updated_at";

std::string number_text(std::int64_t number) { return std::to_string(number); }

StoredTicket read_ticket(const PgResult& rows, int row) {
  StoredTicket ticket;
  ticket.id = rows.text(row, 0);
  ticket.number = rows.number(row, 1);
  ticket.created_at = rows.text(row, 2);
  ticket.category = rows.text(row, 3);
  ticket.status = rows.text(row, 4);
  ticket.draft = nlohmann::json::parse(rows.text(row, 5), nullptr, false);
  if (ticket.draft.is_discarded()) ticket.draft = {{"unreadable_draft", rows.text(row, 5)}};
  return ticket;
}

DeliveryState read_delivery(const PgResult& rows, int row) {
  DeliveryState state;
  state.ticket_number = rows.number(row, 0);
  state.state = rows.text(row, 1);
  state.attempts = static_cast<int>(rows.number(row, 2));
  state.enqueued_ms = rows.number(row, 3);
  state.next_attempt_ms = rows.number(row, 4);
  state.last_error = rows.text(row, 5);
  state.helpdesk = rows.text(row, 6);
  state.helpdesk_ticket_id = rows.text(row, 7);
  state.client_ip = rows.text(row, 8);
  state.updated_at = rows.text(row, 9);
  return state;
}

StoredAttachment read_attachment(const PgResult& rows, int row) {
  StoredAttachment file;
  file.name = rows.text(row, 0);
  file.type = rows.text(row, 1);
  file.size = rows.number(row, 2);
  file.sha256 = rows.text(row, 3);
  file.content = rows.bytes(row, 4);
  return file;
}

// The answer for a key seen before: the same request gets its ticket, another one the reuse error.
TicketInsertResult answer_for_existing(StoredTicket existing, const nlohmann::json& draft) {
  if (request_fingerprint(existing.draft) != request_fingerprint(draft)) return {StoredTicket{}, false, true};
  return {std::move(existing), false};
}

}  // namespace

bool is_postgres_url(const std::string& database) {
  return database.rfind("postgresql://", 0) == 0 || database.rfind("postgres://", 0) == 0;
}

PostgresStore::PostgresStore(const std::string& url, std::size_t max_connections)
    : connections_(url, max_connections) {
  migrate();
}

void PostgresStore::migrate() {
  auto db = connections_.borrow();
  db->run("BEGIN");
  db->run(kMigrationLock);
  db->run("CREATE TABLE IF NOT EXISTS schema_migrations ("
          "  version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)");
  const std::int64_t current = db->run("SELECT COALESCE(MAX(version), 0) FROM schema_migrations").number(0, 0);
  for (const Migration& migration : kMigrations) {
    if (migration.version <= current) continue;
    db->run_script(migration.sql);
    db->run("INSERT INTO schema_migrations(version, name, applied_at) VALUES ($1, $2, $3)",
            {number_text(migration.version), std::string(migration.name), utc_now_iso8601()});
  }
  db->run("COMMIT");
}

TicketInsertResult PostgresStore::insert_ticket(const nlohmann::json& draft, const std::string& category,
                                                const std::string& idempotency_key, const std::string& client_ip,
                                                const std::vector<StoredAttachment>& files) {
  const std::string by_key = std::string("SELECT ") + kTicketColumns + " FROM tickets WHERE idempotency_key = $1";
  auto db = connections_.borrow();
  if (!idempotency_key.empty()) {
    // The common retry: the ticket is there already (no ticket number is used up on it).
    const PgResult existing = db->run(by_key.c_str(), {idempotency_key});
    if (existing.rows() > 0) return answer_for_existing(read_ticket(existing, 0), draft);
  }
  StoredTicket ticket = new_open_ticket(draft, category);
  const std::optional<std::string> key =
      idempotency_key.empty() ? std::nullopt : std::optional<std::string>(idempotency_key);

  // Ticket, files and outbox row commit together, as with SQLite. A request racing under the same key
  // waits on the unique index for the other to commit and then inserts nothing.
  db->run("BEGIN");
  const PgResult inserted = db->run(
      "INSERT INTO tickets(id, idempotency_key, created_at, category, status, draft_json) "
      "VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (idempotency_key) DO NOTHING RETURNING number",
      {ticket.id, key, ticket.created_at, ticket.category, ticket.status, draft.dump()});
  if (inserted.rows() == 0) {
    db->run("ROLLBACK");
    const PgResult winner = db->run(by_key.c_str(), {idempotency_key});  // a fresh snapshot sees it
    if (winner.rows() == 0) throw std::runtime_error("PostgreSQL: the ticket for an idempotency key vanished");
    return answer_for_existing(read_ticket(winner, 0), draft);
  }
  ticket.number = inserted.number(0, 0);
  for (std::size_t i = 0; i < files.size(); ++i) {
    db->run("INSERT INTO attachments(ticket_id, position, name, type, size, sha256, content) "
            "VALUES ($1, $2, $3, $4, $5, $6, $7)",
            {ticket.id, number_text(static_cast<std::int64_t>(i)), files[i].name, files[i].type,
             number_text(files[i].size), files[i].sha256, files[i].content},
            {7});
  }
  db->run("INSERT INTO deliveries(ticket_number, enqueued_ms, next_attempt_ms, client_ip, updated_at) "
          "VALUES ($1, $2, 0, $3, $4)",
          {number_text(ticket.number), number_text(unix_now_ms()), client_ip, ticket.created_at});
  db->run("COMMIT");  // synchronous_commit: durable when this returns
  return {std::move(ticket), true};
}

std::vector<StoredTicket> PostgresStore::tickets_where(const char* tail, const PgParams& params) {
  const std::string sql = std::string("SELECT ") + kTicketColumns + " FROM tickets " + tail;
  auto db = connections_.borrow();
  const PgResult rows = db->run(sql.c_str(), params);
  std::vector<StoredTicket> tickets;
  for (int row = 0; row < rows.rows(); ++row) tickets.push_back(read_ticket(rows, row));
  return tickets;
}

std::optional<StoredTicket> PostgresStore::find_ticket_by_id(const std::string& id) {
  auto found = tickets_where("WHERE id = $1", {id});
  if (found.empty()) return std::nullopt;
  return std::move(found.front());
}

std::optional<StoredTicket> PostgresStore::find_ticket_by_number(std::int64_t number) {
  auto found = tickets_where("WHERE number = $1", {number_text(number)});
  if (found.empty()) return std::nullopt;
  return std::move(found.front());
}

std::vector<StoredTicket> PostgresStore::list_tickets_newest_first(std::size_t limit) {
  return tickets_where("ORDER BY number DESC LIMIT $1", {number_text(static_cast<std::int64_t>(limit))});
}

std::vector<StoredTicket> PostgresStore::list_tickets_for_email(const std::string& email, std::size_t limit) {
  return tickets_where("WHERE lower(draft_json::jsonb ->> 'email') = lower($1) ORDER BY number DESC LIMIT $2",
                       {email, number_text(static_cast<std::int64_t>(limit))});
}

std::int64_t PostgresStore::count_tickets() {
  auto db = connections_.borrow();
  return db->run("SELECT COUNT(*) FROM tickets").number(0, 0);
}

std::unique_ptr<RelayStore::CustomerLock> PostgresStore::lock_customer(const std::string& email) {
  // A transaction-level advisory lock on the customer's email, held on a connection of its own
  // while the caller reads and inserts through others; giving the connection back rolls the
  // transaction back, which releases the lock, also after an exception or a lost connection. The
  // two-key form keeps these locks apart from the migrations' one-key lock. The process mutex
  // comes first, so the lock holders of a process tie up one pooled connection, never all of them.
  struct Held final : CustomerLock {
    Held(std::mutex& mutex, PostgresConnections& connections) : process(mutex), db(connections.borrow()) {}
    std::unique_lock<std::mutex> process;
    PostgresConnections::Borrowed db;
  };
  auto held = std::make_unique<Held>(customer_mutex_, connections_);
  held->db->run("BEGIN");
  held->db->run("SELECT pg_advisory_xact_lock(7264, hashtext(lower($1)))", {email});
  return held;
}

std::vector<StoredAttachment> PostgresStore::list_attachments(const std::string& ticket_id) {
  const std::string sql =
      std::string("SELECT ") + kAttachmentColumns + " FROM attachments WHERE ticket_id = $1 ORDER BY position";
  auto db = connections_.borrow();
  const PgResult rows = db->run(sql.c_str(), {ticket_id});
  std::vector<StoredAttachment> files;
  for (int row = 0; row < rows.rows(); ++row) files.push_back(read_attachment(rows, row));
  return files;
}

std::optional<StoredAttachment> PostgresStore::find_attachment(const std::string& ticket_id, std::size_t position) {
  const std::string sql =
      std::string("SELECT ") + kAttachmentColumns + " FROM attachments WHERE ticket_id = $1 AND position = $2";
  auto db = connections_.borrow();
  const PgResult rows = db->run(sql.c_str(), {ticket_id, number_text(static_cast<std::int64_t>(position))});
  if (rows.rows() == 0) return std::nullopt;
  return read_attachment(rows, 0);
}

StoredEvent PostgresStore::insert_event(const std::string& type, const nlohmann::json& payload) {
  StoredEvent event;
  event.created_at = utc_now_iso8601();
  event.type = type;
  event.payload = payload;
  auto db = connections_.borrow();
  event.number = db->run("INSERT INTO events(created_at, type, payload_json) VALUES ($1, $2, $3) RETURNING number",
                         {event.created_at, type, payload.dump()})
                     .number(0, 0);
  return event;
}

std::vector<StoredEvent> PostgresStore::list_events_newest_first(std::size_t limit) {
  auto db = connections_.borrow();
  const PgResult rows = db->run(
      "SELECT number, created_at, type, payload_json FROM events ORDER BY number DESC LIMIT $1",
      {number_text(static_cast<std::int64_t>(limit))});
  std::vector<StoredEvent> events;
  for (int row = 0; row < rows.rows(); ++row) {
    StoredEvent event;
    event.number = rows.number(row, 0);
    event.created_at = rows.text(row, 1);
    event.type = rows.text(row, 2);
    event.payload = nlohmann::json::parse(rows.text(row, 3), nullptr, false);
    if (event.payload.is_discarded()) event.payload = nlohmann::json::object();
    events.push_back(std::move(event));
  }
  return events;
}

std::vector<DeliveryState> PostgresStore::claim_due(const std::string& owner, std::int64_t now_ms,
                                                    std::int64_t lease_ms, std::size_t limit) {
  // One statement, so one transaction: the inner SELECT locks the rows it picks and skips rows
  // another relay's claim has locked at this moment; rows claimed earlier are excluded by their
  // lease. PostgreSQL re-checks a row changed by a claim that committed meanwhile.
  const std::string sql =
      std::string("UPDATE deliveries SET lease_owner = $1, lease_until_ms = $2::bigint + $3::bigint "
                  "WHERE ticket_number IN (SELECT ticket_number FROM deliveries "
                  "  WHERE state = 'pending' AND next_attempt_ms <= $2::bigint AND lease_until_ms <= $2::bigint "
                  "  ORDER BY ticket_number LIMIT $4 FOR UPDATE SKIP LOCKED) "
                  "RETURNING ") +
      kDeliveryColumns;
  auto db = connections_.borrow();
  const PgResult rows = db->run(sql.c_str(), {owner, number_text(now_ms), number_text(lease_ms),
                                              number_text(static_cast<std::int64_t>(limit))});
  std::vector<DeliveryState> claimed;
  for (int row = 0; row < rows.rows(); ++row) claimed.push_back(read_delivery(rows, row));
  std::sort(claimed.begin(), claimed.end(),
            [](const DeliveryState& a, const DeliveryState& b) { return a.ticket_number < b.ticket_number; });
  return claimed;
}

std::optional<std::int64_t> PostgresStore::next_due_ms() {
  auto db = connections_.borrow();
  const PgResult row = db->run(
      "SELECT COUNT(*), COALESCE(MIN(GREATEST(next_attempt_ms, lease_until_ms)), 0) FROM deliveries "
      "WHERE state = 'pending'");
  if (row.number(0, 0) == 0) return std::nullopt;
  return row.number(0, 1);
}

bool PostgresStore::mark_delivered(const std::string& owner, std::int64_t ticket_number, const std::string& helpdesk,
                                   const std::string& helpdesk_ticket_id) {
  auto db = connections_.borrow();
  return db->run("UPDATE deliveries SET state = 'delivered', attempts = attempts + 1, last_error = '', "
                 "helpdesk = $1, helpdesk_ticket_id = $2, updated_at = $3, lease_owner = '', lease_until_ms = 0 "
                 "WHERE ticket_number = $4 AND state = 'pending' AND lease_owner = $5 RETURNING 1",
                 {helpdesk, helpdesk_ticket_id, utc_now_iso8601(), number_text(ticket_number), owner})
             .rows() == 1;
}

bool PostgresStore::mark_retry(const std::string& owner, std::int64_t ticket_number, const std::string& error,
                               std::int64_t next_attempt_ms) {
  auto db = connections_.borrow();
  return db->run("UPDATE deliveries SET attempts = attempts + 1, last_error = $1, next_attempt_ms = $2, "
                 "updated_at = $3, lease_owner = '', lease_until_ms = 0 "
                 "WHERE ticket_number = $4 AND state = 'pending' AND lease_owner = $5 RETURNING 1",
                 {error, number_text(next_attempt_ms), utc_now_iso8601(), number_text(ticket_number), owner})
             .rows() == 1;
}

bool PostgresStore::mark_failed(const std::string& owner, std::int64_t ticket_number, const std::string& error) {
  auto db = connections_.borrow();
  return db->run("UPDATE deliveries SET state = 'failed', attempts = attempts + 1, last_error = $1, updated_at = $2, "
                 "lease_owner = '', lease_until_ms = 0 "
                 "WHERE ticket_number = $3 AND state = 'pending' AND lease_owner = $4 RETURNING 1",
                 {error, utc_now_iso8601(), number_text(ticket_number), owner})
             .rows() == 1;
}

Outbox::RetryResult PostgresStore::retry_failed(const std::string& ticket_id) {
  auto db = connections_.borrow();
  const PgResult found = db->run(
      "SELECT d.state FROM tickets t JOIN deliveries d ON d.ticket_number = t.number WHERE t.id = $1", {ticket_id});
  if (found.rows() == 0) return Outbox::RetryResult::no_such_ticket;
  if (found.text(0, 0) != "failed") return Outbox::RetryResult::not_failed;
  const PgResult changed = db->run(
      "UPDATE deliveries SET state = 'pending', attempts = 0, next_attempt_ms = 0, updated_at = $1, "
      "lease_owner = '', lease_until_ms = 0 "
      "WHERE state = 'failed' AND ticket_number = (SELECT number FROM tickets WHERE id = $2) RETURNING 1",
      {utc_now_iso8601(), ticket_id});
  return changed.rows() == 1 ? Outbox::RetryResult::queued : Outbox::RetryResult::not_failed;
}

std::optional<DeliveryState> PostgresStore::find_delivery(std::int64_t ticket_number) {
  const std::string sql = std::string("SELECT ") + kDeliveryColumns + " FROM deliveries WHERE ticket_number = $1";
  auto db = connections_.borrow();
  const PgResult rows = db->run(sql.c_str(), {number_text(ticket_number)});
  if (rows.rows() == 0) return std::nullopt;
  return read_delivery(rows, 0);
}

OutboxBacklog PostgresStore::backlog() {
  auto db = connections_.borrow();
  const PgResult row = db->run(
      "SELECT COUNT(*) FILTER (WHERE state = 'pending'), COUNT(*) FILTER (WHERE state = 'failed'), "
      "MIN(enqueued_ms) FILTER (WHERE state = 'pending') FROM deliveries");
  OutboxBacklog backlog;
  backlog.pending = row.number(0, 0);
  backlog.failed = row.number(0, 1);
  if (!row.is_null(0, 2)) backlog.oldest_pending_enqueued_ms = row.number(0, 2);
  return backlog;
}

}  // namespace support::server
