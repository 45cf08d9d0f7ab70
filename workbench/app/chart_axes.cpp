// Which y axis each line of a chart is read against. Layer: workbench/app. No ImGui, GLFW, GL or Lua.
#include "workbench/app/chart_axes.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "workbench/app/quantity.hpp"

namespace sdw::app {
namespace {

// Units as one group: spaces and case do not make another unit ("GBP/week" and "gbp / week" are one).
std::string unitKey(const std::string& units) {
    std::string key;
    for (char c : units)
        if (c != ' ') key += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return key;
}

// One group of lines in the same units: left the larger, right (when its peaks differ by more than
// kAxisSplitRatio) the smaller, split at the widest gap between peaks.
ChartPane splitByMagnitude(const std::vector<ChartLine>& lines, const std::vector<size_t>& group) {
    ChartPane pane;
    pane.leftUnits = lines[group.front()].units;
    std::vector<size_t> byPeak = group;
    std::stable_sort(byPeak.begin(), byPeak.end(),
                     [&](size_t a, size_t b) { return lines[a].peak > lines[b].peak; });
    double widest = 0;
    size_t cut = byPeak.size();
    for (size_t k = 1; k < byPeak.size(); ++k) {
        const double big = lines[byPeak[k - 1]].peak, small = lines[byPeak[k]].peak;
        if (!(small > 0)) continue;  // a line of zeros reads on any axis
        if (big / small > widest) widest = big / small, cut = k;
    }
    for (size_t i : group) {
        const bool small = widest > kAxisSplitRatio && std::find(byPeak.begin() + static_cast<long>(cut),
                                                                 byPeak.end(), i) != byPeak.end();
        (small ? pane.right : pane.left).push_back(i);
    }
    if (!pane.right.empty()) pane.rightUnits = pane.leftUnits;
    return pane;
}

}  // namespace

ChartLine chartLine(const std::string& units, const std::vector<double>& values) {
    ChartLine line;
    line.units = units;
    for (double v : values)
        if (std::isfinite(v)) line.peak = std::max(line.peak, std::abs(v));
    return line;
}

ChartPlan planChart(const std::vector<ChartLine>& lines) {
    ChartPlan plan;
    std::vector<std::string> keys;
    std::vector<std::vector<size_t>> groups;
    for (size_t i = 0; i < lines.size(); ++i) {
        const std::string key = unitKey(lines[i].units);
        const auto it = std::find(keys.begin(), keys.end(), key);
        if (it == keys.end()) {
            keys.push_back(key);
            groups.push_back({i});
        } else {
            groups[static_cast<size_t>(it - keys.begin())].push_back(i);
        }
    }
    if (groups.empty()) {
        plan.panes.emplace_back();
    } else if (groups.size() == 1) {
        plan.panes.push_back(splitByMagnitude(lines, groups[0]));
    } else if (groups.size() == 2) {
        ChartPane pane;
        pane.leftUnits = lines[groups[0].front()].units;
        pane.rightUnits = lines[groups[1].front()].units;
        pane.left = groups[0];
        pane.right = groups[1];
        plan.panes.push_back(pane);
    } else {
        for (const auto& g : groups) plan.panes.push_back(splitByMagnitude(lines, g));
        plan.note = std::to_string(groups.size()) + " different units: one chart for each";
    }
    return plan;
}

AxisRange axisRange(double lo, double hi) {
    AxisRange r;
    if (!std::isfinite(lo) || !std::isfinite(hi) || lo > hi) return r;  // nothing to show: 0 to 1
    r.lo = lo, r.hi = hi;
    if (r.lo > 0 && r.lo < 0.35 * r.hi) r.lo = 0;  // include zero when it costs little: honest proportions
    if (r.hi < 0 && r.hi > 0.35 * r.lo) r.hi = 0;
    if (r.hi == r.lo) {
        const double d = r.lo == 0 ? 1 : std::abs(r.lo) * 0.1;
        r.hi += d;
        if (r.lo != 0) r.lo -= d;
    }
    const double pad = (r.hi - r.lo) * 0.06;
    if (r.hi != 0) r.hi += pad;
    if (r.lo != 0) r.lo -= pad;
    return r;
}

std::vector<std::string> axisTickLabels(const std::vector<double>& ticks, const std::string& units) {
    std::vector<std::string> out;
    if (ticks.empty()) return out;
    const double pounds = moneyScale(units), unit = pounds > 0 ? pounds : 1;
    double top = 0;
    for (double v : ticks) top = std::max(top, std::abs(v * unit));
    const double step = ticks.size() > 1 ? std::abs(ticks[1] - ticks[0]) * unit : top;
    struct Suffix {
        double scale;
        const char *money, *plain;
    };
    static const Suffix kSuffixes[] = {{1e9, "bn", "B"}, {1e6, "m", "M"}, {1e4, "k", "k"}, {1, "", ""}};
    const Suffix* sx = &kSuffixes[3];
    for (const auto& k : kSuffixes)
        if (top >= k.scale) {
            sx = &k;
            break;
        }
    const double scale = sx->scale == 1e4 ? 1e3 : sx->scale;
    int decimals = 0;  // the fewest that write the step exactly (0.25 needs two)
    while (decimals < 6 && step > 0) {
        const double q = step / scale * std::pow(10.0, decimals);
        if (std::abs(q - std::round(q)) < 1e-6 * std::max(1.0, q)) break;
        ++decimals;
    }
    for (double v : ticks) {
        const double x = v * unit / scale;
        char buf[64];
        std::snprintf(buf, sizeof buf, "%.*f", decimals, std::abs(x));
        std::string digits = buf;
        if (scale == 1 && decimals == 0 && std::abs(x) >= 1000)  // 7,200: thousands grouped
            for (int i = static_cast<int>(digits.size()) - 3; i > 0; i -= 3)
                digits.insert(static_cast<size_t>(i), ",");
        const bool zero = digits.find_first_not_of("0.,") == std::string::npos;
        if (zero) digits = "0";
        out.push_back((x < 0 && !zero ? "-" : "") + std::string(pounds > 0 ? "\xc2\xa3" : "") + digits +
                      (zero         ? ""
                       : pounds > 0 ? sx->money
                                    : sx->plain));
    }
    return out;
}

std::string axisUnitsLabel(const std::string& units) {
    const std::string key = unitKey(units);
    if (key.empty() || key == "1" || key == "dmnl" || key == "dimensionless" || key == "unitless") return "";
    if (isMoney(units)) {  // "£0 a week" -> "£ a week": the ticks already read in pounds
        const std::string zero = withUnits(0, units);
        const std::string pounds = money(0);
        return "\xc2\xa3" + (zero.rfind(pounds, 0) == 0 ? zero.substr(pounds.size()) : "");
    }
    return units;
}

}  // namespace sdw::app
