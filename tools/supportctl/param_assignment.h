#pragma once
// "--param name=value" for tuning experiments (tests/eval/*.py --param): splits the assignment
// and reads the number. false when there is no "=" or the value is not a number.
#include <stdexcept>
#include <string>

namespace supportctl {

inline bool parse_param_assignment(const std::string& assignment, std::string& name, float& value) {
  const auto eq = assignment.find('=');
  if (eq == std::string::npos) return false;
  name = assignment.substr(0, eq);
  try {
    value = std::stof(assignment.substr(eq + 1));
  } catch (const std::exception&) {
    return false;
  }
  return true;
}

}  // namespace supportctl
