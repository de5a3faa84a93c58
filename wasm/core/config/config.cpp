#include "config/config.h"

namespace support {

const Category* Config::find_category(const std::string& id) const {
  for (const Category& category : categories)
    if (category.id == id) return &category;
  return nullptr;
}

const Product* Config::find_product(const std::string& id) const {
  for (const Product& product : products)
    if (product.id == id) return &product;
  return nullptr;
}

const Flow* Config::find_flow(const std::string& id) const {
  auto it = flows.find(id);
  return it == flows.end() ? nullptr : &it->second;
}

int Config::min_description_length(const std::string& category_id) const {
  auto override_it = policy.category_min_description_length.find(category_id);
  if (override_it != policy.category_min_description_length.end()) return override_it->second;
  if (const Category* category = find_category(category_id))
    if (category->min_description_length >= 0) return category->min_description_length;
  return policy.default_min_description_length;
}

}  // namespace support
