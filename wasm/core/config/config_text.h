#pragma once
// Looking up a UI text for a locale and filling in the config's placeholders, so texts can say
// "{brand.company_name}" or "{email.support_domain}" instead of repeating names.
//
// Placeholders: {brand.company_name} {brand.product_family} {email.support_domain}
//               {escalation.contact_name} {escalation.contact_role} {escalation.shift_hours}
//               {escalation.subject_prefix}  (already expanded with the contact name)
//               {product.name} {product.tutorial_url}  (when a product is given)
// Unknown placeholders are left as written. {brand.product_family}, {escalation.contact_role} and
// {escalation.shift_hours} are words, not names: a locale may translate them with a text of the
// same key (texts.de["escalation.shift_hours"]); otherwise the configured value is used.
#include "config/config.h"

#include <string>

namespace support {

// Text for key in locale (falling back to the default locale) with placeholders filled in.
// Returns the key itself when no locale has it, so a missing text is visible, not blank.
std::string config_text(const Config& config, const std::string& locale, const std::string& key,
                        const std::string& product_id = "");

// Fills placeholders in any template (e.g. a form's subject prefix); `locale` picks translated
// values (see above), "" uses the configured ones.
std::string expand_config_placeholders(const Config& config, const std::string& text,
                                       const std::string& product_id = "", const std::string& locale = "");

}  // namespace support
