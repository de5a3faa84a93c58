#pragma once
// The whole site-owner configuration of the widget, as parsed from one JSON document.
#include "config/attachment_settings.h"
#include "config/brand.h"
#include "config/category.h"
#include "config/email_settings.h"
#include "config/escalation_settings.h"
#include "config/kb_settings.h"
#include "config/locale_texts.h"
#include "config/product.h"
#include "config/screening_settings.h"
#include "config/support_policy.h"
#include "flow/flow.h"

#include <map>
#include <string>
#include <vector>

namespace support {

struct Config {
  Brand brand;
  LocaleTexts texts;
  std::vector<Category> categories;
  std::vector<Product> products;
  std::map<std::string, Flow> flows;  // by flow id
  KbSettings kb;
  EscalationSettings escalation;
  EmailSettings email;
  SupportPolicy policy;
  ScreeningSettings screening;  // checks of a draft before it is sent
  AttachmentSettings attachments;  // files with a ticket (forms with an "attachments" field)

  const Category* find_category(const std::string& id) const;
  const Product* find_product(const std::string& id) const;
  const Flow* find_flow(const std::string& id) const;
  // Category override, then the category's own value, then the policy default.
  int min_description_length(const std::string& category_id) const;
};

}  // namespace support
