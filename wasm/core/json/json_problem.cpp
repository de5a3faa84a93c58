#include "json/json_problem.h"

namespace support {

std::string format_problem(const JsonProblem& problem) {
  if (problem.path.empty()) return "(root): " + problem.message;
  return problem.path + ": " + problem.message;
}

}  // namespace support
