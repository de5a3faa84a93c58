#pragma once
// "My tickets": the identified customer's tickets as the server lists them (GET /api/my/tickets),
// every status, newest first, with the state of the fetch so the screen can say "loading", "could
// not load (why)" or "none yet" instead of showing an empty list that means nothing.
#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace support {

struct ListedTicket {
  long number = 0;
  std::string subject;
  std::string description;   // not listed on the screen; duplicate screening compares it
  std::string status;       // the server's word: open, pending, resolved, closed, ...
  std::string created_at;   // ISO 8601 UTC, as the server sent it
  std::string updated_at;   // the last change; created_at when the server sent none
};

class MyTickets {
 public:
  enum class State { NotAsked, Loading, Loaded, Failed };
  // Why a fetch failed, for the customer's text (the screen picks the words).
  enum class Problem { None, SignedOut, Unreachable, Unreadable };

  State state() const { return state_; }
  Problem problem() const { return problem_; }
  const std::vector<ListedTicket>& tickets() const { return tickets_; }
  // Entries of the last answer without a ticket number: not shown, but counted, never hidden.
  std::size_t unreadable_entries() const { return unreadable_; }

  void loading();
  // The server's answer. On a failure the last good list stays (shown with the problem).
  void answered(int http_status, const std::string& body);

 private:
  State state_ = State::NotAsked;
  Problem problem_ = Problem::None;
  std::vector<ListedTicket> tickets_;
  std::size_t unreadable_ = 0;
};

}  // namespace support
