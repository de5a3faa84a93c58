#pragma once
// A practical mailbox check for a web form: "is this what a person means by an email address?",
// not "could an RFC 5322 parser accept it?". Decisions (see docs/api.md, "Email addresses"):
//  - Shape is local@domain with exactly one '@'. No surrounding whitespace, comments (CFWS),
//    folding whitespace or control characters anywhere: callers trim the field first, as the
//    HTML email input does.
//  - Local part: RFC 5322 dot-atom of ASCII atext (letters, digits, !#$%&'*+-/=?^_`{|}~ and
//    single dots between atoms), at most 64 octets. Quoted local parts ("john doe"@x) are
//    rejected: HTML's <input type=email> rejects them, real mailboxes almost never use them and
//    many mail systems mangle them. Non-ASCII (SMTPUTF8) local parts are rejected for the same
//    reasons.
//  - Domain: a host name of dot-separated labels, each 1..63 octets of letters, digits and
//    hyphens, no hyphen at either end of a label. A single label ("user@localhost-like") is
//    accepted, as in HTML (typo hints are a separate concern). An all-digit last label is
//    rejected (dotted IPs are not mailboxes on a web form); address literals ([1.2.3.4],
//    [IPv6:...]) are rejected. The domain is at most 253 octets.
//  - Internationalised domains are accepted in both forms: A-labels ("xn--...") as plain ASCII
//    labels, and U-labels in UTF-8 (what a person types, e.g. "bücher.example"). Any
//    well-formed UTF-8 code point from U+00A1 upwards counts as a label character except
//    spaces, invisible format characters and look-alike dots; the label limit of 63 is applied
//    to the UTF-8 octets (an approximation of the A-label length; the mail system has the last
//    word).
//  - The whole address is at most 254 octets (RFC 5321 path limit minus the angle brackets).
#include <string_view>

namespace support {

enum class EmailSyntaxError {
  none,
  empty,
  missing_at,          // no '@' at all
  multiple_at,         // more than one '@' (quoted local parts are not supported)
  empty_local_part,
  empty_domain,
  too_long,            // over 254 octets in total
  local_part_too_long, // over 64 octets
  domain_too_long,     // over 253 octets
  label_too_long,      // a domain label over 63 octets
  invalid_utf8,
  whitespace_or_control,
  quoted_local_part,
  invalid_local_character,
  misplaced_dot,        // leading, trailing or doubled dot in either part
  domain_literal,       // [1.2.3.4] or [IPv6:...]
  invalid_domain_character,
  misplaced_hyphen,     // a label starting or ending with '-'
  numeric_top_level_domain,
};

// Returns EmailSyntaxError::none when the address is acceptable.
EmailSyntaxError check_email_syntax(std::string_view address);

inline bool is_valid_email(std::string_view address) {
  return check_email_syntax(address) == EmailSyntaxError::none;
}

// A stable snake_case name for logs and tests, e.g. "misplaced_dot".
const char* email_syntax_error_name(EmailSyntaxError error);

}  // namespace support
