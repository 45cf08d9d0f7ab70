// What the loops panel shows of a scored run, as plain data: the loops as rows (name, polarity, length, path,
// share now and at peak), which loop is in charge at a moment and the takeovers as a trainer tells them, the
// loops worth charting, a loop's links to highlight on the diagram, and naming a loop in the document.
// Layer: workbench/app. No ImGui, GLFW, GL or Lua.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "solver/analysis/loop_view.hpp"
#include "solver/analysis/loops.hpp"
#include "workbench/app/document.hpp"

namespace sdw::app {

struct LoopRow {
    size_t loop = 0;  // index in LoopScores::list.loops
    std::string id, name;
    char polarity = 'U';  // from structure: R, B or U
    size_t length = 0;
    std::string path;       // "a -> b -> c -> a", names as people read them
    double now = 0;         // signed share at the time shown
    double peak = 0;        // the share of largest magnitude over the run, signed
    bool inCharge = false;  // the dominant loop at the time shown
};

enum class LoopOrder {
    Named,  // named loops first, then by peak share
    Now,    // by the magnitude of the share at the time shown
    Peak,   // by the magnitude of the peak share
};

// The loops to list at saved row `row`: those whose id, name or variables contain `filter` (any case; "" for
// all), in `order`; ties keep id order. `periods` is dominance(scores).
std::vector<LoopRow> loopRows(const analysis::LoopScores& scores,
                              const std::vector<analysis::DominancePeriod>& periods, size_t row,
                              LoopOrder order, const std::string& filter = "");

// "a -> b -> c -> a", names as people read them.
std::string loopPath(const analysis::Loop& loop);
// "B8 the delayed-discharge spiral", or "B8" for a loop with no name.
std::string loopLabel(const analysis::Loop& loop);
// A signed share as the loops table shows it: "+62%" (reinforcing), "-8%" (balancing), "<1%" for a share
// that rounds to 0 (its colour tells which way it pulls; "-0%" read as a typo), "0%" for none.
std::string shareCell(double share);

// The same run with only the loops the model names, their shares of these loops' total (each row's magnitudes
// sum to 1 among them): which of the loops its documentation talks about leads when, however strongly unnamed
// loops drive the rest. Null when the model names none.
std::shared_ptr<const analysis::LoopScores> amongNamed(const analysis::LoopScores& scores);

// One takeover: from `start` to `end` (saved times) `loop` has the largest share; `text` tells it
// ("week 27.5 to week 36: B7 full wards turn admissions away, up to 62%").
struct Takeover {
    double start = 0, end = 0;
    size_t loop = 0;
    double peak = 0;
    std::string text;
};
std::vector<Takeover> loopStory(const analysis::LoopScores& scores,
                                const std::vector<analysis::DominancePeriod>& periods,
                                const model::SimSpecs& specs);

// The loop in charge at saved row `row` (as dominance() says), or nullopt when nothing changes then.
std::optional<size_t> inChargeAt(const analysis::LoopScores& scores,
                                 const std::vector<analysis::DominancePeriod>& periods, size_t row);

// The loops to chart, at most `most`: the selected one, then the loops that are ever in charge (longest in
// charge first), then the named loops, then by peak share.
std::vector<size_t> chartedLoops(const analysis::LoopScores& scores,
                                 const std::vector<analysis::DominancePeriod>& periods,
                                 std::optional<size_t> selected, size_t most);

// The loops a trainer steps through in presentation mode, as indices in `scores`: the loops the model names
// (its documentation's stories), in id order; for a model that names none, the loops that are ever in charge,
// longest in charge first; at most `most`.
std::vector<size_t> presentedLoops(const analysis::LoopScores& scores,
                                   const std::vector<analysis::DominancePeriod>& periods, size_t most = 12);

// "balancing" or "reinforcing" from the loop's structure, "of unknown polarity" when a sign cannot be told.
const char* polarityWord(const analysis::Loop& loop);

// A link of a loop to highlight on the diagram: canonical names, its sign from structure, and how strongly it
// drives the model at the time shown (0 to 1 of the strongest link then).
struct HighlightLink {
    std::string from, to;
    char sign = '?';
    double weight = 0;
};
std::vector<HighlightLink> loopHighlight(const analysis::LoopScores& scores, size_t loop, size_t row);

// Names (or renames) a loop in the document, with a sentence on what it does, as one undo step; saved with
// the model as <sdw:loops>, as `sdw loops --name` saves it. An empty name removes it. False when nothing
// changes.
bool nameLoop(Document& doc, const analysis::Loop& loop, const std::string& name,
              const std::string& description);

}  // namespace sdw::app
