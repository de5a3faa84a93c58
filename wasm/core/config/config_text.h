#pragma once
// Looking up a UI text for a locale and filling in the config's placeholders, so texts can say
// "{brand.company_name}" or "{email.support_domain}" instead of repeating names.
//
// Placeholders: {brand.company_name} {brand.product_family} {email.support_domain}
//               {escalation.contact_name} {escalation.contact_role} {escalation.shift_hours}
//               {escalation.subject_prefix}  (already expanded with the contact name)
//               {product.name} {product.tutorial_url}  (when a product is given)
// Unknown placeholders are left as written.
#include "config/config.h"

#include <string>

namespace support {

// Text for key in locale (falling back to the default locale) with placeholders filled in.
// Returns the key itself when no locale has it, so a missing text is visible, not blank.
std::string config_text(const Config& config, const std::string& locale, const std::string& key,
                        const std::string& product_id = "");

// Fills placeholders in any template (e.g. a form's subject prefix).
std::string expand_config_placeholders(const Config& config, const std::string& text,
                                       const std::string& product_id = "");

}  // namespace support
