#pragma once
// What makes two ticket requests "the same" for an idempotency key: the draft as stored, without
// the key itself. Both stores compare it, so a retried submit gets its ticket back and a
// different request under a used key gets the reuse error, whichever store answers.
#include <nlohmann/json.hpp>

#include <string>

namespace support::server {

// nlohmann's objects keep their keys sorted, so dump() is canonical.
inline std::string request_fingerprint(nlohmann::json draft) {
  if (draft.is_object()) draft.erase("idempotency_key");
  return draft.dump();
}

}  // namespace support::server
