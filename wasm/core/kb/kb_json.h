#pragma once
// Reads KB articles from JSON: an array of {"id","title","body","tags"?,"url"?} or an object
// {"articles":[...]}. Collects every problem as "<json path>: <message>" (for example
// "kb.articles[3].title: must be a string") instead of stopping at the first; never throws.
// Articles with errors are left out of `articles`; the valid ones are kept.
#include <string>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "kb/kb_article.h"

namespace support {

struct KbParseResult {
  std::vector<KbArticle> articles;
  std::vector<std::string> errors;
};

// `json_path` names `value` in messages, e.g. "kb.articles" or "kb.json".
KbParseResult kb_articles_from_json(const nlohmann::json& value, const std::string& json_path);

// One thing wrong with one article, relative to the article, so each caller can name the
// article its own way ("kb.articles[3]", "line 17").
struct KbArticleProblem {
  std::string field;    // "" (the article as a whole), "title", "tags[1]", ...
  std::string message;  // "is required", "must be a string", ...
};

// Reads one article (the rules of kb_articles_from_json, without the duplicate-id check, which
// needs the whole list). Returns false, with problems, when the article must be left out.
bool kb_article_from_json(const nlohmann::json& item, KbArticle& out, std::vector<KbArticleProblem>& problems);

// An id is unique within its locale: the key a list checks for duplicates.
std::string kb_article_key(const KbArticle& article);
// " in locale \"de\"" for an article of one locale, "" otherwise: for duplicate-id messages.
std::string locale_note(const KbArticle& article);
// A BCP 47-style code: 2-3 letters, then optional -subtags of 2-8 letters or digits ("de", "pt-BR").
bool is_locale_code(std::string_view code);

}  // namespace support
