#pragma once
// What happens to the values typed into a flow's form step: checks against the field
// declarations and the policy, then a TicketDraft.
//
// The four standard fields (name, email, subject, description) fill the draft's own fields.
// Every other field (earlier_ticket_number, agent_name, site_url, ...) is extra data and goes
// into the draft's `extra` object under the field id: draft.extra["agent_name"] = "...".
// Empty optional fields are left out.
#include "run/flow_run.h"
#include "ticket/field_error.h"
#include "ticket/ticket_draft.h"

#include <map>
#include <string>

namespace support {

using FormValues = std::map<std::string, std::string>;  // field id -> typed text

// Required, minimum and maximum lengths (in code points), and a plausible email address.
// The description's minimum comes from the policy for the run's category unless the field sets one.
// Messages are the config's texts "form.error.required", "form.error.too_short",
// "form.error.too_long", "form.error.invalid_email" ({min}/{max} filled in).
FieldErrors validate_form_values(const Config& config, const FlowRun& run, const FormValues& values);

// Fills a draft from a run standing at its form step: fields, subject prefix (added once),
// category, product, locale and the troubleshooting log with the extra fields.
TicketDraft ticket_draft_from_form(const Config& config, const FlowRun& run, const FormValues& values);

}  // namespace support
