#pragma once
// The form's "attachments" field: its label and limits, the "Add files" picker, the files added
// (name, size, a Remove button each) and a line for every file that was refused.
#include "flow/flow_step.h"
#include "session/support_session.h"

namespace ui {

void draw_attachment_list(support::SupportSession& session, const support::FormField& field);

}  // namespace ui
