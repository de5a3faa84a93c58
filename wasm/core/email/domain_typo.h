#pragma once
// "Did you mean name@gmail.com?": a suggestion for a mistyped email domain, with mailcheck.js's
// rules (Derrick Ko and contributors, MIT), so its published cases give the same answers:
//  1. if the second-level and top-level domains are both known ("yahoo" + "co.uk"), no suggestion;
//  2. else the closest known whole domain within distance 2 (sift4), unless it is the domain itself;
//  3. else the closest known second-level domain and/or top-level domain, each within 2, swapped in.
// Text is compared lower-cased; letters beyond ASCII are compared as code points.
#include "email/domain_lists.h"

#include <optional>
#include <string>
#include <string_view>

namespace support {

struct DomainTypoThresholds {
  int domain = 2;
  int second_level = 2;
  int top_level = 2;
};

// The known entry closest to `domain` within `threshold`, or nullopt. An exact entry returns itself.
std::optional<std::string> find_closest_domain(std::string_view domain, const std::vector<std::string>& known,
                                               int threshold);

// The suggested domain (not the whole address) for `address`, or nullopt. A list left empty
// takes no part, as in mailcheck when it is not given.
std::optional<std::string> suggest_domain(std::string_view address, const DomainLists& lists,
                                          const DomainTypoThresholds& thresholds = {});

// The whole suggested address ("name@gmail.com"), or nullopt.
std::optional<std::string> suggest_address(std::string_view address, const DomainLists& lists,
                                           const DomainTypoThresholds& thresholds = {});

}  // namespace support
