#pragma once
// Typo tolerance: how many edits a word of a given length may have, and a bounded edit
// distance (insert, delete, substitute, swap of neighbours) that gives up early.
#include <cstddef>
#include <string_view>

namespace support {

// 0 for short words (too many false friends: "form"/"from"), 1 from 5 letters, 2 from 9.
int allowed_typos(std::size_t letters);

// Optimal-string-alignment distance between a and b if it is <= max_edits, else max_edits + 1.
// Works on bytes: folded words are ASCII in the common case, and for others a multi-byte
// letter costs more than one edit, which only makes matching stricter.
int bounded_edit_distance(std::string_view a, std::string_view b, int max_edits);

}  // namespace support
