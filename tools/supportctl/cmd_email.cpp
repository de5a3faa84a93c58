// supportctl email ADDRESS... | --batch FILE: the widget's email check (email/email_check.h) for
// each address, one JSON line each: {"input","valid","reason","suggestion","provider"}.
// --domains, --second-level-domains, --top-level-domains (comma-separated) replace the default
// typo lists, as a site's "screening.email" configuration does. Exit codes: 0 every address was
// checked (valid or not), 2 usage error or unreadable batch file.
#include "command_registry.h"

#include "email/email_check.h"

#include <cstdio>
#include <fstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace {

std::vector<std::string> comma_list(const std::string& text) {
  std::vector<std::string> items;
  std::size_t start = 0;
  while (start <= text.size()) {
    const std::size_t comma = std::min(text.find(',', start), text.size());
    std::string item = text.substr(start, comma - start);
    const auto first = item.find_first_not_of(' ');
    if (first != std::string::npos) items.push_back(item.substr(first, item.find_last_not_of(' ') - first + 1));
    start = comma + 1;
  }
  return items;
}

void print_check(const std::string& input, const support::DomainLists& lists) {
  const support::EmailCheck check = support::check_email(input, lists);
  nlohmann::json line = {{"input", input},
                         {"valid", check.valid},
                         {"reason", check.valid ? nlohmann::json(nullptr) : nlohmann::json(check.reason)},
                         {"suggestion", check.suggestion ? nlohmann::json(*check.suggestion) : nlohmann::json(nullptr)},
                         {"provider", support::email_provider_id(check.provider)}};
  // Input that is not UTF-8 is still reported (with its bytes replaced), never dropped.
  std::printf("%s\n", line.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace).c_str());
}

int usage() {
  std::fprintf(stderr,
               "usage: supportctl email [--domains A,B] [--second-level-domains A,B] [--top-level-domains A,B]\n"
               "                        (ADDRESS... | --batch FILE)\n");
  return 2;
}

int run_email(const std::vector<std::string>& args) {
  support::DomainLists lists = support::default_domain_lists();
  std::vector<std::string> addresses;
  std::string batch;
  for (std::size_t i = 0; i < args.size(); ++i) {
    const bool has_value = i + 1 < args.size();
    if (args[i] == "--domains" && has_value) lists.domains = comma_list(args[++i]);
    else if (args[i] == "--second-level-domains" && has_value) lists.second_level_domains = comma_list(args[++i]);
    else if (args[i] == "--top-level-domains" && has_value) lists.top_level_domains = comma_list(args[++i]);
    else if (args[i] == "--batch" && has_value) batch = args[++i];
    else if (args[i] == "-h" || args[i] == "--help") return usage();
    else if (args[i].rfind("--", 0) == 0) {
      std::fprintf(stderr, "supportctl email: unknown option or missing value: '%s'\n", args[i].c_str());
      return usage();
    } else addresses.push_back(args[i]);
  }
  if (batch.empty() == addresses.empty()) return usage();  // exactly one of the two
  for (const std::string& address : addresses) print_check(address, lists);
  if (batch.empty()) return 0;
  std::ifstream in(batch, std::ios::binary);
  if (!in) {
    std::fprintf(stderr, "supportctl email: cannot read '%s'\n", batch.c_str());
    return 2;
  }
  std::string line;
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();  // files written on Windows
    print_check(line, lists);  // a blank line is checked too: it is reported as "empty"
  }
  return 0;
}

const supportctl::CommandRegistration registration{
    "email", "[--domains A,B] [--second-level-domains A,B] [--top-level-domains A,B] (ADDRESS... | --batch FILE)",
    "check email addresses: validity with a reason, typo suggestion, provider (JSON lines out)", &run_email};

}  // namespace
