#include "delivery/outbox.h"

#include "utc_clock.h"

#include <chrono>

namespace support::server {
namespace {

constexpr const char* kColumns =
    "ticket_number, state, attempts, enqueued_ms, next_attempt_ms, last_error, helpdesk, helpdesk_ticket_id, "
    "client_ip, updated_at";

DeliveryState read_state(const Statement& row) {
  DeliveryState state;
  state.ticket_number = row.column_int(0);
  state.state = row.column_text(1);
  state.attempts = static_cast<int>(row.column_int(2));
  state.enqueued_ms = row.column_int(3);
  state.next_attempt_ms = row.column_int(4);
  state.last_error = row.column_text(5);
  state.helpdesk = row.column_text(6);
  state.helpdesk_ticket_id = row.column_text(7);
  state.client_ip = row.column_text(8);
  state.updated_at = row.column_text(9);
  return state;
}

std::string select_from_deliveries(const char* tail) {
  return std::string("SELECT ") + kColumns + " FROM deliveries " + tail;
}

bool changed_one_row(Database& database) { return sqlite3_changes(database.handle()) == 1; }

}  // namespace

std::int64_t unix_now_ms() {
  using namespace std::chrono;
  return duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
}

void Outbox::enqueue_locked(std::int64_t ticket_number, const std::string& client_ip) {
  Statement insert(database_.handle(),
                   "INSERT INTO deliveries(ticket_number, enqueued_ms, next_attempt_ms, client_ip, updated_at) "
                   "VALUES (?, ?, 0, ?, ?)");
  insert.bind(1, ticket_number).bind(2, unix_now_ms()).bind(3, client_ip).bind(4, utc_now_iso8601());
  insert.step();
}

std::vector<DeliveryState> Outbox::due(std::int64_t now_ms, std::size_t limit) {
  auto guard = database_.lock();
  const std::string sql =
      select_from_deliveries("WHERE state = 'pending' AND next_attempt_ms <= ? ORDER BY ticket_number LIMIT ?");
  Statement query(database_.handle(), sql.c_str());
  query.bind(1, now_ms).bind(2, static_cast<std::int64_t>(limit));
  std::vector<DeliveryState> rows;
  while (query.step()) rows.push_back(read_state(query));
  return rows;
}

std::optional<std::int64_t> Outbox::next_due_ms() {
  auto guard = database_.lock();
  Statement query(database_.handle(),
                  "SELECT COUNT(*), COALESCE(MIN(next_attempt_ms), 0) FROM deliveries WHERE state = 'pending'");
  query.step();
  if (query.column_int(0) == 0) return std::nullopt;
  return query.column_int(1);
}

bool Outbox::mark_delivered(std::int64_t ticket_number, const std::string& helpdesk,
                            const std::string& helpdesk_ticket_id) {
  auto guard = database_.lock();
  Statement update(database_.handle(),
                   "UPDATE deliveries SET state = 'delivered', attempts = attempts + 1, last_error = '', "
                   "helpdesk = ?, helpdesk_ticket_id = ?, updated_at = ? "
                   "WHERE ticket_number = ? AND state = 'pending'");
  update.bind(1, helpdesk).bind(2, helpdesk_ticket_id).bind(3, utc_now_iso8601()).bind(4, ticket_number);
  update.step();
  return changed_one_row(database_);
}

bool Outbox::mark_retry(std::int64_t ticket_number, const std::string& error, std::int64_t next_attempt_ms) {
  auto guard = database_.lock();
  Statement update(database_.handle(),
                   "UPDATE deliveries SET attempts = attempts + 1, last_error = ?, next_attempt_ms = ?, updated_at = ? "
                   "WHERE ticket_number = ? AND state = 'pending'");
  update.bind(1, error).bind(2, next_attempt_ms).bind(3, utc_now_iso8601()).bind(4, ticket_number);
  update.step();
  return changed_one_row(database_);
}

bool Outbox::mark_failed(std::int64_t ticket_number, const std::string& error) {
  auto guard = database_.lock();
  Statement update(database_.handle(),
                   "UPDATE deliveries SET state = 'failed', attempts = attempts + 1, last_error = ?, updated_at = ? "
                   "WHERE ticket_number = ? AND state = 'pending'");
  update.bind(1, error).bind(2, utc_now_iso8601()).bind(3, ticket_number);
  update.step();
  return changed_one_row(database_);
}

Outbox::RetryResult Outbox::retry_failed(const std::string& ticket_id) {
  auto guard = database_.lock();
  Statement find(database_.handle(),
                 "SELECT d.state FROM tickets t JOIN deliveries d ON d.ticket_number = t.number WHERE t.id = ?");
  find.bind(1, ticket_id);
  if (!find.step()) return RetryResult::no_such_ticket;
  if (find.column_text(0) != "failed") return RetryResult::not_failed;
  Statement update(database_.handle(),
                   "UPDATE deliveries SET state = 'pending', attempts = 0, next_attempt_ms = 0, updated_at = ? "
                   "WHERE state = 'failed' AND ticket_number = (SELECT number FROM tickets WHERE id = ?)");
  update.bind(1, utc_now_iso8601()).bind(2, ticket_id);
  update.step();
  return changed_one_row(database_) ? RetryResult::queued : RetryResult::not_failed;
}

std::optional<DeliveryState> Outbox::find(std::int64_t ticket_number) {
  auto guard = database_.lock();
  const std::string sql = select_from_deliveries("WHERE ticket_number = ?");
  Statement query(database_.handle(), sql.c_str());
  query.bind(1, ticket_number);
  if (!query.step()) return std::nullopt;
  return read_state(query);
}

OutboxBacklog Outbox::backlog() {
  auto guard = database_.lock();
  Statement query(database_.handle(),
                  "SELECT COALESCE(SUM(state = 'pending'), 0), COALESCE(SUM(state = 'failed'), 0), "
                  "MIN(CASE WHEN state = 'pending' THEN enqueued_ms END), "
                  "COUNT(CASE WHEN state = 'pending' THEN 1 END) FROM deliveries");
  query.step();
  OutboxBacklog backlog;
  backlog.pending = query.column_int(0);
  backlog.failed = query.column_int(1);
  if (query.column_int(3) > 0) backlog.oldest_pending_enqueued_ms = query.column_int(2);
  return backlog;
}

nlohmann::json delivery_to_json(const DeliveryState& state) {
  nlohmann::json out = {{"state", state.state}, {"attempts", state.attempts}, {"updated_at", state.updated_at}};
  out["last_error"] = state.last_error.empty() ? nlohmann::json() : nlohmann::json(state.last_error);
  out["helpdesk"] = state.helpdesk.empty() ? nlohmann::json() : nlohmann::json(state.helpdesk);
  out["helpdesk_ticket_id"] =
      state.helpdesk_ticket_id.empty() ? nlohmann::json() : nlohmann::json(state.helpdesk_ticket_id);
  return out;
}

}  // namespace support::server
