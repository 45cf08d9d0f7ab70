// A time-series chart drawn with ImGui's draw list: axes with readable ticks and units, a legend, a hover
// readout, several series, runs overlaid (dashed), shaded bands (fan charts), observed points, zoom on the
// time axis (wheel; double-click resets).
// Layer: workbench/ui/widgets (ImGui). No Lua.
#pragma once

#include <imgui.h>

#include <limits>
#include <string>
#include <vector>

#include "solver/model/model.hpp"

namespace sdw::ui::widgets {

struct Series {
    std::string label;
    const std::vector<double>* t = nullptr;  // shared time column
    std::vector<double> y;
    ImU32 color = 0;
    bool dashed = false;  // an overlaid run (baseline or kept run)
    int dash = 3;         // when dashed: segments on, then off (3 for the baseline, 1 dotted for later runs)
    std::string run;      // when dashed: the run's name, for its legend entry
    // Drawn up to this time only: presentation reveals the run as it plays (the future is not drawn).
    double revealTo = std::numeric_limits<double>::infinity();
    // A band (a fan chart's 5-95 or 25-75): filled between `lo` and `y`, drawn under the lines; the legend
    // shows one entry per label, the hover readout `run` (the variable) and the label.
    std::vector<double> lo;
    bool points = false;  // observed data: a dot at each value, no line (gaps are simply absent)
    std::string var;      // the variable it draws (its axis follows the variable's)
    int axis = 0;         // 0 read against the left axis, 1 the right (app::planChart says which)
};

struct PlotView {
    double t0 = 0, t1 = 0;  // visible time window; t0 == t1 means "the whole run"
};

// "Nice" tick positions covering [lo, hi] with about `target` ticks.
std::vector<double> niceTicks(double lo, double hi, int target);

// The points of a series a chart draws in its time window [t0, t1], `pxWidth` pixels wide: about two a pixel
// column (at most about 1,000), none after the series' revealTo.
std::vector<size_t> pointsToDraw(const Series& s, double t0, double t1, double pxWidth);

// Draw the chart in a rectangle of `size` at the cursor. A finite markerTime draws the time cursor there (in
// its own colour). The time axis and the hover readout read in dates when `time` (the model's sim specs) has
// a calendar start. Series with axis 1 are read against a right axis in `rightUnits`, with its own range.
// Returns, for each series, the time of the last point drawn (NaN when none was).
std::vector<double> timePlot(const char* id, const std::string& title, const std::vector<Series>& series,
                             PlotView& view, ImVec2 size, const model::SimSpecs& time,
                             const std::string& yUnits, double markerTime, float fontScale = 1.0f,
                             const std::string& rightUnits = "");

}  // namespace sdw::ui::widgets
