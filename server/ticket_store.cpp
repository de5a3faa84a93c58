#include "ticket_store.h"

#include "random_hex.h"
#include "storage/request_fingerprint.h"
#include "utc_clock.h"

namespace support::server {

StoredTicket new_open_ticket(const nlohmann::json& draft, const std::string& category) {
  StoredTicket ticket;
  ticket.id = "t_" + random_hex(12);
  ticket.created_at = utc_now_iso8601();
  ticket.category = category;
  ticket.status = "open";
  ticket.draft = draft;
  return ticket;
}
namespace {

constexpr const char* kTicketColumns = "id, number, created_at, category, status, draft_json";

StoredTicket read_ticket(const Statement& row) {
  StoredTicket ticket;
  ticket.id = row.column_text(0);
  ticket.number = row.column_int(1);
  ticket.created_at = row.column_text(2);
  ticket.category = row.column_text(3);
  ticket.status = row.column_text(4);
  // Written by us from valid JSON; a damaged row still lists, with its raw text kept.
  ticket.draft = nlohmann::json::parse(row.column_text(5), nullptr, false);
  if (ticket.draft.is_discarded()) ticket.draft = {{"unreadable_draft", row.column_text(5)}};
  return ticket;
}

}  // namespace

std::optional<StoredTicket> TicketStore::find_by_key_locked(const std::string& key) {
  const std::string sql = std::string("SELECT ") + kTicketColumns + " FROM tickets WHERE idempotency_key = ?";
  Statement query(database_.handle(), sql.c_str());
  query.bind(1, key);
  if (!query.step()) return std::nullopt;
  return read_ticket(query);
}

std::optional<StoredTicket> TicketStore::find_by_id(const std::string& id) {
  auto guard = database_.lock();
  const std::string sql = std::string("SELECT ") + kTicketColumns + " FROM tickets WHERE id = ?";
  Statement query(database_.handle(), sql.c_str());
  query.bind(1, id);
  if (!query.step()) return std::nullopt;
  return read_ticket(query);
}

std::optional<StoredTicket> TicketStore::find_by_number(std::int64_t number) {
  auto guard = database_.lock();
  const std::string sql = std::string("SELECT ") + kTicketColumns + " FROM tickets WHERE number = ?";
  Statement query(database_.handle(), sql.c_str());
  query.bind(1, number);
  if (!query.step()) return std::nullopt;
  return read_ticket(query);
}

TicketInsertResult TicketStore::insert(const nlohmann::json& draft, const std::string& category,
                                       const std::string& idempotency_key, const std::string& client_ip,
                                       const std::function<void(const StoredTicket&)>& also_store) {
  auto guard = database_.lock();
  if (!idempotency_key.empty()) {
    if (auto existing = find_by_key_locked(idempotency_key)) {
      if (request_fingerprint(existing->draft) != request_fingerprint(draft)) return {StoredTicket{}, false, true};
      return {std::move(*existing), false};
    }
  }
  StoredTicket ticket = new_open_ticket(draft, category);

  // The ticket and its outbox row commit together: a 201 always has a delivery to make, and a
  // crash before COMMIT leaves neither (the client never got a 201 and retries under its key).
  database_.execute("BEGIN IMMEDIATE");
  try {
    Statement insert(database_.handle(),
                     "INSERT INTO tickets(id, idempotency_key, created_at, category, status, draft_json) "
                     "VALUES (?, ?, ?, ?, ?, ?)");
    insert.bind(1, ticket.id);
    if (idempotency_key.empty()) {
      insert.bind_null(2);
    } else {
      insert.bind(2, idempotency_key);
    }
    insert.bind(3, ticket.created_at).bind(4, ticket.category).bind(5, ticket.status).bind(6, draft.dump());
    insert.step();
    ticket.number = sqlite3_last_insert_rowid(database_.handle());
    if (also_store) also_store(ticket);
    if (outbox_) outbox_->enqueue_locked(ticket.number, client_ip);
    database_.execute("COMMIT");  // durable (WAL + synchronous=FULL) when this returns
  } catch (...) {
    sqlite3_exec(database_.handle(), "ROLLBACK", nullptr, nullptr, nullptr);
    throw;
  }
  return {std::move(ticket), true};
}

std::vector<StoredTicket> TicketStore::list_newest_first(std::size_t limit) {
  auto guard = database_.lock();
  const std::string sql = std::string("SELECT ") + kTicketColumns + " FROM tickets ORDER BY number DESC LIMIT ?";
  Statement query(database_.handle(), sql.c_str());
  query.bind(1, static_cast<std::int64_t>(limit));
  std::vector<StoredTicket> tickets;
  while (query.step()) tickets.push_back(read_ticket(query));
  return tickets;
}

std::int64_t TicketStore::count() {
  auto guard = database_.lock();
  Statement query(database_.handle(), "SELECT COUNT(*) FROM tickets");
  query.step();
  return query.column_int(0);
}

std::vector<StoredTicket> TicketStore::list_for_email(const std::string& email, std::size_t limit) {
  auto guard = database_.lock();
  const std::string sql = std::string("SELECT ") + kTicketColumns +
                          " FROM tickets WHERE lower(json_extract(draft_json, '$.email')) = lower(?)"
                          " ORDER BY number DESC LIMIT ?";
  Statement query(database_.handle(), sql.c_str());
  query.bind(1, email).bind(2, static_cast<std::int64_t>(limit));
  std::vector<StoredTicket> tickets;
  while (query.step()) tickets.push_back(read_ticket(query));
  return tickets;
}

nlohmann::json ticket_to_json(const StoredTicket& ticket) {
  nlohmann::json out = ticket.draft.is_object() ? ticket.draft : nlohmann::json::object();
  out["id"] = ticket.id;
  out["number"] = ticket.number;
  out["created_at"] = ticket.created_at;
  out["category"] = ticket.category;
  out["status"] = ticket.status;
  return out;
}

}  // namespace support::server
