#pragma once
// One thing wrong with a JSON document, located by a JSON path such as
// `flows.plugin_issue.steps[3].next`. Whatever reads a document (the configuration's parser and
// lint, flows) reports in this shape.
#include <string>
#include <vector>

namespace support {

struct JsonProblem {
  std::string path;     // "" means the document as a whole
  std::string message;  // for site owners: says what is wrong and, where it helps, what was found
};

using JsonProblems = std::vector<JsonProblem>;

// "path: message" ("(root): message" for the document as a whole): the form the CLI prints.
std::string format_problem(const JsonProblem& problem);

}  // namespace support
