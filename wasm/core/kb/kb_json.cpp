#include "kb/kb_json.h"

#include <unordered_map>

#include <nlohmann/json.hpp>

namespace support {
namespace {

// Reads a required or optional string member; records a problem and returns false if it
// is present with another type, or missing when required.
bool read_string(const nlohmann::json& object, const char* key, bool required, std::string& out,
                 std::vector<KbArticleProblem>& problems) {
  const auto it = object.find(key);
  if (it == object.end() || (!required && it->is_null())) {
    if (required) problems.push_back({key, "is required"});
    return !required;
  }
  if (!it->is_string()) {
    problems.push_back({key, "must be a string"});
    return false;
  }
  out = it->get<std::string>();
  return true;
}

}  // namespace

KbParseResult kb_articles_from_json(const nlohmann::json& value, const std::string& json_path) {
  KbParseResult result;
  try {
    const nlohmann::json* list = &value;
    std::string list_path = json_path;
    if (value.is_object()) {
      const auto it = value.find("articles");
      if (it == value.end()) {
        result.errors.push_back(json_path + ": must be an array of articles or an object with \"articles\"");
        return result;
      }
      list = &*it;
      list_path += ".articles";
    }
    if (!list->is_array()) {
      result.errors.push_back(list_path + ": must be an array of articles");
      return result;
    }

    std::unordered_map<std::string, std::size_t> first_index_of_id;
    for (std::size_t i = 0; i < list->size(); ++i) {
      const nlohmann::json& item = (*list)[i];
      const std::string path = list_path + "[" + std::to_string(i) + "]";
      KbArticle article;
      std::vector<KbArticleProblem> problems;
      bool ok = kb_article_from_json(item, article, problems);
      for (const KbArticleProblem& problem : problems) {
        result.errors.push_back(path + (problem.field.empty() ? "" : "." + problem.field) + ": " + problem.message);
      }
      if (!article.id.empty()) {
        const auto [seen, inserted] = first_index_of_id.emplace(article.id, i);
        if (!inserted) {
          result.errors.push_back(path + ".id: duplicate id \"" + article.id + "\" (first used at " + list_path + "[" +
                                  std::to_string(seen->second) + "])");
          ok = false;
        }
      }
      if (ok) result.articles.push_back(std::move(article));
    }
  } catch (const std::exception& e) {  // defensive: the checks above should make this unreachable
    result.errors.push_back(json_path + ": " + e.what());
  }
  return result;
}

bool kb_article_from_json(const nlohmann::json& item, KbArticle& out, std::vector<KbArticleProblem>& problems) {
  if (!item.is_object()) {
    problems.push_back({"", "must be an object with \"id\", \"title\" and \"body\""});
    return false;
  }
  KbArticle article;
  bool ok = read_string(item, "id", true, article.id, problems);
  if (ok && article.id.empty()) {
    problems.push_back({"id", "must not be empty"});
    ok = false;
  }
  ok = read_string(item, "title", true, article.title, problems) && ok;
  ok = read_string(item, "body", true, article.body, problems) && ok;
  ok = read_string(item, "url", false, article.url, problems) && ok;
  const auto tags = item.find("tags");
  if (tags != item.end() && !tags->is_null()) {
    if (!tags->is_array()) {
      problems.push_back({"tags", "must be an array of strings"});
      ok = false;
    } else {
      for (std::size_t t = 0; t < tags->size(); ++t) {
        if ((*tags)[t].is_string()) {
          article.tags.push_back((*tags)[t].get<std::string>());
        } else {
          problems.push_back({"tags[" + std::to_string(t) + "]", "must be a string"});
          ok = false;
        }
      }
    }
  }
  out = std::move(article);
  return ok;
}

}  // namespace support
