#include "email/email_provider.h"

#include <algorithm>

namespace support {
namespace {

struct ProviderDomains {
  EmailProvider provider;
  std::vector<std::string_view> domains;        // matched exactly
  std::vector<std::string_view> second_levels;  // matched under any top-level domain
};

const std::vector<ProviderDomains>& provider_table() {
  static const std::vector<ProviderDomains> table{
      {EmailProvider::gmail, {}, {"gmail", "googlemail"}},
      {EmailProvider::outlook, {}, {"outlook", "hotmail", "live", "msn", "windowslive", "passport"}},
      {EmailProvider::yahoo, {"aim.com"}, {"yahoo", "ymail", "rocketmail", "aol"}},
      {EmailProvider::icloud, {"me.com", "mac.com"}, {"icloud"}},
      {EmailProvider::proton, {"proton.me", "pm.me"}, {"protonmail"}},
      {EmailProvider::gmx, {"web.de"}, {"gmx"}},
      {EmailProvider::yandex, {"ya.ru"}, {"yandex"}},
      {EmailProvider::zoho, {}, {"zoho", "zohomail"}},
  };
  return table;
}

// "co.uk", "com.br", "fr": what may follow a provider's second-level domain. A longer rest
// ("live.acme.org") is a company's own host, not the provider.
bool is_public_suffix_like(std::string_view rest) {
  const std::size_t dot = rest.find('.');
  if (dot == std::string_view::npos) return !rest.empty();
  if (rest.find('.', dot + 1) != std::string_view::npos) return false;
  const std::string_view first = rest.substr(0, dot);
  return first == "co" || first == "com" || first == "org" || first == "net" || first == "ne" || first == "or";
}

}  // namespace

const char* email_provider_id(EmailProvider provider) {
  switch (provider) {
    case EmailProvider::gmail: return "gmail";
    case EmailProvider::outlook: return "outlook";
    case EmailProvider::yahoo: return "yahoo";
    case EmailProvider::icloud: return "icloud";
    case EmailProvider::proton: return "proton";
    case EmailProvider::gmx: return "gmx";
    case EmailProvider::yandex: return "yandex";
    case EmailProvider::zoho: return "zoho";
    case EmailProvider::other: return "other";
  }
  return "other";
}

const std::vector<EmailProvider>& all_email_providers() {
  static const std::vector<EmailProvider> all{EmailProvider::gmail,  EmailProvider::outlook, EmailProvider::yahoo,
                                              EmailProvider::icloud, EmailProvider::proton,  EmailProvider::gmx,
                                              EmailProvider::yandex, EmailProvider::zoho,    EmailProvider::other};
  return all;
}

EmailProvider detect_email_provider(std::string_view address_or_domain) {
  const std::size_t at = address_or_domain.rfind('@');
  std::string domain(at == std::string_view::npos ? address_or_domain : address_or_domain.substr(at + 1));
  std::transform(domain.begin(), domain.end(), domain.begin(),
                 [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; });
  while (!domain.empty() && domain.back() == '.') domain.pop_back();  // "gmail.com." is gmail.com
  const std::size_t dot = domain.find('.');
  if (domain.empty() || dot == std::string::npos) return EmailProvider::other;
  const std::string_view second_level = std::string_view(domain).substr(0, dot);
  for (const ProviderDomains& entry : provider_table()) {
    if (std::find(entry.domains.begin(), entry.domains.end(), domain) != entry.domains.end()) return entry.provider;
    if (std::find(entry.second_levels.begin(), entry.second_levels.end(), second_level) != entry.second_levels.end() &&
        is_public_suffix_like(std::string_view(domain).substr(dot + 1)))
      return entry.provider;
  }
  return EmailProvider::other;
}

}  // namespace support
