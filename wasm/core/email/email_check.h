#pragma once
// Everything the widget wants to know about a typed email address, in one call:
//  - valid / reason: the browser's <input type=email> syntax (email_syntax.h), then a domain
//    with at least one dot and a plausible top-level domain (letters only, two or more; or an
//    "xn--" A-label; or letters of any script for internationalised TLDs). "name@gmail" and
//    "name@example.c0m" are rejected with their own reason;
//  - suggestion: the whole address with a corrected domain (domain_typo.h), for valid and
//    invalid addresses alike ("name@gmail.con" gets "name@gmail.com"), offered only when the
//    edits are less than a third of the typed domain (so "x.com" is not pulled to "me.com");
//  - provider: whose mailbox it is (email_provider.h), for the matching spam-folder advice;
//    detected from the suggestion's domain when the typed one is not known.
#include "email/domain_lists.h"
#include "email/email_provider.h"
#include "email/email_syntax.h"

#include <optional>
#include <string>
#include <string_view>

namespace support {

enum class EmailDomainProblem {
  none,
  no_dot,                    // "name@gmail"
  implausible_top_level,     // "name@example.c0m", "name@example.c"
};

struct EmailCheck {
  bool valid = false;
  // Empty when valid; otherwise a snake_case reason: an EmailSyntaxError name ("missing_at") or
  // "no_dot_in_domain" / "implausible_top_level_domain".
  std::string reason;
  std::optional<std::string> suggestion;  // the whole suggested address
  EmailProvider provider = EmailProvider::other;
};

// Checks the domain part only (after the syntax check passed).
EmailDomainProblem check_email_domain(std::string_view domain);

EmailCheck check_email(std::string_view address, const DomainLists& lists = default_domain_lists());

// A short English explanation of a reason code, for the command line and logs; the widget shows
// texts from its configuration instead.
const char* email_reason_description(const std::string& reason);

}  // namespace support
