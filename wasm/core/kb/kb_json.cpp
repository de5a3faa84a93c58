#include "kb/kb_json.h"

#include <algorithm>
#include <string_view>
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

bool is_ascii_alnum(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'); }
bool is_ascii_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

}  // namespace

std::string kb_article_key(const KbArticle& article) { return article.id + '\n' + article.locale; }

std::string locale_note(const KbArticle& article) {
  return article.locale.empty() ? std::string() : " in locale \"" + article.locale + "\"";
}

bool is_locale_code(std::string_view code) {
  std::size_t start = 0, part = 0;
  while (start <= code.size()) {
    std::size_t end = code.find('-', start);
    if (end == std::string_view::npos) end = code.size();
    const std::string_view sub = code.substr(start, end - start);
    const bool letters_only = std::all_of(sub.begin(), sub.end(), is_ascii_alpha);
    if (part == 0 ? (sub.size() < 2 || sub.size() > 3 || !letters_only)
                  : (sub.size() < 2 || sub.size() > 8 || !std::all_of(sub.begin(), sub.end(), is_ascii_alnum)))
      return false;
    ++part;
    start = end + 1;
  }
  return part > 0;
}

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
        const auto [seen, inserted] = first_index_of_id.emplace(kb_article_key(article), i);
        if (!inserted) {
          result.errors.push_back(path + ".id: duplicate id \"" + article.id + "\"" + locale_note(article) +
                                  " (first used at " + list_path + "[" + std::to_string(seen->second) + "])");
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
  ok = read_string(item, "locale", false, article.locale, problems) && ok;
  if (!article.locale.empty() && !is_locale_code(article.locale)) {
    problems.push_back({"locale", "must be a locale code such as \"de\" or \"pt-BR\""});
    ok = false;
  }
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
