#pragma once
// Where a session stands, as JSON, for the staff preview ("current step and the path so far")
// and for tests: {"screen","context":{...the values conditions see},"category","flow","step","step_type","position","path":[{"step",
// "answer"?}],"article"?,"ticket_number"?,"resolved","kb_file"?:{"file","loading","articles",
// "waiting","problems"}}. `path` is the whole route kept by the
// run; entries after `position` are the ones Forward would return to.
#include "session/support_session.h"

#include <nlohmann/json.hpp>

namespace support {

const char* screen_name(Screen screen);
nlohmann::json session_snapshot(const SupportSession& session);

}  // namespace support
