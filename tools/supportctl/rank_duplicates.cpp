#include "rank_duplicates.h"

#include "jsonl_input.h"
#include "param_assignment.h"
#include "screening/duplicate_index.h"

#include <cmath>
#include <cstdio>
#include <map>
#include <set>

namespace supportctl {
namespace {

struct Doc {
  std::string id, title, body;
};

bool set_duplicate_param(support::DuplicateParams& p, const std::string& assignment) {
  std::string name;
  float value = 0;
  if (!supportctl::parse_param_assignment(assignment, name, value)) return false;
  const std::pair<const char*, float*> numbers[] = {
      {"cosine_weight", &p.cosine_weight}, {"bm25_weight", &p.bm25_weight},
      {"subject_coverage_weight", &p.subject_coverage_weight}, {"latent_weight", &p.latent_weight},
      {"ticket_subject_boost", &p.ticket_subject_boost}, {"draft_subject_boost", &p.draft_subject_boost},
      {"topic_subject_boost", &p.topic_subject_boost}, {"question_boost", &p.question_boost},
      {"k1", &p.k1}, {"b", &p.b}, {"join_weight", &p.join_weight},
      {"duplicate_threshold", &p.duplicate_threshold}};
  for (const auto& [field, target] : numbers)
    if (name == field) return *target = value, true;
  const std::pair<const char*, int*> counts[] = {
      {"latent_dimensions", &p.latent_dimensions}, {"latent_rounds", &p.latent_rounds},
      {"latent_max_documents", &p.latent_max_documents}, {"latent_min_documents", &p.latent_min_documents},
      {"latent_seed", &p.latent_seed}};
  for (const auto& [field, target] : counts) {
    if (name != field) continue;
    if (value < 0 || value != std::floor(value)) return false;
    *target = static_cast<int>(value);
    return true;
  }
  if (name == "keep_question_words" && (value == 0 || value == 1)) return p.keep_question_words = value == 1, true;
  if (name == "latent_with_tickets" && (value == 0 || value == 1)) return p.latent_with_tickets = value == 1, true;
  return false;
}

// A query's text is "subject\nbody" (the first line is the subject), as the eval files write it.
std::pair<std::string, std::string> split_subject(const std::string& text) {
  const std::size_t newline = text.find('\n');
  if (newline == std::string::npos) return {text, ""};
  return {text.substr(0, newline), text.substr(newline + 1)};
}

}  // namespace

int rank_duplicates(const std::string& docs_path, const std::string& queries_path,
                    const std::vector<std::string>& param_assignments) {
  support::DuplicateParams params;
  bool with_features = false;  // "--param features=1": each result also lists its similarity measures
  for (const std::string& assignment : param_assignments) {
    if (assignment == "features=1") {
      with_features = true;
      continue;
    }
    if (!set_duplicate_param(params, assignment)) {
      std::fprintf(stderr, "supportctl rank: bad --param '%s' for --mode duplicates\n", assignment.c_str());
      return 1;
    }
  }
  try {
    std::vector<Doc> docs;
    std::map<std::string, std::size_t> doc_numbers;
    read_jsonl(docs_path, [&](const nlohmann::json& line, const std::string& where) {
      Doc doc{required_string(line, "id", where), required_string(line, "title", where),
              required_string(line, "body", where)};
      if (!doc_numbers.emplace(doc.id, docs.size()).second)
        throw InputError{where + ": duplicate document id \"" + doc.id + "\""};
      docs.push_back(std::move(doc));
    });

    read_jsonl(queries_path, [&](const nlohmann::json& line, const std::string& where) {
      const std::string id = required_string(line, "id", where);
      const std::string text = required_string(line, "text", where);
      std::vector<std::size_t> pool;
      if (const auto it = line.find("candidates"); it != line.end()) {
        if (!it->is_array()) throw InputError{where + ": \"candidates\" must be an array of document ids"};
        for (const auto& candidate : *it) {
          if (!candidate.is_string()) throw InputError{where + ": \"candidates\" must be an array of document ids"};
          const auto found = doc_numbers.find(candidate.get<std::string>());
          if (found == doc_numbers.end())
            throw InputError{where + ": candidate \"" + candidate.get<std::string>() + "\" is not in " + docs_path};
          pool.push_back(found->second);
        }
      } else {
        for (std::size_t i = 0; i < docs.size(); ++i) pool.push_back(i);
      }
      const std::set<std::size_t> in_pool(pool.begin(), pool.end());
      support::DuplicateIndex index(params);
      for (std::size_t i = 0; i < docs.size(); ++i)
        if (!in_pool.count(i)) index.add_background(docs[i].title, docs[i].body);
      // As in the widget: the topics are learned once the background and the tickets are in.
      for (const std::size_t number : pool)
        index.add_ticket({docs[number].id, docs[number].title, docs[number].body, "", ""});
      index.build_latent_topics();

      const auto [subject, body] = split_subject(text);
      nlohmann::json results = nlohmann::json::array();
      for (const support::DuplicateCandidate& c : index.check(subject, body)) {
        nlohmann::json result = {{"id", index.tickets()[c.ticket].number},
                                 {"score", std::round(c.score * 10000) / 10000},
                                 {"duplicate", c.duplicate}};
        if (with_features) {
          const support::DuplicateFeatures& f = c.features;
          result["features"] = {{"cosine", f.cosine}, {"bm25", f.bm25}, {"subject_coverage", f.subject_coverage}};
          if (f.latent_used) result["features"]["latent"] = f.latent;
        }
        results.push_back(result);
      }
      const nlohmann::json out = {{"query", id}, {"results", results}};
      std::printf("%s\n", out.dump().c_str());
    });
  } catch (const InputError& error) {
    std::fprintf(stderr, "supportctl rank: %s\n", error.message.c_str());
    return 1;
  }
  return 0;
}

}  // namespace supportctl
