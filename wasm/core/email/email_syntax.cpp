#include "email/email_syntax.h"

#include "text/utf8_codec.h"

#include <cstddef>
#include <optional>
#include <string_view>

namespace support {
namespace {

constexpr std::size_t kMaxAddressOctets = 254;
constexpr std::size_t kMaxLocalOctets = 64;
constexpr std::size_t kMaxDomainOctets = 253;
constexpr std::size_t kMaxLabelOctets = 63;

bool is_ascii_alnum(char32_t c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

bool is_atext(char c) {
  if (is_ascii_alnum(static_cast<unsigned char>(c))) return true;
  switch (c) {
    case '!': case '#': case '$': case '%': case '&': case '\'': case '*': case '+': case '-':
    case '/': case '=': case '?': case '^': case '_': case '`': case '{': case '|': case '}':
    case '~':
      return true;
    default:
      return false;
  }
}

// Non-ASCII code points people cannot see or that imitate ASCII punctuation: a domain with these
// is almost always a paste accident or a spoof, never what the customer meant.
bool is_unwelcome_non_ascii(char32_t c) {
  return c < 0xA1                       // C1 controls and no-break space
         || c == 0xAD                   // soft hyphen
         || (c >= 0x2000 && c <= 0x206F)  // spaces, zero-width chars, general punctuation
         || c == 0x3000 || c == 0x3002  // ideographic space and full stop
         || c == 0xFEFF                 // byte order mark
         || c == 0xFF0E || c == 0xFF61  // fullwidth and halfwidth full stops
         || (c >= 0xFFF0 && c <= 0xFFFF)  // specials
         || (c >= 0xE000 && c <= 0xF8FF);  // private use
}

EmailSyntaxError check_local_part(std::string_view local) {
  if (local.empty()) return EmailSyntaxError::empty_local_part;
  if (local.front() == '"') return EmailSyntaxError::quoted_local_part;
  if (local.size() > kMaxLocalOctets) return EmailSyntaxError::local_part_too_long;
  char previous = '.';  // so that a leading dot is caught like a doubled one
  for (char c : local) {
    if (c == '.') {
      if (previous == '.') return EmailSyntaxError::misplaced_dot;
    } else if (!is_atext(c)) {
      return EmailSyntaxError::invalid_local_character;
    }
    previous = c;
  }
  if (previous == '.') return EmailSyntaxError::misplaced_dot;
  return EmailSyntaxError::none;
}

EmailSyntaxError check_label(std::string_view label, bool is_last) {
  if (label.empty()) return EmailSyntaxError::misplaced_dot;
  if (label.size() > kMaxLabelOctets) return EmailSyntaxError::label_too_long;
  if (label.front() == '-' || label.back() == '-') return EmailSyntaxError::misplaced_hyphen;
  bool all_digits = true;
  std::size_t pos = 0;
  while (pos < label.size()) {
    const std::optional<char32_t> c = utf8_next_strict(label, pos);
    if (!c) return EmailSyntaxError::invalid_utf8;
    if (*c < 0x80) {
      if (!is_ascii_alnum(*c) && *c != '-') return EmailSyntaxError::invalid_domain_character;
      if (*c < '0' || *c > '9') all_digits = false;
    } else {
      if (is_unwelcome_non_ascii(*c)) return EmailSyntaxError::invalid_domain_character;
      all_digits = false;
    }
  }
  if (is_last && all_digits) return EmailSyntaxError::numeric_top_level_domain;
  return EmailSyntaxError::none;
}

EmailSyntaxError check_domain(std::string_view domain) {
  if (domain.empty()) return EmailSyntaxError::empty_domain;
  if (domain.front() == '[') return EmailSyntaxError::domain_literal;
  if (domain.size() > kMaxDomainOctets) return EmailSyntaxError::domain_too_long;
  std::size_t start = 0;
  while (true) {
    const std::size_t dot = domain.find('.', start);
    const bool is_last = dot == std::string_view::npos;
    const std::string_view label = domain.substr(start, is_last ? std::string_view::npos : dot - start);
    const EmailSyntaxError error = check_label(label, is_last);
    if (error != EmailSyntaxError::none) return error;
    if (is_last) return EmailSyntaxError::none;
    start = dot + 1;
  }
}

}  // namespace

EmailSyntaxError check_email_syntax(std::string_view address) {
  if (address.empty()) return EmailSyntaxError::empty;
  // Whitespace and control characters first: they are the commonest paste accident and the
  // reason for most "technically valid" RFC 5322 forms (folding whitespace, CR/LF).
  for (char c : address) {
    const auto byte = static_cast<unsigned char>(c);
    if (byte <= 0x20 || byte == 0x7F) return EmailSyntaxError::whitespace_or_control;
  }
  if (!is_valid_utf8(address)) return EmailSyntaxError::invalid_utf8;

  const std::size_t at = address.rfind('@');
  if (at == std::string_view::npos) return EmailSyntaxError::missing_at;
  const std::string_view local = address.substr(0, at);
  const std::string_view domain = address.substr(at + 1);
  if (!local.empty() && local.front() == '"') return EmailSyntaxError::quoted_local_part;
  if (local.find('@') != std::string_view::npos) return EmailSyntaxError::multiple_at;

  const EmailSyntaxError local_error = check_local_part(local);
  if (local_error != EmailSyntaxError::none) return local_error;
  const EmailSyntaxError domain_error = check_domain(domain);
  if (domain_error != EmailSyntaxError::none) return domain_error;
  if (address.size() > kMaxAddressOctets) return EmailSyntaxError::too_long;
  return EmailSyntaxError::none;
}

const char* email_syntax_error_name(EmailSyntaxError error) {
  switch (error) {
    case EmailSyntaxError::none: return "none";
    case EmailSyntaxError::empty: return "empty";
    case EmailSyntaxError::missing_at: return "missing_at";
    case EmailSyntaxError::multiple_at: return "multiple_at";
    case EmailSyntaxError::empty_local_part: return "empty_local_part";
    case EmailSyntaxError::empty_domain: return "empty_domain";
    case EmailSyntaxError::too_long: return "too_long";
    case EmailSyntaxError::local_part_too_long: return "local_part_too_long";
    case EmailSyntaxError::domain_too_long: return "domain_too_long";
    case EmailSyntaxError::label_too_long: return "label_too_long";
    case EmailSyntaxError::invalid_utf8: return "invalid_utf8";
    case EmailSyntaxError::whitespace_or_control: return "whitespace_or_control";
    case EmailSyntaxError::quoted_local_part: return "quoted_local_part";
    case EmailSyntaxError::invalid_local_character: return "invalid_local_character";
    case EmailSyntaxError::misplaced_dot: return "misplaced_dot";
    case EmailSyntaxError::domain_literal: return "domain_literal";
    case EmailSyntaxError::invalid_domain_character: return "invalid_domain_character";
    case EmailSyntaxError::misplaced_hyphen: return "misplaced_hyphen";
    case EmailSyntaxError::numeric_top_level_domain: return "numeric_top_level_domain";
  }
  return "unknown";
}

}  // namespace support
