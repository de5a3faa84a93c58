#pragma once
// What the customer picks first ("Problem with a plugin", "Sales question", ...): each category
// runs one flow.
#include <string>

namespace support {

struct Category {
  std::string id;
  std::string title_key;
  std::string description_key;
  std::string flow;                     // flow id
  bool requires_login_details = false;  // the form asks for site logins
  int min_description_length = -1;      // -1: use the policy's default
  std::string path;                     // JSON path, for lint messages
};

}  // namespace support
