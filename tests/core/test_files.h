#pragma once
// Files the core tests read: fixtures and test suites in tests/data and the shipped assets/.
// CMake passes the folders as absolute paths
// (tests/core/CMakeLists.txt), so the tests find them from any working directory, natively
// and under node (NODERAWFS gives the wasm build the real file system).
#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include "config/config_lint.h"
#include "config/config_parser.h"
#include "config/locale_texts_json.h"

#include <fstream>
#include <optional>
#include <sstream>
#include <string>

namespace support::test_files {

inline std::string test_data_path(const std::string& relative) {
  return std::string(SUPPORT_TEST_DATA_DIR) + "/" + relative;
}

inline std::string assets_path(const std::string& relative) {
  return std::string(SUPPORT_ASSETS_DIR) + "/" + relative;
}

// The file's bytes. A missing file fails the test here, rather than as a puzzling parse error.
inline std::string read_file(const std::string& path) {
  std::ifstream file(path, std::ios::binary);
  REQUIRE_MESSAGE(file.good(), "cannot open " << path);
  std::ostringstream bytes;
  bytes << file.rdbuf();
  return bytes.str();
}

inline nlohmann::json read_json(const std::string& path) { return nlohmann::json::parse(read_file(path)); }

// Reads a configuration's texts files (texts.<locale>: "default.de.json") from beside it.
inline TextsFileReader texts_beside(const std::string& config_path) {
  const std::string folder = config_path.substr(0, config_path.find_last_of('/') + 1);
  return [folder](const std::string& name) -> std::optional<std::string> {
    std::ifstream file(folder + name, std::ios::binary);
    if (!file) return std::nullopt;
    std::ostringstream bytes;
    bytes << file.rdbuf();
    return bytes.str();
  };
}

// A configuration that must parse without problems, with its texts files read in.
inline Config load_config(const std::string& path) {
  ConfigParseResult result = parse_config(read_file(path));
  REQUIRE_MESSAGE(result.ok(), path << " has configuration problems");
  const ConfigProblems file_problems = load_locale_files(result.config.texts, texts_beside(path));
  REQUIRE_MESSAGE(file_problems.empty(), path << ": its texts files have problems");
  return result.config;
}

// Problems as lint prints them, one "path: message" per line: for test failure messages.
inline std::string problem_lines(const ConfigProblems& problems) {
  std::string out;
  for (const std::string& line : format_problems(problems)) out += line + "\n";
  return out;
}

// tests/data/configs/minimal.json: the small fixture most flow and config tests change.
inline std::string minimal_config_path() { return test_data_path("configs/minimal.json"); }

// assets/config/default.json: the configuration the widget ships with. Only its own tests
// (test_default_config*.cpp) read it; engine tests use fixtures, so demo texts can change freely.
inline std::string default_config_path() { return assets_path("config/default.json"); }

}  // namespace support::test_files
