#include "command_registry.h"

#include <cstdio>

namespace supportctl {
std::map<std::string, Command>& commands() {
  static std::map<std::string, Command> registry;
  return registry;
}
}  // namespace supportctl

static int print_usage(FILE* out) {
  std::fprintf(out, "usage: supportctl COMMAND [ARGS]\n\ncommands:\n");
  for (const auto& [name, cmd] : supportctl::commands())
    std::fprintf(out, "  %-8s %-40s %s\n", name.c_str(), cmd.usage.c_str(), cmd.summary.c_str());
  return out == stdout ? 0 : 2;
}

int main(int argc, char** argv) {
  if (argc < 2) return print_usage(stderr);
  std::string name = argv[1];
  if (name == "help" || name == "--help" || name == "-h") return print_usage(stdout);
  auto it = supportctl::commands().find(name);
  if (it == supportctl::commands().end()) {
    std::fprintf(stderr, "supportctl: unknown command '%s'\n", name.c_str());
    return print_usage(stderr);
  }
  return it->second.run(std::vector<std::string>(argv + 2, argv + argc));
}
