#include "json_log.h"

#include "utc_clock.h"

namespace support::server {

void JsonLog::write(nlohmann::json fields) {
  fields["time"] = utc_now_iso8601();
  // replace: a log line must never throw, whatever bytes a helpdesk sent back.
  const std::string line = fields.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  std::lock_guard<std::mutex> guard(mutex_);
  out_ << line << '\n';
  out_.flush();
}

}  // namespace support::server
