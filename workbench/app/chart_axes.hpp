// Which y axis each line of a chart is read against: one unit on the left; a second unit (or the same unit
// orders of magnitude smaller) on a right axis of its own; three or more units one small chart per unit, said
// in a note. A line is never flattened onto zero by another's scale. Layer: workbench/app. No ImGui, GLFW, GL
// or Lua.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace sdw::app {

// One variable on a chart: its units as the model writes them and its largest absolute finite value (0 when
// it has none).
struct ChartLine {
    std::string units;
    double peak = 0;
};

// A variable's line from its values over a run.
ChartLine chartLine(const std::string& units, const std::vector<double>& values);

// One plot area: the lines (indexes into the chart's lines) read against its left and right axes.
struct ChartPane {
    std::string leftUnits, rightUnits;
    std::vector<size_t> left, right;
    bool hasRight() const { return !right.empty(); }
};

// How a chart is drawn: one pane, or (three units or more) one pane per unit stacked, with a note saying so.
struct ChartPlan {
    std::vector<ChartPane> panes;
    std::string note;  // "" unless the chart is split
};

// Lines whose peaks differ by more than this factor, in the same units, go on two axes.
constexpr double kAxisSplitRatio = 30;

// Lines grouped by units in order of first appearance: the first group on the left, the second on the right;
// a single group whose peaks differ by more than kAxisSplitRatio splits at the widest gap between peaks (the
// larger on the left); three or more groups are one pane each.
ChartPlan planChart(const std::vector<ChartLine>& lines);

// The y range an axis shows for values from `lo` to `hi`: zero included when it costs little (honest
// proportions), a little room above and below, a flat line given a visible range.
struct AxisRange {
    double lo = 0, hi = 1;
};
AxisRange axisRange(double lo, double hi);

// The labels of an axis's ticks (evenly spaced, as niceTicks gives them), all with one suffix and as many
// decimals as the step needs, so no two read alike: money (units worth pounds, app::moneyScale) as
// "£0.75m" ... "£1.10m", other numbers as "7,200" or "1.25k" ... "2.50k".
std::vector<std::string> axisTickLabels(const std::vector<double>& ticks, const std::string& units);

// How an axis reads its units: "£ a week" for GBP/week, "people" for people, "" for dimensionless units.
std::string axisUnitsLabel(const std::string& units);

}  // namespace sdw::app
