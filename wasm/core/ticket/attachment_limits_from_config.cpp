#include "ticket/attachment_limits_from_config.h"

#include "config/config_text.h"

namespace support {
namespace {

bool flow_takes_files(const Flow& flow) {
  for (const FlowStep& step : flow.steps) {
    if (step.type != StepType::form) continue;
    for (const FormField& field : step.fields)
      if (field.type == FormFieldType::attachments) return true;
  }
  return false;
}

}  // namespace

const std::vector<std::string>& attachment_text_keys() {
  static const std::vector<std::string> keys = {
      "attachments.error.type_not_accepted", "attachments.error.content_mismatch", "attachments.error.too_large",
      "attachments.error.too_many",          "attachments.error.total_too_large",  "attachments.error.empty",
      "attachments.error.not_accepted",      "attachments.error.unreadable",
  };
  return keys;
}

AttachmentLimits attachment_limits_from_config(const Config& config, const std::string& locale) {
  AttachmentLimits limits;
  const AttachmentSettings& settings = config.attachments;
  limits.max_files = settings.max_files > 0 ? static_cast<std::size_t>(settings.max_files) : 0;
  limits.max_file_bytes = settings.max_file_bytes > 0 ? static_cast<std::size_t>(settings.max_file_bytes) : 0;
  limits.max_total_bytes = settings.max_total_bytes > 0 ? static_cast<std::size_t>(settings.max_total_bytes) : 0;
  limits.types = settings.types;
  for (const Category& category : config.categories) {
    const Flow* flow = config.find_flow(category.flow);
    if (flow && flow_takes_files(*flow)) limits.categories.insert(category.id);
  }
  if (locale.empty()) return limits;
  std::string* messages[] = {&limits.messages.type_not_accepted, &limits.messages.content_mismatch,
                             &limits.messages.too_large,         &limits.messages.too_many,
                             &limits.messages.total_too_large,   &limits.messages.empty,
                             &limits.messages.not_accepted,      &limits.messages.unreadable};
  const std::vector<std::string>& keys = attachment_text_keys();
  for (std::size_t i = 0; i < keys.size(); ++i) {
    const std::string text = config_text(config, locale, keys[i]);
    if (text != keys[i]) *messages[i] = text;   // a missing text keeps the English default
  }
  return limits;
}

}  // namespace support
