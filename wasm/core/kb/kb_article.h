#pragma once
// A knowledge-base article as site owners configure or export it.
#include <string>
#include <vector>

namespace support {

struct KbArticle {
  std::string id;                 // stable id, unique within the KB
  std::string title;
  std::string body;               // lightweight markup: "# heading", "- item", blank-line paragraphs, [text](url)
  std::vector<std::string> tags;
  std::string url;                // optional link to the full article on the site
  std::string locale;             // the one locale it is written in ("de"); empty: offered in every locale
};

}  // namespace support
