// supportctl search: try the widget's KB search from a terminal.
#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "command_registry.h"
#include "count_argument.h"
#include "kb/kb_json.h"
#include "search/search_index.h"

namespace {

int run_search(const std::vector<std::string>& args) {
  std::vector<std::string> positional;
  std::size_t top = 10;
  for (std::size_t i = 0; i < args.size(); ++i) {
    if (args[i] == "--top") {
      const std::string* value = i + 1 < args.size() ? &args[++i] : nullptr;
      if (!supportctl::read_count_option("search", "--top", value, supportctl::kMaxTop, top)) return 2;
    } else {
      positional.push_back(args[i]);
    }
  }
  if (positional.size() != 2) {
    std::fprintf(stderr, "usage: supportctl search KB.json \"words\" [--top K]\n");
    return 1;
  }
  const std::string& path = positional[0];
  std::ifstream in(path);
  if (!in) {
    std::fprintf(stderr, "supportctl search: %s: cannot open file\n", path.c_str());
    return 1;
  }
  std::stringstream text;
  text << in.rdbuf();
  const nlohmann::json root = nlohmann::json::parse(text.str(), nullptr, false);
  if (root.is_discarded()) {
    std::fprintf(stderr, "supportctl search: %s: not valid JSON\n", path.c_str());
    return 1;
  }

  // A KB file, or a widget configuration holding the KB under kb.articles.
  support::KbParseResult kb;
  const auto kb_section = root.is_object() ? root.find("kb") : root.end();
  if (root.is_object() && kb_section != root.end() && kb_section->is_object() && kb_section->contains("articles"))
    kb = support::kb_articles_from_json((*kb_section)["articles"], "kb.articles");
  else
    kb = support::kb_articles_from_json(root, path);
  for (const std::string& error : kb.errors) std::fprintf(stderr, "warning: %s\n", error.c_str());
  if (kb.articles.empty()) {
    std::fprintf(stderr, "supportctl search: %s: no usable articles\n", path.c_str());
    return 1;
  }

  support::SearchIndex index;
  std::vector<std::string> titles;
  for (const support::KbArticle& article : kb.articles) index.upsert(article);

  support::SearchOptions options;
  options.limit = top;
  const auto hits = index.search(positional[1], options);
  if (hits.empty()) {
    std::printf("no matching articles among %zu\n", index.size());
    return 0;
  }
  for (std::size_t i = 0; i < hits.size(); ++i) {
    std::string title;
    for (const support::KbArticle& article : kb.articles)
      if (article.id == hits[i].id) title = article.title;
    std::string matched;
    for (const std::string& term : hits[i].matched_terms) matched += (matched.empty() ? "" : ", ") + term;
    std::printf("%2zu. %-50s %7.3f  [%s]  (%s)\n", i + 1, title.c_str(), hits[i].score, hits[i].id.c_str(), matched.c_str());
  }
  return 0;
}

const supportctl::CommandRegistration registration{"search", "KB.json \"words\" [--top K]",
                                                   "search a KB file or widget configuration", &run_search};

}  // namespace
