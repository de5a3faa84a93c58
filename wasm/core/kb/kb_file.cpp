#include "kb/kb_file.h"

#include <utility>

#include <nlohmann/json.hpp>

#include "kb/kb_json.h"
#include "kb/safe_json_parse.h"

namespace support {
namespace {

constexpr std::string_view kByteOrderMark = "\xEF\xBB\xBF";
constexpr std::size_t kMaxQuotedBytes = 80;

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

bool is_blank(std::string_view text) {
  for (const char c : text)
    if (!is_space(c)) return false;
  return true;
}

// Ids and keys come from parsed JSON (valid UTF-8) but may be huge: keep messages short and
// cut only between characters.
std::string in_quotes(std::string_view text) {
  if (text.size() <= kMaxQuotedBytes) return "\"" + std::string(text) + "\"";
  std::size_t cut = kMaxQuotedBytes;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
  return "\"" + std::string(text.substr(0, cut)) + "...\"";
}

const char* json_type_name(const nlohmann::json& value) {
  if (value.is_object()) return "an object";
  if (value.is_array()) return "an array";
  if (value.is_string()) return "a string";
  if (value.is_boolean()) return "a boolean";
  if (value.is_number()) return "a number";
  return "null";
}

}  // namespace

std::string format_kb_file_problem(const KbFileProblem& problem) {
  return problem.where.empty() ? problem.message : problem.where + ": " + problem.message;
}

KbFileReader::KbFileReader(std::string_view name_hint, KbFileLimits limits)
    : limits_(limits), format_(kb_file_format_from_name(name_hint)) {}

void KbFileReader::feed(std::string_view chunk) {
  if (finished_) {
    if (!fed_after_finish_) problems_.push_back({"", "text handed over after the end of the file was ignored"});
    fed_after_finish_ = true;
    return;
  }
  if (chunk.empty()) return;
  if (started_) {
    route(chunk);
    return;
  }
  // A byte-order mark may itself arrive split: wait until three bytes settle it.
  head_.append(chunk);
  if (head_.size() < kByteOrderMark.size() && kByteOrderMark.substr(0, head_.size()) == head_) return;
  started_ = true;
  std::string head = std::move(head_);
  head_ = std::string();
  std::string_view text = head;
  if (text.substr(0, kByteOrderMark.size()) == kByteOrderMark) text.remove_prefix(kByteOrderMark.size());
  route(text);
}

void KbFileReader::finish() {
  if (finished_) return;
  if (!started_) {
    started_ = true;
    std::string head = std::move(head_);
    head_ = std::string();
    route(head);  // fewer than three bytes, or only part of a byte-order mark
  }
  if (format_ == KbFileFormat::unknown && !pending_.empty()) decide(true);
  if (format_ == KbFileFormat::json_lines && !skipping_line_ && !pending_.empty()) {
    read_line(pending_);  // the last line need not end with a newline
    pending_.clear();
  }
  if (format_ == KbFileFormat::json_document && !document_too_large_) read_document();
  if (!content_seen_) problem("", "the file is empty");
  if (problem_count_ > problems_.size())
    problems_.push_back({"", std::to_string(problem_count_ - problems_.size()) + " more problems not shown"});
  finished_ = true;
}

std::vector<KbArticle> KbFileReader::take_articles() {
  std::vector<KbArticle> taken;
  taken.swap(ready_);
  return taken;
}

void KbFileReader::route(std::string_view bytes) {
  switch (format_) {
    case KbFileFormat::json_lines:
      feed_lines(bytes);
      return;
    case KbFileFormat::json_document:
      if (document_too_large_) return;
      if (pending_.size() + bytes.size() > limits_.max_document_bytes) {
        problem("", "the file is larger than " + std::to_string(limits_.max_document_bytes) +
                        " bytes; a JSON document that large is not read (JSON Lines has no size limit)");
        document_too_large_ = true;
        pending_ = std::string();
        return;
      }
      pending_.append(bytes);
      return;
    case KbFileFormat::unknown:
      break;
  }
  // Undecided: skip leading white space (keeping line numbers right), then buffer until the
  // first line tells the format.
  if (pending_.empty()) {
    std::size_t start = 0;
    while (start < bytes.size() && is_space(bytes[start])) {
      if (bytes[start] == '\n') ++line_;
      ++start;
    }
    bytes.remove_prefix(start);
    first_line_ = line_;
    if (bytes.empty()) return;
    content_seen_ = true;
  }
  pending_.append(bytes);
  decide(false);
}

void KbFileReader::decide(bool at_end) {
  KbFileFormat decided = KbFileFormat::json_document;
  if (pending_[0] == '{') {
    const std::size_t newline = pending_.find('\n', decide_scanned_);
    if (newline != std::string::npos) {
      if (newline <= limits_.max_line_bytes)
        decided = kb_file_format_from_first_line(std::string_view(pending_).substr(0, newline), limits_.max_depth);
    } else if (pending_.size() <= limits_.max_line_bytes) {
      decide_scanned_ = pending_.size();
      if (!at_end) return;  // wait for the end of the first line
      decided = kb_file_format_from_first_line(pending_, limits_.max_depth);
    }
    // else: a first line longer than any article line can only be a one-line document.
  }
  format_ = decided;
  std::string text = std::move(pending_);
  pending_ = std::string();
  route(text);
}

void KbFileReader::feed_lines(std::string_view bytes) {
  std::size_t pos = 0;
  while (pos < bytes.size()) {
    const std::size_t newline = bytes.find('\n', pos);
    if (skipping_line_) {
      if (newline == std::string_view::npos) return;
      skipping_line_ = false;
      ++line_;
      pos = newline + 1;
      continue;
    }
    const std::size_t end = newline == std::string_view::npos ? bytes.size() : newline;
    if (pending_.size() + (end - pos) > limits_.max_line_bytes) {
      content_seen_ = true;
      problem("line " + std::to_string(line_),
              "longer than " + std::to_string(limits_.max_line_bytes) + " bytes; skipped");
      pending_.clear();
      if (newline == std::string_view::npos) {
        skipping_line_ = true;
        return;
      }
      ++line_;
      pos = newline + 1;
      continue;
    }
    if (newline == std::string_view::npos) {
      pending_.append(bytes.substr(pos));
      return;
    }
    if (pending_.empty()) {
      read_line(bytes.substr(pos, end - pos));
    } else {
      pending_.append(bytes.substr(pos, end - pos));
      read_line(pending_);
      pending_.clear();
    }
    ++line_;
    pos = newline + 1;
  }
}

void KbFileReader::read_line(std::string_view line) {
  if (is_blank(line)) return;
  content_seen_ = true;
  const std::string where = "line " + std::to_string(line_);
  const SafeJsonParse parsed = safe_json_parse(line, limits_.max_depth);
  if (parsed.too_deep) {
    problem(where, "not read: " + parsed.error);
  } else if (!parsed.ok) {
    problem(where, "not JSON (column " + std::to_string(parsed.column) + "): " + parsed.error);
  } else {
    accept(parsed.value, where, false, line_);
  }
}

void KbFileReader::read_document() {
  SafeJsonParse parsed = safe_json_parse(pending_, limits_.max_depth);
  pending_ = std::string();  // the text is no longer needed: free it before building articles
  if (parsed.too_deep) {
    problem("", "not read: " + parsed.error);
    return;
  }
  if (!parsed.ok) {
    problem("", "not JSON at line " + std::to_string(parsed.line + first_line_ - 1) + ", column " +
                    std::to_string(parsed.column) + ": " + parsed.error);
    return;
  }
  const nlohmann::json& document = parsed.value;
  const nlohmann::json* list = &document;
  if (document.is_object()) {
    const auto articles = document.find("articles");
    if (articles == document.end()) {  // one message: listing every other key as unknown would not help
      problem("", "a JSON object needs \"articles\": [...] (or write one article per line: JSON Lines)");
      return;
    }
    for (auto it = document.begin(); it != document.end(); ++it) {
      const std::string& key = it.key();
      if (key == "articles" || (!key.empty() && (key[0] == '$' || key[0] == '_'))) continue;
      problem(in_quotes(key), "unknown key (the file has \"articles\" and may have keys starting with $ or _)");
    }
    if (!articles->is_array()) {
      problem("articles", std::string("must be an array of articles, found ") + json_type_name(*articles));
      return;
    }
    list = &*articles;
  } else if (!document.is_array()) {
    problem("", std::string("must be an array of articles or an object with \"articles\", found ") +
                    json_type_name(document));
    return;
  }
  for (std::size_t i = 0; i < list->size(); ++i) accept((*list)[i], "articles[" + std::to_string(i) + "]", true, i);
}

void KbFileReader::accept(const nlohmann::json& item, const std::string& where, bool in_document,
                          std::size_t position) {
  KbArticle article;
  std::vector<KbArticleProblem> article_problems;
  const bool ok = kb_article_from_json(item, article, article_problems);
  for (KbArticleProblem& p : article_problems) {
    if (in_document) {
      problem(p.field.empty() ? where : where + "." + p.field, std::move(p.message));
    } else {
      problem(where, p.field.empty() ? std::move(p.message) : "\"" + p.field + "\" " + p.message);
    }
  }
  if (!ok) return;
  const auto first = first_place_of_id_.find(kb_article_key(article));
  if (first != first_place_of_id_.end()) {
    const std::string first_place =
        in_document ? "articles[" + std::to_string(first->second) + "]" : "line " + std::to_string(first->second);
    problem(in_document ? where + ".id" : where, "duplicate id " + in_quotes(article.id) + locale_note(article) +
                                                     " (first used at " + first_place + "); skipped");
    return;
  }
  if (articles_read_ >= limits_.max_articles) {
    if (!too_many_articles_)
      problem(where,
              "more than " + std::to_string(limits_.max_articles) + " articles: this one and the rest are skipped");
    too_many_articles_ = true;
    return;
  }
  first_place_of_id_.emplace(kb_article_key(article), position);
  ready_.push_back(std::move(article));
  ++articles_read_;
}

void KbFileReader::problem(std::string where, std::string message) {
  ++problem_count_;
  if (problems_.size() < limits_.max_problems) problems_.push_back({std::move(where), std::move(message)});
}

}  // namespace support
