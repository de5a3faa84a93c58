#include "config/config_text.h"

namespace support {

namespace {
// Values that are words rather than names may be translated: a text with the placeholder's name
// in the locale (texts.de["escalation.shift_hours"]) is used there instead of the value.
bool translatable_value(const std::string& name) {
  return name == "brand.product_family" || name == "escalation.contact_role" || name == "escalation.shift_hours";
}

const std::string* placeholder_value(const Config& config, const std::string& name, const Product* product,
                                     const std::string& locale, std::string& scratch) {
  if (!locale.empty() && translatable_value(name)) {
    auto table = config.texts.texts.find(locale);
    if (table != config.texts.texts.end()) {
      auto text = table->second.find(name);
      if (text != table->second.end()) return &text->second;
    }
  }
  if (name == "brand.company_name") return &config.brand.company_name;
  if (name == "brand.product_family") return &config.brand.product_family;
  if (name == "email.support_domain") return &config.email.support_domain;
  if (name == "escalation.contact_name") return &config.escalation.contact_name;
  if (name == "escalation.contact_role") return &config.escalation.contact_role;
  if (name == "escalation.shift_hours") return &config.escalation.shift_hours;
  if (name == "escalation.subject_prefix") {
    scratch = config.escalation.expanded_subject_prefix();
    return &scratch;
  }
  if (product && name == "product.name") return &product->name;
  if (product && name == "product.tutorial_url") return &product->tutorial_url;
  return nullptr;
}
}  // namespace

std::string expand_config_placeholders(const Config& config, const std::string& text,
                                       const std::string& product_id, const std::string& locale) {
  const Product* product = product_id.empty() ? nullptr : config.find_product(product_id);
  std::string result;
  result.reserve(text.size());
  std::string scratch;
  std::size_t from = 0;
  // Single pass: substituted values are not scanned again, so values cannot expand recursively.
  while (from < text.size()) {
    std::size_t open = text.find('{', from);
    if (open == std::string::npos) break;
    std::size_t close = text.find('}', open + 1);
    if (close == std::string::npos) break;
    result.append(text, from, open - from);
    const std::string name = text.substr(open + 1, close - open - 1);
    if (const std::string* value = placeholder_value(config, name, product, locale, scratch)) {
      result += *value;
    } else {
      result.append(text, open, close - open + 1);
    }
    from = close + 1;
  }
  result.append(text, from, std::string::npos);
  return result;
}

std::string config_text(const Config& config, const std::string& locale, const std::string& key,
                        const std::string& product_id) {
  const std::string* text = config.texts.find(locale, key);
  if (!text) return key;
  return expand_config_placeholders(config, *text, product_id, locale);
}

}  // namespace support
