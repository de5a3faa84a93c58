#include "session/kb_file_loader.h"

namespace support {

namespace {
constexpr std::size_t kMaxKbProblems = 100;
}  // namespace

KbFileLoader::KbFileLoader(std::string file) : file_(std::move(file)) {
  if (!file_.empty()) reader_ = std::make_unique<KbFileReader>(file_);
}

void KbFileLoader::chunk(std::string_view bytes) {
  if (!reader_ || done_) return;
  reader_->feed(bytes);
  take_read_articles();
}

void KbFileLoader::end() {
  if (!reader_ || done_) return;
  reader_->finish();
  take_read_articles();
  done_ = true;
  for (const KbFileProblem& p : reader_->problems()) note(format_kb_file_problem(p));
}

void KbFileLoader::failed(const std::string& message) {
  if (!reader_ || done_) return;
  done_ = true;
  problems_.push_back(file_ + ": " + message);
}

void KbFileLoader::take_read_articles() {
  for (KbArticle& article : reader_->take_articles()) waiting_.push_back(std::move(article));
}

void KbFileLoader::note(std::string problem) {
  if (problems_.size() < kMaxKbProblems) problems_.push_back(std::move(problem));
}

std::size_t KbFileLoader::index_waiting(std::size_t max_articles, KnowledgeBase& kb) {
  const bool had_waiting = !waiting_.empty();
  for (std::size_t n = 0; n < max_articles && !waiting_.empty(); ++n) {
    const std::string id = waiting_.front().id;
    if (kb.add(std::move(waiting_.front()))) {
      ++indexed_;
    } else {
      // The configuration's own article wins; the file's copy is reported, not silently dropped.
      note("article \"" + id + "\" is also in the configuration; the file's copy is ignored");
    }
    waiting_.pop_front();
  }
  if (had_waiting && waiting_.empty()) kb.index().prepare();
  return waiting_.size();
}

KbFileStatus KbFileLoader::status() const {
  KbFileStatus status;
  status.file = file_;
  status.loading = reader_ && (!done_ || !waiting_.empty());
  status.articles = indexed_;
  status.waiting = waiting_.size();
  status.problems = problems_;
  return status;
}

}  // namespace support
