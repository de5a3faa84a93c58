#include "email/email_check.h"

#include "email/domain_typo.h"
#include "email/string_distance.h"
#include "text/utf8.h"

namespace support {
namespace {

bool is_ascii_letter(char32_t c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

bool is_plausible_top_level(std::string_view label) {
  if (label.size() >= 4 && (label.substr(0, 4) == "xn--" || label.substr(0, 4) == "XN--")) return label.size() > 4;
  std::size_t letters = 0;
  for (std::size_t pos = 0; pos < label.size();) {
    const char32_t c = utf8_next(label, pos);
    if (c < 0x80) {
      if (!is_ascii_letter(c)) return false;
    } else if (!is_word_char(c) || (c >= '0' && c <= '9')) {
      return false;
    }
    ++letters;
  }
  // Internationalised TLDs can be a single character in some scripts (e.g. CJK); ASCII ones never are.
  const bool ascii = label.size() == letters;
  return ascii ? letters >= 2 : letters >= 1;
}

// mailcheck's threshold of 2 edits is generous for short domains ("x.com" -> "me.com"): the
// widget only offers a suggestion when the edits are less than a third of what was typed.
bool is_close_enough(std::string_view typed_address, const std::string& suggested_address) {
  const std::string_view typed = typed_address.substr(typed_address.rfind('@') + 1);
  const std::string_view suggested = std::string_view(suggested_address).substr(suggested_address.rfind('@') + 1);
  std::u32string a, b;
  for (std::size_t pos = 0; pos < typed.size();) a.push_back(fold_case(utf8_next(typed, pos)));
  for (std::size_t pos = 0; pos < suggested.size();) b.push_back(utf8_next(suggested, pos));
  return 3 * sift4_distance(a, b) < static_cast<int>(a.size());
}

}  // namespace

EmailDomainProblem check_email_domain(std::string_view domain) {
  while (!domain.empty() && domain.back() == '.') domain.remove_suffix(1);
  const std::size_t dot = domain.rfind('.');
  if (dot == std::string_view::npos) return EmailDomainProblem::no_dot;
  if (!is_plausible_top_level(domain.substr(dot + 1))) return EmailDomainProblem::implausible_top_level;
  return EmailDomainProblem::none;
}

EmailCheck check_email(std::string_view address, const DomainLists& lists) {
  EmailCheck check;
  const EmailSyntaxError syntax = check_email_syntax(address);
  if (syntax != EmailSyntaxError::none) {
    check.reason = email_syntax_error_name(syntax);
  } else {
    switch (check_email_domain(address.substr(address.rfind('@') + 1))) {
      case EmailDomainProblem::none: check.valid = true; break;
      case EmailDomainProblem::no_dot: check.reason = "no_dot_in_domain"; break;
      case EmailDomainProblem::implausible_top_level: check.reason = "implausible_top_level_domain"; break;
    }
  }
  check.suggestion = suggest_address(address, lists);
  if (check.suggestion && !is_close_enough(address, *check.suggestion)) check.suggestion.reset();
  check.provider = detect_email_provider(check.suggestion ? std::string_view(*check.suggestion) : address);
  return check;
}

const char* email_reason_description(const std::string& reason) {
  static const std::pair<const char*, const char*> descriptions[] = {
      {"empty", "no address given"},
      {"missing_at", "an address needs an @ between the name and the domain"},
      {"multiple_at", "an address has exactly one @"},
      {"empty_local_part", "nothing before the @"},
      {"empty_domain", "nothing after the @"},
      {"too_long", "longer than 254 characters"},
      {"local_part_too_long", "the part before the @ is longer than 64 characters"},
      {"domain_too_long", "the domain is longer than 253 characters"},
      {"label_too_long", "a part of the domain is longer than 63 characters"},
      {"invalid_utf8", "contains bytes that are not text"},
      {"whitespace_or_control", "contains spaces or invisible characters"},
      {"quoted_local_part", "quoted names (\"...\"@) are not accepted"},
      {"invalid_local_character", "the part before the @ has a character addresses cannot use"},
      {"misplaced_dot", "a dot at the start, at the end or twice in a row"},
      {"domain_literal", "an IP address in brackets instead of a domain"},
      {"invalid_domain_character", "the domain has a character domains cannot use"},
      {"misplaced_hyphen", "a part of the domain starts or ends with a hyphen"},
      {"numeric_top_level_domain", "the domain ends in digits"},
      {"no_dot_in_domain", "the domain has no dot (such as example.com)"},
      {"implausible_top_level_domain", "the domain's ending is not a real one (such as .com)"},
  };
  for (const auto& [code, text] : descriptions)
    if (reason == code) return text;
  return "";
}

}  // namespace support
