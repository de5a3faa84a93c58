#include "session/knowledge_base.h"

#include <algorithm>

namespace support {

KnowledgeBase::KnowledgeBase(const std::vector<KbArticle>& configured, std::string locale, std::string default_locale)
    : locale_(std::move(locale)), default_locale_(std::move(default_locale)) {
  for (const KbArticle& article : configured) {
    auto& versions = versions_[article.id];
    const bool taken = std::any_of(versions.begin(), versions.end(), [&](const KbArticle* v) { return v->locale == article.locale; });
    if (taken) continue;
    versions.push_back(&article);
    offer(article);
  }
  index_.prepare();   // the first keystroke should not pay for the index's one-off set-up
}

int KnowledgeBase::fit(const KbArticle& article) const {
  if (article.locale == locale_) return 3;
  if (article.locale.empty()) return 2;
  if (article.locale == default_locale_) return 1;
  return 0;
}

void KnowledgeBase::offer(const KbArticle& article) {
  const int score = fit(article);
  if (score == 0) return;
  auto it = offered_.find(article.id);
  if (it != offered_.end() && fit(*it->second) >= score) return;
  offered_[article.id] = &article;
  index_.upsert(article);   // replaces the version with the same id
}

bool KnowledgeBase::add(KbArticle article) {
  auto& versions = versions_[article.id];
  if (std::any_of(versions.begin(), versions.end(), [&](const KbArticle* v) { return v->locale == article.locale; }))
    return false;
  added_.push_back(std::move(article));
  const KbArticle& stored = added_.back();
  versions.push_back(&stored);
  offer(stored);
  return true;
}

const KbArticle* KnowledgeBase::find(const std::string& id) const {
  auto it = offered_.find(id);
  return it == offered_.end() ? nullptr : it->second;
}

void KnowledgeBase::set_locale(std::string locale) {
  if (locale == locale_) return;
  locale_ = std::move(locale);
  offered_.clear();
  index_.clear();
  for (const auto& [id, versions] : versions_)
    for (const KbArticle* version : versions) offer(*version);
  index_.prepare();
}

}  // namespace support
