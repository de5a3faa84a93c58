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

}  // namespace support
