#include <doctest/doctest.h>

#include "ticket/ticket_rules_from_config.h"

TEST_CASE("ticket rules from config: limits and per-category minimums") {
  support::Config config;
  config.policy.max_lengths.subject = 80;
  config.policy.max_lengths.name = 0;  // ignored: keeps the default
  config.policy.default_min_description_length = 15;
  support::Category bug;
  bug.id = "bug";
  bug.min_description_length = 60;
  support::Category sales;
  sales.id = "sales";
  config.categories = {bug, sales};
  config.policy.category_min_description_length["sales"] = 5;

  const support::ValidationRules rules = support::ticket_rules_from_config(config);
  CHECK(rules.subject_max == 80);
  CHECK(rules.name_max == support::ValidationRules{}.name_max);
  CHECK(rules.description_min == 15);
  CHECK(rules.description_min_for("bug") == 60);
  CHECK(rules.description_min_for("sales") == 5);
  CHECK(rules.description_min_for("other") == 15);
}
