#include "event_store.h"

#include "utc_clock.h"

namespace support::server {

StoredEvent EventStore::insert(const std::string& type, const nlohmann::json& payload) {
  auto guard = database_.lock();
  StoredEvent event;
  event.created_at = utc_now_iso8601();
  event.type = type;
  event.payload = payload;
  Statement insert(database_.handle(), "INSERT INTO events(created_at, type, payload_json) VALUES (?, ?, ?)");
  insert.bind(1, event.created_at).bind(2, type).bind(3, payload.dump());
  insert.step();
  event.number = sqlite3_last_insert_rowid(database_.handle());
  return event;
}

std::vector<StoredEvent> EventStore::list_newest_first(std::size_t limit) {
  auto guard = database_.lock();
  Statement query(database_.handle(),
                  "SELECT number, created_at, type, payload_json FROM events ORDER BY number DESC LIMIT ?");
  query.bind(1, static_cast<std::int64_t>(limit));
  std::vector<StoredEvent> events;
  while (query.step()) {
    StoredEvent event;
    event.number = query.column_int(0);
    event.created_at = query.column_text(1);
    event.type = query.column_text(2);
    event.payload = nlohmann::json::parse(query.column_text(3), nullptr, false);
    if (event.payload.is_discarded()) event.payload = nlohmann::json::object();
    events.push_back(std::move(event));
  }
  return events;
}

nlohmann::json event_to_json(const StoredEvent& event) {
  nlohmann::json out = event.payload.is_object() ? event.payload : nlohmann::json::object();
  out["number"] = event.number;
  out["created_at"] = event.created_at;
  out["type"] = event.type;
  return out;
}

}  // namespace support::server
