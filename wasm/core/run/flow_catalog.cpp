#include "run/flow_catalog.h"

#include "config/config_text.h"

namespace support {

nlohmann::json flow_catalog_json(const Config& config, const std::string& locale) {
  const std::string& lang = locale.empty() ? config.texts.default_locale : locale;
  nlohmann::json steps = nlohmann::json::array();
  for (const auto& [flow_id, flow] : config.flows) {
    nlohmann::json categories = nlohmann::json::array();
    for (const Category& category : config.categories)
      if (category.flow == flow_id) categories.push_back(category.id);
    for (const FlowStep& step : flow.steps) {
      const std::string& key = !step.title_key.empty() ? step.title_key : step.text_key;
      steps.push_back({{"flow", flow_id},
                       {"step", step.id},
                       {"type", step_type_name(step.type)},
                       {"title", key.empty() ? step.id : config_text(config, lang, key, "")},
                       {"categories", categories}});
    }
  }
  return steps;
}

}  // namespace support
