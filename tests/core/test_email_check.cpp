// email/email_check: validity with a reason, typo suggestion with the default lists, provider.
#include <doctest/doctest.h>

#include "email/email_check.h"
#include "email/string_distance.h"

#include <string>

using support::check_email;
using support::EmailProvider;

TEST_CASE("email check: valid everyday addresses keep no reason and no suggestion") {
  const auto check = check_email("ana.silva@gmail.com");
  CHECK(check.valid);
  CHECK(check.reason.empty());
  CHECK_FALSE(check.suggestion.has_value());
  CHECK(check.provider == EmailProvider::gmail);
  CHECK(check_email("someone@acme-widgets.com").valid);
  CHECK_FALSE(check_email("someone@acme-widgets.com").suggestion);
  // mailcheck's rules pull an unknown ending towards a known one ("test" -> "net"): sites whose
  // customers use such endings list them in screening.email.top_level_domains.
  CHECK(check_email("someone@shop.test").suggestion == std::optional<std::string>("someone@shop.net"));
}

TEST_CASE("email check: a domain needs a dot and a plausible top-level domain") {
  CHECK(check_email("name@gmail").reason == "no_dot_in_domain");
  CHECK(check_email("name@example.c").reason == "implausible_top_level_domain");
  CHECK(check_email("name@example.c0m").reason == "implausible_top_level_domain");
  CHECK(check_email("name@example.co-uk").reason == "implausible_top_level_domain");
  CHECK(check_email("name@example.xn--p1ai").valid);  // .рф as an A-label
  CHECK(check_email("name@пример.рф").valid);         // and as typed
  CHECK(check_email("name@例え.テスト").valid);
  CHECK(check_email("").reason == "empty");
  CHECK(check_email("name.example.com").reason == "missing_at");
  CHECK(std::string(support::email_reason_description("no_dot_in_domain")).size() > 10);
}

TEST_CASE("email check: typo suggestions with the default lists") {
  CHECK(check_email("name@gmial.com").suggestion == std::optional<std::string>("name@gmail.com"));
  CHECK(check_email("name@gmail.con").suggestion == std::optional<std::string>("name@gmail.com"));
  CHECK(check_email("Name.Last@hotmial.co.uk").suggestion == std::optional<std::string>("Name.Last@hotmail.co.uk"));
  CHECK(check_email("name@yaho.fr").suggestion == std::optional<std::string>("name@yahoo.fr"));
  CHECK(check_email("name@gmx.de").suggestion == std::nullopt);
  CHECK(check_email("name@x.com").suggestion == std::nullopt);   // mailcheck alone would say me.com
  CHECK(check_email("name@GMIAL.COM").suggestion == std::optional<std::string>("name@gmail.com"));
  CHECK(check_email("name@web.de").suggestion == std::nullopt);
  CHECK(check_email("name@protonmail.com").suggestion == std::nullopt);
  // A suggestion is offered for an invalid address too, and its provider is the suggestion's.
  const auto check = check_email("name@gmail.c");
  CHECK_FALSE(check.valid);
  CHECK(check.suggestion == std::optional<std::string>("name@gmail.com"));
  CHECK(check.provider == EmailProvider::gmail);
  // An internationalised company domain is left alone.
  CHECK(check_email("kunde@bücher-müller.de").valid);
  CHECK_FALSE(check_email("kunde@bücher-müller.de").suggestion);
}

TEST_CASE("email check: very long and odd input never crashes and gets a reason") {
  const std::string long_local(300, 'a');
  CHECK(check_email(long_local + "@gmail.com").reason == "local_part_too_long");
  const std::string long_domain = "x@" + std::string(5000, 'b') + ".com";
  CHECK_FALSE(check_email(long_domain).valid);
  CHECK_FALSE(check_email("@").valid);
  CHECK_FALSE(check_email("\xFF\xFE@gmail.com").valid);
  CHECK_FALSE(check_email("😀@😀.😀").valid);
}

TEST_CASE("email provider: detection by domain and by second-level domain") {
  using support::detect_email_provider;
  CHECK(detect_email_provider("a@googlemail.com") == EmailProvider::gmail);
  CHECK(detect_email_provider("a@GMAIL.COM") == EmailProvider::gmail);
  CHECK(detect_email_provider("a@hotmail.co.uk") == EmailProvider::outlook);
  CHECK(detect_email_provider("a@live.fr") == EmailProvider::outlook);
  CHECK(detect_email_provider("a@msn.com") == EmailProvider::outlook);
  CHECK(detect_email_provider("a@aol.com") == EmailProvider::yahoo);
  CHECK(detect_email_provider("a@yahoo.com.br") == EmailProvider::yahoo);
  CHECK(detect_email_provider("a@me.com") == EmailProvider::icloud);
  CHECK(detect_email_provider("a@proton.me") == EmailProvider::proton);
  CHECK(detect_email_provider("a@protonmail.ch") == EmailProvider::proton);
  CHECK(detect_email_provider("a@web.de") == EmailProvider::gmx);
  CHECK(detect_email_provider("a@gmx.at") == EmailProvider::gmx);
  CHECK(detect_email_provider("a@yandex.ru") == EmailProvider::yandex);
  CHECK(detect_email_provider("a@zohomail.eu") == EmailProvider::zoho);
  CHECK(detect_email_provider("a@live.acme-corp.org") == EmailProvider::other);  // a company's own host
  CHECK(detect_email_provider("a@acme.example") == EmailProvider::other);
  CHECK(detect_email_provider("no-domain") == EmailProvider::other);
  CHECK(detect_email_provider("") == EmailProvider::other);
  CHECK(std::string(support::email_provider_id(EmailProvider::proton)) == "proton");
}

TEST_CASE("sift4: transpositions and edits") {
  CHECK(support::sift4_distance(U"gmail", U"gmail") == 0);
  CHECK(support::sift4_distance(U"gmial", U"gmail") == 1);
  CHECK(support::sift4_distance(U"", U"abc") == 3);
  CHECK(support::sift4_distance(U"cmo", U"com") == 1);
  CHECK(support::sift4_distance(U"bücher", U"bucher") == 1);
}
