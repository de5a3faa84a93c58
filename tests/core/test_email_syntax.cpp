// Hand-picked cases for the web-form email rules documented in email/email_syntax.h.
#include <doctest/doctest.h>

#include "email/email_syntax.h"

#include <string>

using support::check_email_syntax;
using support::EmailSyntaxError;
using support::is_valid_email;

TEST_CASE("email: everyday addresses are accepted") {
  CHECK(is_valid_email("name@example.com"));
  CHECK(is_valid_email("first.last+tag@sub.example.co.uk"));
  CHECK(is_valid_email("o'brien@example.ie"));
  CHECK(is_valid_email("x@example.museum"));
  CHECK(is_valid_email("user@xn--bcher-kva.example"));
  CHECK(is_valid_email("user@localhost"));  // single label: HTML accepts it too
}

TEST_CASE("email: internationalised domains in UTF-8 are accepted, local parts stay ASCII") {
  CHECK(is_valid_email("kunde@b\xC3\xBC" "cher.example"));                 // bücher.example
  CHECK(is_valid_email("user@\xE4\xBE\x8B\xE3\x81\x88.jp"));                // 例え.jp
  CHECK(check_email_syntax("j\xC3\xB6rg@example.com") == EmailSyntaxError::invalid_local_character);
  CHECK(check_email_syntax("user@exa\xE2\x80\x8Bmple.com") == EmailSyntaxError::invalid_domain_character);  // zero-width space
  CHECK(check_email_syntax("user@example\xE3\x80\x82" "com") == EmailSyntaxError::invalid_domain_character);  // ideographic full stop
  CHECK(check_email_syntax("user@exa\xC3mple.com") == EmailSyntaxError::invalid_utf8);
  CHECK(check_email_syntax("user@\xC0\xAE" "example.com") == EmailSyntaxError::invalid_utf8);  // overlong '.'
  CHECK(check_email_syntax("user@ex\xED\xA0\x80" "ample.com") == EmailSyntaxError::invalid_utf8);  // surrogate
  CHECK(check_email_syntax("user@example.co\xF0\x9F\x98") == EmailSyntaxError::invalid_utf8);  // truncated at the end
}

TEST_CASE("email: structural mistakes name their reason") {
  CHECK(check_email_syntax("") == EmailSyntaxError::empty);
  CHECK(check_email_syntax("name.example.com") == EmailSyntaxError::missing_at);
  CHECK(check_email_syntax("a@b@example.com") == EmailSyntaxError::multiple_at);
  CHECK(check_email_syntax("@example.com") == EmailSyntaxError::empty_local_part);
  CHECK(check_email_syntax("name@") == EmailSyntaxError::empty_domain);
  CHECK(check_email_syntax(".name@example.com") == EmailSyntaxError::misplaced_dot);
  CHECK(check_email_syntax("name.@example.com") == EmailSyntaxError::misplaced_dot);
  CHECK(check_email_syntax("na..me@example.com") == EmailSyntaxError::misplaced_dot);
  CHECK(check_email_syntax("name@example..com") == EmailSyntaxError::misplaced_dot);
  CHECK(check_email_syntax("name@example.com.") == EmailSyntaxError::misplaced_dot);
  CHECK(check_email_syntax("name@-example.com") == EmailSyntaxError::misplaced_hyphen);
  CHECK(check_email_syntax("name@example-.com") == EmailSyntaxError::misplaced_hyphen);
  CHECK(check_email_syntax("name@exam_ple.com") == EmailSyntaxError::invalid_domain_character);
  CHECK(check_email_syntax("name@1.2.3.4") == EmailSyntaxError::numeric_top_level_domain);
  CHECK(check_email_syntax("name@[1.2.3.4]") == EmailSyntaxError::domain_literal);
  CHECK(check_email_syntax("\"john doe\"@example.com") == EmailSyntaxError::whitespace_or_control);
  CHECK(check_email_syntax("\"john\"@example.com") == EmailSyntaxError::quoted_local_part);
  CHECK(check_email_syntax(" name@example.com") == EmailSyntaxError::whitespace_or_control);
  CHECK(check_email_syntax("name@example.com\n") == EmailSyntaxError::whitespace_or_control);
  CHECK(check_email_syntax("na(me)@example.com") == EmailSyntaxError::invalid_local_character);
}

TEST_CASE("email: length limits 64 / 63 / 253 / 254") {
  const std::string local64(64, 'a');
  CHECK(is_valid_email(local64 + "@example.com"));
  CHECK(check_email_syntax(local64 + "a@example.com") == EmailSyntaxError::local_part_too_long);
  const std::string label63(63, 'b');
  CHECK(is_valid_email("a@" + label63 + ".com"));
  CHECK(check_email_syntax("a@" + label63 + "b.com") == EmailSyntaxError::label_too_long);
  // 3 labels of 63 + one of 60 + 3 dots = 252 octets of domain.
  const std::string domain252 = label63 + "." + label63 + "." + label63 + "." + std::string(60, 'c');
  CHECK(is_valid_email("a@" + domain252));                                          // 254 in total
  CHECK(check_email_syntax("ab@" + domain252) == EmailSyntaxError::too_long);         // 255
  CHECK(check_email_syntax("a@" + domain252 + ".cc") == EmailSyntaxError::domain_too_long);
}

TEST_CASE("email: error names are stable") {
  CHECK(std::string(support::email_syntax_error_name(EmailSyntaxError::misplaced_dot)) == "misplaced_dot");
  CHECK(std::string(support::email_syntax_error_name(EmailSyntaxError::none)) == "none");
}
