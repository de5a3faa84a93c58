// supportctl rank: batch ranking for relevance evaluation (tests/eval). Uses the widget's
// SearchIndex with its default options, so the figures measured are the product's.
#include <cmath>
#include <cstdio>
#include <fstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "command_registry.h"
#include "count_argument.h"
#include "param_assignment.h"
#include "jsonl_input.h"
#include "rank_duplicates.h"
#include "search/search_index.h"

namespace {

using supportctl::InputError;
using supportctl::read_jsonl;
using supportctl::required_string;

// "--param name=value" overrides one RankingParams field, for tuning experiments
// (tests/eval/relevance.py --param); false if the name or value is not understood.
bool set_param(support::RankingParams& p, const std::string& assignment) {
  std::string name;
  float value = 0;
  if (!supportctl::parse_param_assignment(assignment, name, value)) return false;
  const struct {
    const char* name;
    float* field;
  } floats[] = {{"k1", &p.k1},
                {"w_title", &p.field_weight[support::kTitle]},
                {"w_tags", &p.field_weight[support::kTags]},
                {"w_body", &p.field_weight[support::kBody]},
                {"b_title", &p.field_b[support::kTitle]},
                {"b_tags", &p.field_b[support::kTags]},
                {"b_body", &p.field_b[support::kBody]},
                {"prefix_weight", &p.prefix_weight},
                {"typo_weight", &p.typo_weight},
                {"proximity_weight", &p.proximity_weight},
                {"title_coverage", &p.title_coverage},
                {"join_weight", &p.join_weight}};
  for (const auto& f : floats)
    if (name == f.name) return *f.field = value, true;
  const struct {
    const char* name;
    std::uint32_t* field;
  } counts[] = {{"rerank_depth", &p.rerank_depth}, {"proximity_window", &p.proximity_window}};
  for (const auto& c : counts)
    if (name == c.name && value >= 0) return *c.field = static_cast<std::uint32_t>(value), true;
  return false;
}

int run_rank(const std::vector<std::string>& args) {
  std::string docs_path, queries_path;
  std::size_t top = 10;
  std::string mode = "search";
  support::RankingParams params;
  std::vector<std::string> param_assignments;
  for (std::size_t i = 0; i < args.size(); ++i) {
    const bool has_value = i + 1 < args.size();
    if (args[i] == "--mode" && has_value) {
      mode = args[++i];
      if (mode != "search" && mode != "duplicates") {
        std::fprintf(stderr, "supportctl rank: --mode is \"search\" or \"duplicates\", not '%s'\n", mode.c_str());
        return 1;
      }
    } else if (args[i] == "--param" && has_value) {
      param_assignments.push_back(args[++i]);  // applied once the mode is known
    } else if (args[i] == "--docs" && has_value) {
      docs_path = args[++i];
    } else if (args[i] == "--queries" && has_value) {
      queries_path = args[++i];
    } else if (args[i] == "--top") {
      const std::string* value = has_value ? &args[++i] : nullptr;
      if (!supportctl::read_count_option("rank", "--top", value, supportctl::kMaxTop, top)) return 2;
    } else {
      std::fprintf(stderr, "supportctl rank: unexpected argument '%s'\n", args[i].c_str());
      return 1;
    }
  }
  if (docs_path.empty() || queries_path.empty()) {
    std::fprintf(stderr, "usage: supportctl rank [--mode search|duplicates] --docs DOCS.jsonl --queries QUERIES.jsonl [--top K] [--param NAME=VALUE]...\n");
    return 1;
  }
  if (mode == "duplicates") return supportctl::rank_duplicates(docs_path, queries_path, param_assignments);
  for (const std::string& assignment : param_assignments) {
    if (!set_param(params, assignment)) {
      std::fprintf(stderr, "supportctl rank: bad --param '%s'\n", assignment.c_str());
      return 1;
    }
  }

  try {
    support::SearchIndex index;
    index.set_params(params);
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
    "rank", "[--mode search|duplicates] --docs D.jsonl --queries Q.jsonl [--top K] [--param NAME=VALUE]",
    "rank documents for each query (JSON lines out); duplicates: every candidate, with a duplicate flag", &run_rank};

}  // namespace
