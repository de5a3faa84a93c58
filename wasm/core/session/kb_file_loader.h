#pragma once
// The KB file named by the configuration (kb.file) on its way into the knowledge base: the
// platform hands its bytes over as they arrive, the reader parses what is complete, and the
// articles wait until the platform asks for a batch to be indexed, so the page never freezes.
#include "kb/kb_article.h"
#include "kb/kb_file.h"
#include "session/knowledge_base.h"

#include <deque>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace support {

// The KB file as it loads.
struct KbFileStatus {
  std::string file;                   // as configured; empty when there is none
  bool loading = false;               // bytes still arriving or articles still being indexed
  std::size_t articles = 0;           // articles from the file in the index so far
  std::size_t waiting = 0;            // read, not indexed yet
  std::vector<std::string> problems;  // "line 17: ..." for the site owner (preview, console)
};

class KbFileLoader {
 public:
  // `file` as configured; empty when the configuration names none (then every call is ignored).
  explicit KbFileLoader(std::string file);

  bool expects_file() const { return reader_ != nullptr; }

  void chunk(std::string_view bytes);
  void end();
  void failed(const std::string& message);   // the platform could not fetch it

  std::size_t waiting() const { return waiting_.size(); }
  // Moves up to `max_articles` waiting articles into `kb`; returns how many still wait. When the
  // last one is in, the index is prepared for the next search.
  std::size_t index_waiting(std::size_t max_articles, KnowledgeBase& kb);

  KbFileStatus status() const;

 private:
  void take_read_articles();
  void note(std::string problem);

  std::string file_;
  std::unique_ptr<KbFileReader> reader_;
  std::deque<KbArticle> waiting_;   // read from the file, not indexed yet
  std::size_t indexed_ = 0;
  bool done_ = false;
  std::vector<std::string> problems_;
};

}  // namespace support
