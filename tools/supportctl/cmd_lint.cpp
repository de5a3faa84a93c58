// supportctl lint CONFIG.json: the same checks the widget and the preview page run.
// Exit codes: 0 clean, 1 problems found, 2 usage error or unreadable file.
#include "command_registry.h"

#include "config/config_lint.h"

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>

namespace {

int run_lint(const std::vector<std::string>& args) {
  if (args.size() != 1 || args[0].empty() || args[0] == "-h" || args[0] == "--help") {
    std::fprintf(stderr, "usage: supportctl lint CONFIG.json\n");
    return 2;
  }
  const std::string& file_name = args[0];
  std::error_code error;
  if (std::filesystem::is_directory(file_name, error)) {
    std::fprintf(stderr, "supportctl lint: '%s' is a directory, not a configuration file\n", file_name.c_str());
    return 2;
  }
  std::ifstream file(file_name, std::ios::binary);
  if (!file) {
    std::fprintf(stderr, "supportctl lint: cannot read '%s'\n", file_name.c_str());
    return 2;
  }
  std::ostringstream contents;
  contents << file.rdbuf();
  if (file.bad()) {
    std::fprintf(stderr, "supportctl lint: error while reading '%s'\n", file_name.c_str());
    return 2;
  }
  // Texts files (texts.<locale>: "texts/de.json") are read from beside the configuration.
  const std::filesystem::path folder = std::filesystem::path(file_name).parent_path();
  auto read_texts_file = [&](const std::string& name) -> std::optional<std::string> {
    if (name.find("://") != std::string::npos) return std::nullopt;   // on another server: not checked offline
    std::ifstream in(folder / name, std::ios::binary);
    if (!in) return std::nullopt;
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
  };
  const std::vector<std::string> lines =
      support::format_problems(support::lint_config_text(contents.str(), read_texts_file));
  for (const std::string& line : lines) std::printf("%s\n", line.c_str());
  return lines.empty() ? 0 : 1;
}

const supportctl::CommandRegistration registration{
    "lint", "CONFIG.json", "check a widget configuration (exit 0 clean, 1 problems, 2 unreadable)", &run_lint};

}  // namespace
