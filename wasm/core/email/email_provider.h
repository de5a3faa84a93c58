#pragma once
// Which mailbox provider an address belongs to, so the widget can give that provider's exact
// whitelisting and spam-folder steps. Recognised by whole domain (gmail.com) or by second-level
// domain under any top-level domain (hotmail.co.uk, yahoo.fr, gmx.at). Anything else is
// "other": a company or small provider, which gets the generic advice.
#include <string>
#include <string_view>
#include <vector>

namespace support {

enum class EmailProvider { gmail, outlook, yahoo, icloud, proton, gmx, yandex, zoho, other };

// Stable ids used in configuration and JSON: "gmail", "outlook", ..., "other".
const char* email_provider_id(EmailProvider provider);
// All providers, "other" last (for lint: which advice entries exist).
const std::vector<EmailProvider>& all_email_providers();

// The provider of an address ("name@googlemail.com") or a bare domain ("googlemail.com").
// Case-insensitive; an address without a domain is "other".
EmailProvider detect_email_provider(std::string_view address_or_domain);

}  // namespace support
