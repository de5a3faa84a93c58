#include "session/knowledge_base.h"

namespace support {

KnowledgeBase::KnowledgeBase(const std::vector<KbArticle>& configured) {
  for (const KbArticle& article : configured) {
    if (by_id_.emplace(article.id, &article).second) index_.upsert(article);
  }
  index_.prepare();   // the first keystroke should not pay for the index's one-off set-up
}

bool KnowledgeBase::add(KbArticle article) {
  if (by_id_.count(article.id)) return false;
  added_.push_back(std::move(article));
  const KbArticle& stored = added_.back();
  by_id_.emplace(stored.id, &stored);
  index_.upsert(stored);
  return true;
}

const KbArticle* KnowledgeBase::find(const std::string& id) const {
  auto it = by_id_.find(id);
  return it == by_id_.end() ? nullptr : it->second;
}

}  // namespace support
