#pragma once
#include <string>

namespace support {

// A ticket this browser sent, as the server confirmed it: what the customer sees after sending
// (also after a reload), and what an unchanged resubmit is recognised by.
struct SentTicket {
  long number = 0;
  std::string subject;
  std::string created_at;   // ISO 8601 UTC, from the server's answer
};

}  // namespace support
