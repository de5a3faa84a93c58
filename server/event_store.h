#pragma once
// Flow outcomes reported by the widget ("resolved", "escalated", ...), for staff statistics.
#include "database.h"

#include <nlohmann/json.hpp>

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace support::server {

struct StoredEvent {
  std::int64_t number = 0;
  std::string created_at;
  std::string type;
  nlohmann::json payload;  // the event object as received (validated by the route)
};

class EventStore {
 public:
  explicit EventStore(Database& database) : database_(database) {}
  StoredEvent insert(const std::string& type, const nlohmann::json& payload);
  std::vector<StoredEvent> list_newest_first(std::size_t limit);

 private:
  Database& database_;
};

nlohmann::json event_to_json(const StoredEvent& event);

}  // namespace support::server
