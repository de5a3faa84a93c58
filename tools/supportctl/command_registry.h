#pragma once
// Subcommands register themselves at static-initialisation time so that adding one is
// adding one file: static const CommandRegistration reg{"lint", "CONFIG.json", "check ...", &run_lint};
#include <map>
#include <string>
#include <vector>

namespace supportctl {

using CommandFn = int (*)(const std::vector<std::string>& args);

struct Command {
  std::string usage;    // arguments, e.g. "CONFIG.json"
  std::string summary;  // one line for `supportctl help`
  CommandFn run;
};

std::map<std::string, Command>& commands();

struct CommandRegistration {
  CommandRegistration(const std::string& name, std::string usage, std::string summary, CommandFn run) {
    commands()[name] = Command{std::move(usage), std::move(summary), run};
  }
};

}  // namespace supportctl
