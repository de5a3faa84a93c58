#pragma once
// `supportctl rank --mode duplicates`: the input and output of `rank`, ranked by the duplicate
// engine (screening/duplicate_index.h). Each query's candidates (or every document) are its
// earlier tickets; the other documents of the file teach word rarity, as the KB does in the
// widget. Every candidate is returned, best first, with "duplicate": true|false.
#include <string>
#include <vector>

namespace supportctl {

// Returns the exit code; "--param" assignments name DuplicateParams fields.
int rank_duplicates(const std::string& docs_path, const std::string& queries_path,
                    const std::vector<std::string>& param_assignments);

}  // namespace supportctl
