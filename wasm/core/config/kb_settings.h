#pragma once
// Where the knowledge base comes from: inline articles and/or a separate file. Loading the file
// is the caller's job (the core does no I/O); the config only records where it is.
#include "kb/kb_article.h"

#include <string>
#include <vector>

namespace support {

struct KbSettings {
  std::vector<KbArticle> articles;  // inline "kb.articles"
  std::string file;                 // "kb.file": URL or path of a separate KB document; may be empty
};

}  // namespace support
