#pragma once
// What the page's listeners hear (SupportWidget('on', type, callback) in shell/loader.js): found by
// comparing where the session stands after each frame with where it stood after the last one, so
// no action of the session has to remember to report itself.
//   step              a new screen or step is up     {screen, key, flow?, step?, title?}
//   article-viewed    a KB article was opened         {id, title}
//   resolved          solved without a ticket         {category?}
//   ticket-submitted  the server stored a ticket      {number}
//   error             sending failed                  {message}  (the configured text)
#include "session/support_session.h"

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace support {

struct SessionEvent {
  std::string type;
  nlohmann::json detail = nlohmann::json::object();
};

class SessionEventWatcher {
public:
  std::vector<SessionEvent> observe(const SupportSession& session);

private:
  bool first_ = true;
  std::string key_;
  std::string article_;
  long ticket_ = 0;
  std::string error_;
  bool resolved_ = false;
  std::string category_;   // of the flow being walked, for "resolved"
};

}  // namespace support
