#pragma once
// Reads a site owner's exported KB file (docs/kb-file.md) from text handed over in pieces, so
// the page never freezes on a large KB: the glue feeds what arrived this frame, the session
// takes the articles ready so far and indexes them a batch per frame.
//
//   KbFileReader reader(settings.kb.file);          // the name only hints at the format
//   reader.feed(chunk);  ...  reader.feed(chunk);   // split anywhere, even inside a character
//   reader.finish();
//   articles = reader.take_articles();              // also after each feed
//   for (const KbFileProblem& p : reader.problems()) show(format_kb_file_problem(p));
//
// JSON Lines are parsed line by line as they arrive (work per feed is bounded by the chunk);
// a JSON document is kept and parsed at finish(). Bad articles are left out with a problem,
// later duplicates of an id are left out with a problem; nothing throws, whatever the bytes.
#include <cstddef>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "kb/kb_article.h"
#include "kb/kb_file_format.h"

namespace support {

// Sane bounds for untrusted files; the defaults fit a 100,000-article export with room to spare.
struct KbFileLimits {
  std::size_t max_line_bytes = 1 << 20;        // one JSON Lines article; longer lines are skipped
  std::size_t max_document_bytes = 256u << 20; // a JSON document is held in memory until finish()
  std::size_t max_articles = 250000;           // further articles are skipped with one problem
  std::size_t max_depth = 32;                  // JSON nesting (an article needs 2, a document 4)
  std::size_t max_problems = 100;              // problems kept; the rest are only counted
};

struct KbFileProblem {
  std::string where;    // "line 17" (JSON Lines), "articles[3].title" (JSON document), "" (the file)
  std::string message;  // for site owners, e.g. "\"title\" is required"
};

// "where: message", or just the message when it is about the whole file.
std::string format_kb_file_problem(const KbFileProblem& problem);

class KbFileReader {
 public:
  // `name_hint`: the file name or URL (kb.file); ".jsonl" / ".ndjson" force JSON Lines.
  explicit KbFileReader(std::string_view name_hint = {}, KbFileLimits limits = {});

  // Hands over the next piece of the file's bytes.
  void feed(std::string_view chunk);
  // The file is complete: reads the last line or the whole JSON document. Call once.
  void finish();

  // The articles read since the last call, in file order; the reader keeps none of them.
  std::vector<KbArticle> take_articles();

  // The first `max_problems` problems in file order; after finish(), one more line says how
  // many were left out, if any.
  const std::vector<KbFileProblem>& problems() const { return problems_; }
  std::size_t problem_count() const { return problem_count_; }  // all problems, kept or not
  std::size_t articles_read() const { return articles_read_; }  // accepted so far, taken or not
  KbFileFormat format() const { return format_; }               // unknown until decided
  bool finished() const { return finished_; }

 private:
  void route(std::string_view bytes);
  void decide(bool at_end);
  void feed_lines(std::string_view bytes);
  void read_line(std::string_view line);
  void read_document();
  void accept(const nlohmann::json& item, const std::string& where, bool in_document, std::size_t position);
  void problem(std::string where, std::string message);

  KbFileLimits limits_;
  KbFileFormat format_;
  bool started_ = false;         // the byte-order mark question is settled
  std::string head_;             // the first bytes, until we know whether they are a BOM
  std::string pending_;          // undecided: the text so far; lines: the partial line; document: all
  std::size_t decide_scanned_ = 0;  // bytes of pending_ already searched for the first newline
  std::size_t line_ = 1;         // the line pending_ belongs to (1-based)
  std::size_t first_line_ = 1;   // the line the content starts on (leading blank lines skipped)
  bool skipping_line_ = false;   // inside an over-long line, dropping bytes up to its newline
  bool document_too_large_ = false;
  bool finished_ = false;
  bool fed_after_finish_ = false;
  bool too_many_articles_ = false;
  bool content_seen_ = false;    // some non-blank text arrived (an empty file is a problem)
  std::size_t articles_read_ = 0;
  std::size_t problem_count_ = 0;
  std::vector<KbArticle> ready_;
  std::vector<KbFileProblem> problems_;
  std::unordered_map<std::string, std::size_t> first_place_of_id_;  // by kb_article_key: line, or index in the document
};

}  // namespace support
