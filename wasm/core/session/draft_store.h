#pragma once
// What the widget keeps in the browser's local storage so that a reload or a closed tab loses
// nothing: the route through the flow, the form as typed, the articles read, the idempotency
// key with the request it was sent with, the last ticket sent and the recent ones (sent_history).
// This file only translates between that record and its JSON; the session decides what goes in
// and what comes back.
#include "run/form_submission.h"
#include "session/sent_history.h"
#include "session/sent_ticket.h"

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <vector>

namespace support {

struct SessionDraft {
  std::string category;                       // empty: no flow under way
  std::vector<std::string> answers;           // the answers up to the current step, in order
  FormValues values;
  std::vector<std::string> articles_opened;
  std::string idempotency_key;                // empty: none saved
  std::string key_request;                    // fingerprint of the request the key was sent with
  std::string screen;                         // "home", "flow" or "sent"
  std::optional<SentTicket> last_sent;
  bool sending = false;                       // a ticket was on its way (not answered for good)
  nlohmann::json screening_record = nullptr;  // the screening choice of the unsent ticket
  SentHistory sent_history;                   // this browser's recent tickets (drafts before it had none)
};

// The draft as saved (version 1).
nlohmann::json draft_to_json(const SessionDraft& draft);

// Reads a saved draft leniently: a member of the wrong type is left out, the answers stop at
// the first one that is not text. nullopt when it is not a version-1 draft at all.
std::optional<SessionDraft> draft_from_json(const nlohmann::json& saved);

}  // namespace support
