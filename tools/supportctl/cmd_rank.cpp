// supportctl rank: batch ranking for relevance evaluation (tests/eval). Uses the widget's
// SearchIndex with its default options, so the figures measured are the product's.
#include <cmath>
#include <cstdio>
#include <fstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "command_registry.h"
#include "search/search_index.h"

namespace {

struct InputError {
  std::string message;  // "file:line: what is wrong"
};

// Calls `on_line(json, where)` for every non-blank line; throws InputError on bad JSON.
template <typename OnLine>
void read_jsonl(const std::string& path, OnLine on_line) {
  std::ifstream in(path);
  if (!in) throw InputError{path + ": cannot open file"};
  std::string line;
  for (std::size_t number = 1; std::getline(in, line); ++number) {
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    const std::string where = path + ":" + std::to_string(number);
    nlohmann::json value = nlohmann::json::parse(line, nullptr, false);
    if (value.is_discarded()) throw InputError{where + ": not valid JSON"};
    if (!value.is_object()) throw InputError{where + ": expected a JSON object"};
    on_line(value, where);
  }
}

std::string required_string(const nlohmann::json& object, const char* key, const std::string& where) {
  const auto it = object.find(key);
  if (it == object.end() || !it->is_string()) throw InputError{where + ": \"" + key + "\" must be a string"};
  return it->get<std::string>();
}

int run_rank(const std::vector<std::string>& args) {
  std::string docs_path, queries_path;
  std::size_t top = 10;
  for (std::size_t i = 0; i < args.size(); ++i) {
    const bool has_value = i + 1 < args.size();
    if (args[i] == "--docs" && has_value) {
      docs_path = args[++i];
    } else if (args[i] == "--queries" && has_value) {
      queries_path = args[++i];
    } else if (args[i] == "--top" && has_value) {
      try {
        top = std::stoul(args[++i]);
      } catch (const std::exception&) {
        std::fprintf(stderr, "supportctl rank: --top needs a positive number\n");
        return 1;
      }
    } else {
      std::fprintf(stderr, "supportctl rank: unexpected argument '%s'\n", args[i].c_str());
      return 1;
    }
  }
  if (docs_path.empty() || queries_path.empty()) {
    std::fprintf(stderr, "usage: supportctl rank --docs DOCS.jsonl --queries QUERIES.jsonl [--top K]\n");
    return 1;
  }

  try {
    support::SearchIndex index;
    read_jsonl(docs_path, [&](const nlohmann::json& line, const std::string& where) {
      support::KbArticle article;
      article.id = required_string(line, "id", where);
      article.title = required_string(line, "title", where);
      article.body = required_string(line, "body", where);
      if (const auto tags = line.find("tags"); tags != line.end()) {
        if (!tags->is_array()) throw InputError{where + ": \"tags\" must be an array of strings"};
        for (const auto& tag : *tags) {
          if (!tag.is_string()) throw InputError{where + ": \"tags\" must be an array of strings"};
          article.tags.push_back(tag.get<std::string>());
        }
      }
      if (index.contains(article.id)) throw InputError{where + ": duplicate document id \"" + article.id + "\""};
      index.upsert(article);
    });

    read_jsonl(queries_path, [&](const nlohmann::json& line, const std::string& where) {
      const std::string id = required_string(line, "id", where);
      const std::string text = required_string(line, "text", where);
      std::vector<std::string> candidates;
      support::SearchOptions options;
      options.limit = top;
      if (const auto it = line.find("candidates"); it != line.end()) {
        if (!it->is_array()) throw InputError{where + ": \"candidates\" must be an array of document ids"};
        for (const auto& candidate : *it) {
          if (!candidate.is_string()) throw InputError{where + ": \"candidates\" must be an array of document ids"};
          candidates.push_back(candidate.get<std::string>());
        }
        options.candidates = &candidates;
      }
      nlohmann::json results = nlohmann::json::array();
      for (const support::SearchHit& hit : index.search(text, options))
        results.push_back({{"id", hit.id}, {"score", std::round(hit.score * 10000) / 10000}});
      const nlohmann::json out = {{"query", id}, {"results", results}};
      std::printf("%s\n", out.dump().c_str());
    });
  } catch (const InputError& error) {
    std::fprintf(stderr, "supportctl rank: %s\n", error.message.c_str());
    return 1;
  }
  return 0;
}

const supportctl::CommandRegistration registration{
    "rank", "--docs D.jsonl --queries Q.jsonl [--top K]", "rank documents for each query (JSON lines out)", &run_rank};

}  // namespace
