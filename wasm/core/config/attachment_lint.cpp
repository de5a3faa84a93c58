#include "config/attachment_lint.h"

#include "ticket/attachment_limits_from_config.h"

namespace support {

void lint_attachments(const Config& config, ConfigProblems& problems) {
  bool any_form_takes_files = false;
  for (const auto& [flow_id, flow] : config.flows) {
    for (std::size_t i = 0; i < flow.steps.size(); ++i) {
      int fields = 0;
      for (const FormField& field : flow.steps[i].fields) fields += field.type == FormFieldType::attachments;
      any_form_takes_files |= fields > 0;
      if (fields > 1)
        problems.push_back({flow.path + ".steps[" + std::to_string(i) + "].fields",
                            "a form can have one field of type \"attachments\", this one has " + std::to_string(fields)});
    }
  }
  if (!any_form_takes_files) return;
  if (config.attachments.max_files == 0 || config.attachments.types.empty())
    problems.push_back({"attachments", "a form has an \"attachments\" field, but max_files is 0 or no type is accepted"});
  for (const std::string& locale : config.texts.locales) {
    for (const std::string& key : attachment_text_keys()) {
      if (!config.texts.find(locale, key))
        problems.push_back({"texts." + locale, "missing text \"" + key + "\" (a form takes attachments)"});
    }
  }
}

}  // namespace support
