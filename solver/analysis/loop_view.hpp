// What a loops panel and an animated diagram ask of a scored run: a loop's links to highlight, the loop in
// charge at a moment of the run, how thick to draw each link then, the named loops a trainer steps through.
// Layer: solver (analysis). No GUI, no Lua.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "solver/analysis/loops.hpp"

namespace sdw::analysis {

struct LoopLink {
    std::string from, to;  // variables as written
    char sign = '?';       // '+', '-' or '?'
};

// The links of a loop in causal order (the last one back to its first variable), for highlighting.
std::vector<LoopLink> loopLinks(const Loop& loop);

// The loop an id ("B3", any case) or a name the model gives it refers to, or null.
const Loop* findLoop(const LoopList& list, const std::string& idOrName);

// The loops the model names, in id order: what a trainer steps through in presentation mode.
std::vector<const Loop*> namedLoops(const LoopList& list);

// The saved time a moment of the run shows: the last one at or before `time` (the first before the start).
size_t rowAt(const LoopScores& scores, double time);

// The loop in charge at a saved time (index in scores.list.loops), as dominance() reports it (a loop takes
// over only when clearly ahead); nullopt when nothing changes then.
std::optional<size_t> dominantAt(const LoopScores& scores, size_t row);

// How strongly each link of scores.links drives the model at a saved time, for line widths: its score's
// magnitude over the largest at that time, 0 to 1 (all 0 when nothing changes).
std::vector<double> linkWeights(const LoopScores& scores, size_t row);

}  // namespace sdw::analysis
