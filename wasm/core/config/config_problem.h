#pragma once
// One thing wrong with a configuration, located by a JSON path such as
// `flows.plugin_issue.steps[3].next`. Parser and lint both report in this shape, which is the
// shape of any JSON document's problems (json/json_problem.h).
#include "json/json_problem.h"

namespace support {

using ConfigProblem = JsonProblem;
using ConfigProblems = JsonProblems;

}  // namespace support
