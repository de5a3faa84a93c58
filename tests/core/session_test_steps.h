#pragma once
// Steps many session tests share: filling the form's four usual fields the way the UI would.
#include "session/support_session.h"

#include <string>

namespace support::test_steps {

inline void fill_ticket(SupportSession& s, const std::string& subject, const std::string& description,
                        const std::string& email = "ada@example.com", const std::string& name = "Ada") {
  s.set_form_value("name", name);
  s.set_form_value("email", email);
  s.set_form_value("subject", subject);
  s.set_form_value("description", description);
}

}  // namespace support::test_steps
