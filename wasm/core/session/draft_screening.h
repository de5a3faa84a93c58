#pragma once
// What the form screen shows about a draft before it is sent (docs/screening.md), recomputed when
// the form's values change: the category's completeness findings per field, tone notes, the email
// check (typo suggestion, the provider's advice) and the queue reminder. Nothing here changes what
// the customer wrote; only a "required" finding blocks sending (an invalid address is the form's
// own validation, which uses the same check_email).
#include "config/config.h"
#include "email/email_check.h"
#include "screening/draft_completeness.h"
#include "screening/tone_check.h"

#include <nlohmann/json.hpp>

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace support {

// Where misfiled mail lands at the customer's provider, and how to whitelist the support domain.
struct EmailAdvice {
  std::string provider;             // "gmail", ..., "other"
  std::string where;                // one sentence
  std::vector<std::string> steps;   // the exact steps, in order
};

struct DraftScreening {
  std::vector<DraftFinding> findings;         // completeness, per field
  std::vector<ToneNote> tone;                 // over subject + description
  EmailCheck email;                           // of the "email" field (default when empty)
  std::string email_suggestion_text;          // "Did you mean name@gmail.com?"; empty: none
  std::optional<EmailAdvice> email_advice;    // a valid address new to this browser
  std::string queue_reminder;                 // shown above Send

  bool blocks() const { return has_required_finding(findings); }
  // The findings of one field, in the configured order.
  std::vector<const DraftFinding*> findings_for(const std::string& field) const;
};

// The configured advice for an address's provider ("other" when its provider has none);
// nullopt when the configuration has no advice at all.
std::optional<EmailAdvice> email_advice_for(const Config& config, const std::string& locale, EmailProvider provider);

// `address_known`: this browser already sent a ticket from the address (no advice needed).
DraftScreening screen_draft(const Config& config, const std::string& locale, const std::string& category,
                            const std::map<std::string, std::string>& values, const nlohmann::json& flow_log,
                            bool address_known);

}  // namespace support
