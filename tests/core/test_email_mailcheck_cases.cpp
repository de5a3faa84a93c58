// The core's domain typo suggestions against every case of mailcheck.js's own specification
// (tests/data/email/mailcheck-cases.json, MIT, see mailcheck-LICENSE.md there), with the lists
// each case names. The file is part of the repository: a missing file fails loudly.
#include <doctest/doctest.h>

#include "email/domain_typo.h"
#include "test_files.h"

#include <cstdio>
#include <string>

namespace {

using nlohmann::json;
using support::DomainLists;

std::vector<std::string> strings(const json& array) { return array.get<std::vector<std::string>>(); }

}  // namespace

TEST_CASE("email: mailcheck.js specification cases give the reference's suggestion") {
  const json file = support::test_files::read_json(support::test_files::test_data_path("email/mailcheck-cases.json"));
  const json& spec = file.at("spec_lists");
  const json& defaults = file.at("library_defaults");
  const DomainLists library{strings(defaults.at("defaultDomains")), strings(defaults.at("defaultSecondLevelDomains")),
                            strings(defaults.at("defaultTopLevelDomains"))};
  const DomainLists spec_all{strings(spec.at("domains")), strings(spec.at("secondLevelDomains")),
                             strings(spec.at("topLevelDomains"))};
  const DomainLists spec_domains_only{strings(spec.at("domains")), {}, {}};
  // run() with only `domains` given keeps the library's other lists.
  const DomainLists spec_domains_run{spec_all.domains, library.second_level_domains, library.top_level_domains};
  const support::DomainTypoThresholds thresholds{defaults.at("domainThreshold").get<int>(),
                                                 defaults.at("secondLevelThreshold").get<int>(),
                                                 defaults.at("topLevelThreshold").get<int>()};

  const json& cases = file.at("cases");
  REQUIRE(cases.size() >= 40);
  int agreed = 0;
  for (const json& c : cases) {
    const std::string fn = c.at("fn").get<std::string>();
    CAPTURE(c.dump());
    std::optional<std::string> expected, got;
    if (fn == "findClosestDomain") {
      const std::string list = c.at("list").get<std::string>();
      const std::vector<std::string>& known = list == "domains"              ? spec_all.domains
                                              : list == "secondLevelDomains" ? spec_all.second_level_domains
                                                                             : spec_all.top_level_domains;
      REQUIRE((list == "domains" || list == "secondLevelDomains" || list == "topLevelDomains"));
      got = support::find_closest_domain(c.at("input").get<std::string>(), known, thresholds.top_level);
      expected = c.at("expected").get<std::string>();
    } else {
      const DomainLists* lists = nullptr;
      if (fn == "run(default lists)") lists = &library;
      else if (fn == "run(spec domains)") lists = &spec_domains_run;
      else if (fn == "suggest" && c.at("lists") == "domains") lists = &spec_domains_only;
      else if (fn == "suggest" && c.at("lists") == "domains+sld+tld") lists = &spec_all;
      REQUIRE_MESSAGE(lists != nullptr, "unknown case kind " << fn);
      got = support::suggest_domain(c.at("email").get<std::string>(), *lists, thresholds);
      if (!c.at("expected_domain").is_null()) expected = c.at("expected_domain").get<std::string>();
    }
    CHECK(got == expected);
    agreed += got == expected ? 1 : 0;
  }
  std::printf("mailcheck cases: %d of %zu agree with the reference\n", agreed, cases.size());
}
