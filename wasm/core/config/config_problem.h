#pragma once
// One thing wrong with a configuration, located by a JSON path such as
// `flows.plugin_issue.steps[3].next`. Parser and lint both report in this shape.
#include <string>
#include <vector>

namespace support {

struct ConfigProblem {
  std::string path;     // "" means the document as a whole
  std::string message;  // for site owners: says what is wrong and, where it helps, what was found
};

using ConfigProblems = std::vector<ConfigProblem>;

// "path: message" ("(root): message" for the document as a whole): the form the CLI prints.
std::string format_problem(const ConfigProblem& problem);

}  // namespace support
