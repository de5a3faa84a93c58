#include "ticket/ticket_rules_from_config.h"

#include "ticket/attachment_limits_from_config.h"

namespace support {
namespace {

void set_if_positive(std::size_t& target, int value) {
  if (value > 0) target = static_cast<std::size_t>(value);
}

}  // namespace

ValidationRules ticket_rules_from_config(const Config& config) {
  ValidationRules rules;
  const FieldLimits& limits = config.policy.max_lengths;
  set_if_positive(rules.name_max, limits.name);
  set_if_positive(rules.email_max, limits.email);
  set_if_positive(rules.subject_max, limits.subject);
  set_if_positive(rules.description_max, limits.description);
  set_if_positive(rules.extra_value_max, limits.extra_field);
  if (config.policy.default_min_description_length >= 0) {
    rules.description_min = static_cast<std::size_t>(config.policy.default_min_description_length);
  }
  // Config::min_description_length already applies "policy override, then category, then default".
  for (const Category& category : config.categories) {
    const int minimum = config.min_description_length(category.id);
    if (minimum >= 0) rules.description_min_by_category[category.id] = static_cast<std::size_t>(minimum);
  }
  for (const auto& [category_id, minimum] : config.policy.category_min_description_length) {
    if (minimum >= 0) rules.description_min_by_category[category_id] = static_cast<std::size_t>(minimum);
  }
  rules.attachments = attachment_limits_from_config(config);
  return rules;
}

}  // namespace support
