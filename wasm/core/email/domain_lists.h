#pragma once
// The known-domain lists domain typo suggestions compare against (the mailcheck.js model):
// whole domains ("gmail.com"), second-level domains that exist under many top-level domains
// ("yahoo" in yahoo.fr, yahoo.co.uk) and top-level domains ("com", "co.uk"). Sites replace any
// of them in their configuration (screening.email); the defaults cover the large international
// and regional mailbox providers.
#include <string>
#include <vector>

namespace support {

struct DomainLists {
  std::vector<std::string> domains;
  std::vector<std::string> second_level_domains;
  std::vector<std::string> top_level_domains;
};

const DomainLists& default_domain_lists();

}  // namespace support
