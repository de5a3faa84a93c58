#pragma once
// Who handles "my ticket needs attention" requests and how such tickets are marked.
#include <string>

namespace support {

struct EscalationSettings {
  std::string contact_role;    // e.g. "support room manager"
  std::string contact_name;
  std::string subject_prefix = "ATTN: {name}";  // {name} = contact_name
  std::string shift_hours;     // free text about when agents work, shown to customers

  // subject_prefix with {name} filled in.
  std::string expanded_subject_prefix() const;
};

}  // namespace support
