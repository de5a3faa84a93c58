#pragma once
// What the widget checks in a draft before it is sent (docs/screening.md): the email address
// (typo lists, provider-specific advice), completeness rules per category, tone, duplicates,
// and the reminder that adding to a ticket later moves it back in the queue. Data only; the
// engines live in screening/ and email/.
#include "email/domain_lists.h"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace support {

enum class RuleLevel { warning, required };  // required: the draft cannot be sent without it

// What a completeness rule looks at.
enum class CompletenessCheck {
  filled,          // the field is not empty
  min_length,      // the field has at least `min_length` characters
  url,             // the field parses as a web address (http/https, a host with a dot)
  version_number,  // the field contains a version number such as 2.4 or 5.1.3
  ticket_number,   // the field is a ticket number in the configured format
  mentions,        // the field contains one of `words` (per locale), e.g. "expected", "instead"
  flow_choice,     // the flow log set `field` as a context key (e.g. product chosen earlier)
};

struct CompletenessRule {
  std::string id;     // unique within its category, e.g. "site_url_parses"
  CompletenessCheck check = CompletenessCheck::filled;
  std::string field;  // form field id; for flow_choice the context key
  int min_length = 0;
  std::map<std::string, std::vector<std::string>> words;  // locale -> words (mentions)
  RuleLevel level = RuleLevel::warning;
  std::string message_key;  // shown next to the field: what to add
  std::string reason_key;   // one line: why it helps
  std::string path;         // JSON path, for lint
};

struct TicketNumberFormat {
  std::string prefix;  // optional before the digits, e.g. "#" ("#1234" and "1234" both pass)
  int min_digits = 1;
  int max_digits = 10;
};

struct ToneWords {
  std::vector<std::string> insults;
  std::vector<std::string> threats;
};

struct ToneSettings {
  int shouting_min_letters = 12;    // shorter texts ("OK", "URGENT") are never shouting
  double shouting_upper_share = 0.7;  // share of letters that are capitals
  int punctuation_run = 3;          // "!!!", "???", "?!?"
  std::string shouting_key, punctuation_key, insult_key, threat_key;  // the notes
  std::map<std::string, ToneWords> words;  // by locale
};

struct EmailProviderAdvice {
  std::string where_key;               // where misfiled mail lands at this provider
  std::vector<std::string> step_keys;  // exact steps to whitelist {email.support_domain} there
  std::string path;
};

struct EmailScreeningSettings {
  DomainLists lists = default_domain_lists();  // each list replaced when configured
  std::map<std::string, EmailProviderAdvice> advice;  // provider id ("gmail", ..., "other") -> advice
  std::string suggestion_key;  // "Did you mean {suggestion}?"
};

struct DuplicateScreeningSettings {
  double threshold = 0.3;
  std::string similar_key;  // "This looks like ticket #{number} from {date}, still {status}."
  std::string resubmit_key; // the same draft was already sent as #{number}
};

struct ScreeningSettings {
  EmailScreeningSettings email;
  std::map<std::string, std::vector<CompletenessRule>> completeness;  // category id -> rules
  ToneSettings tone;
  TicketNumberFormat ticket_number;
  DuplicateScreeningSettings duplicates;
  std::string queue_reminder_key;  // "put everything in this ticket: adding later moves it back"
};

const char* completeness_check_name(CompletenessCheck check);

}  // namespace support
