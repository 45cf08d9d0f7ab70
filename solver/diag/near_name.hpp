// Near-miss names: the edit distance between two names and the candidate a misspelt name most likely meant,
// for "did you mean" hints in diagnostics. Layer: solver (diag). Standard library only.
#pragma once

#include <string>
#include <vector>

namespace sdw::diag {

// Levenshtein distance, case-insensitive; a swap of two neighbours ("stpo" for "stop") counts as one edit.
size_t editDistance(const std::string& a, const std::string& b);

// Index of the candidate closest to `word`, if close enough to be a likely typo (within a third of its
// letters, and at least one edit); -1 otherwise.
int nearestIndex(const std::string& word, const std::vector<std::string>& candidates);

// candidates[nearestIndex(...)], or "" when none is near.
std::string nearestName(const std::string& word, const std::vector<std::string>& candidates);

}  // namespace sdw::diag
