#pragma once
// Incompleteness screening: the configured rules of a category (config "screening.completeness")
// applied to a draft before it is sent. Each finding names its field and rule, says whether it
// blocks sending (level "required") or is a hint ("warning"), and carries the message shown next
// to the field and a one-line reason, in the customer's locale with placeholders filled in.
// What the customer already tried is in the flow log and is never asked for here.
#include "config/config.h"

#include <nlohmann/json.hpp>

#include <map>
#include <string>
#include <vector>

namespace support {

struct DraftFinding {
  std::string field;    // form field id (for a flow choice: the context key)
  std::string rule_id;
  RuleLevel level = RuleLevel::warning;
  std::string message;  // what to add
  std::string reason;   // why it helps, one line
};

// `form_values`: field id -> what the customer typed. `flow_log`: the run's log (FlowRun::log(),
// the ticket's "troubleshooting" array). Unknown categories have no rules: no findings.
std::vector<DraftFinding> check_draft_completeness(const Config& config, const std::string& locale,
                                                   const std::string& category_id,
                                                   const std::map<std::string, std::string>& form_values,
                                                   const nlohmann::json& flow_log);

// True when a finding is "required": the send button waits until it is fixed.
bool has_required_finding(const std::vector<DraftFinding>& findings);

// The single checks, for tests and other callers.
bool contains_version_number(std::string_view text);  // "2.4", "v5.1.3", "version 10.0.2"
bool is_ticket_number(std::string_view text, const TicketNumberFormat& format);
bool flow_log_sets(const nlohmann::json& flow_log, const std::string& key);

}  // namespace support
