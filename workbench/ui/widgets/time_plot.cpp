// The time-series chart. Layer: workbench/ui/widgets (ImGui). No Lua.
#include "workbench/ui/widgets/time_plot.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>

#include "workbench/app/calendar.hpp"
#include "workbench/app/chart_axes.hpp"
#include "workbench/app/comparison.hpp"
#include "workbench/app/format.hpp"
#include "workbench/app/quantity.hpp"
#include "workbench/ui/theme.hpp"
#include "workbench/ui/widgets/legend_layout.hpp"

namespace sdw::ui::widgets {

std::vector<double> niceTicks(double lo, double hi, int target) {
    std::vector<double> ticks;
    if (!(hi > lo) || !std::isfinite(lo) || !std::isfinite(hi) || target < 1) return ticks;
    const double raw = (hi - lo) / target;
    const double mag = std::pow(10.0, std::floor(std::log10(raw)));
    const double norm = raw / mag;
    const double step = (norm < 1.5 ? 1 : norm < 3 ? 2 : norm < 7 ? 5 : 10) * mag;
    for (double v = std::ceil(lo / step - 1e-9) * step; v <= hi + step * 1e-9; v += step)
        ticks.push_back(std::abs(v) < step * 1e-9 ? 0.0 : v);
    return ticks;
}

namespace {

struct Frame {
    ImVec2 lo, hi;  // plot area in pixels
    double t0, t1, y0, y1;
    ImVec2 map(double t, double y) const {
        const float x = lo.x + static_cast<float>((t - t0) / (t1 - t0)) * (hi.x - lo.x);
        const float py = hi.y - static_cast<float>((y - y0) / (y1 - y0)) * (hi.y - lo.y);
        return ImVec2(x, py);
    }
};

// The range of the values read against `axis` in the time window (app::axisRange).
void yRange(const std::vector<Series>& series, double t0, double t1, int axis, double& y0, double& y1) {
    double lo = std::numeric_limits<double>::infinity(), hi = -lo;
    auto take = [&](const std::vector<double>& t, const std::vector<double>& y) {
        for (size_t i = 0; i < y.size() && i < t.size(); ++i)
            if (t[i] >= t0 && t[i] <= t1 && std::isfinite(y[i])) {
                lo = std::min(lo, y[i]);
                hi = std::max(hi, y[i]);
            }
    };
    for (const auto& s : series)
        if (s.t && s.axis == axis) {
            take(*s.t, s.y);
            take(*s.t, s.lo);
        }
    const app::AxisRange r = app::axisRange(lo, hi);
    y0 = r.lo;
    y1 = r.hi;
}

// The visible index range of a time column, and a stride of about two points per pixel column (at most
// about 1,000 points a series).
struct Visible {
    size_t first = 0, last = 0, stride = 1;
};

Visible visible(const Frame& f, const std::vector<double>& t, size_t n) {
    Visible v;
    v.last = n;
    while (v.first < n && t[v.first] < f.t0) ++v.first;
    if (v.first > 0) --v.first;
    while (v.last > v.first + 1 && t[v.last - 1] > f.t1) --v.last;
    if (v.last < n) ++v.last;
    const double pxWidth = f.hi.x - f.lo.x;
    v.stride = std::max<size_t>(
        1, static_cast<size_t>((v.last - v.first) / std::max(1.0, std::min(pxWidth * 2, 1000.0))));
    return v;
}

// A band: quads between lo and y from one kept point to the next; a gap (no value) breaks it.
void drawBand(ImDrawList* dl, const Frame& f, const Series& s) {
    const auto& t = *s.t;
    const size_t n = std::min({t.size(), s.y.size(), s.lo.size()});
    const Visible v = visible(f, t, n);
    size_t prev = n;
    for (size_t i = v.first; i < v.last; i += v.stride) {
        if (!std::isfinite(s.y[i]) || !std::isfinite(s.lo[i])) {
            prev = n;
            continue;
        }
        if (prev < n)
            dl->AddQuadFilled(f.map(t[prev], s.y[prev]), f.map(t[i], s.y[i]), f.map(t[i], s.lo[i]),
                              f.map(t[prev], s.lo[prev]), s.color);
        prev = i;
    }
}

void drawPoints(ImDrawList* dl, const Frame& f, const Series& s, float scale) {
    const auto& t = *s.t;
    for (size_t i = 0; i < t.size() && i < s.y.size(); ++i)
        if (std::isfinite(s.y[i]) && t[i] >= f.t0 && t[i] <= f.t1) {
            const ImVec2 p = f.map(t[i], s.y[i]);
            dl->AddCircleFilled(p, 3.6f * scale, IM_COL32(255, 255, 255, 255), 10);
            dl->AddCircle(p, 3.6f * scale, s.color, 10, 2.0f * scale);
        }
}

}  // namespace

std::vector<size_t> pointsToDraw(const Series& s, double t0, double t1, double pxWidth) {
    std::vector<size_t> out;
    if (!s.t) return out;
    const auto& t = *s.t;
    size_t n = std::min(t.size(), s.y.size());
    while (n > 0 && t[n - 1] > s.revealTo) --n;  // not yet revealed
    // Decimate to about two points per pixel column, and at most about 1,000 points a series: a wide chart of
    // a long weekly run (four series of 2,000 points each, on a 4,800-pixel screen) stays well under a draw
    // list's 16-bit vertex limit.
    size_t first = 0, last = n;
    while (first < n && t[first] < t0) ++first;
    if (first > 0) --first;
    while (last > first + 1 && t[last - 1] > t1) --last;
    if (last < n) ++last;
    const size_t count = last - first;
    const size_t stride =
        std::max<size_t>(1, static_cast<size_t>(count / std::max(1.0, std::min(pxWidth * 2, 1000.0))));
    for (size_t i = first; i < last; i += stride) out.push_back(i);
    if (!out.empty() && out.back() != last - 1) out.push_back(last - 1);  // the line reaches its end
    return out;
}

namespace {

// Draws the series; returns the time of its last point drawn (NaN for none).
double drawSeries(ImDrawList* dl, const Frame& f, const Series& s, float thick) {
    const auto& t = *s.t;
    ImVec2 prev;
    bool havePrev = false;
    int seg = 0;
    double lastDrawn = std::numeric_limits<double>::quiet_NaN();
    for (size_t i : pointsToDraw(s, f.t0, f.t1, f.hi.x - f.lo.x)) {
        lastDrawn = t[i];
        if (!std::isfinite(s.y[i])) {
            havePrev = false;
            continue;
        }
        ImVec2 p = f.map(t[i], s.y[i]);
        if (havePrev && (!s.dashed || (seg++ / std::max(1, s.dash)) % 2 == 0))
            dl->AddLine(prev, p, s.color, thick);
        prev = p;
        havePrev = true;
    }
    return lastDrawn;
}

// Time ticks: years or months when the model has a calendar start, else model time.
std::vector<std::pair<double, std::string>> timeTicks(const Frame& f, const model::SimSpecs& time,
                                                      int target) {
    if (const auto cal = app::Calendar::of(time)) return cal->ticks(f.t0, f.t1, target);
    std::vector<std::pair<double, std::string>> out;
    for (double v : niceTicks(f.t0, f.t1, target)) out.emplace_back(v, app::tickLabel(v));
    return out;
}

void drawAxes(ImDrawList* dl, const Frame& f, const model::SimSpecs& time, const std::string& yUnits) {
    const auto& pal = theme::palette();
    const ImU32 gridCol = IM_COL32(228, 228, 222, 255);
    const float fs = ImGui::GetFontSize();
    const auto ys = niceTicks(f.y0, f.y1, std::max(2, static_cast<int>((f.hi.y - f.lo.y) / (fs * 2.5f))));
    const auto labels = app::axisTickLabels(ys, yUnits);
    for (size_t k = 0; k < ys.size(); ++k) {
        const float y = f.map(f.t0, ys[k]).y;
        dl->AddLine(ImVec2(f.lo.x, y), ImVec2(f.hi.x, y), gridCol);
        const std::string& s = labels[k];
        const ImVec2 ts = ImGui::CalcTextSize(s.c_str());
        dl->AddText(ImVec2(f.lo.x - ts.x - 6, y - ts.y / 2), pal.textMuted, s.c_str());
    }
    for (const auto& [v, s] :
         timeTicks(f, time, std::max(2, static_cast<int>((f.hi.x - f.lo.x) / (fs * 5))))) {
        const float x = f.map(v, f.y0).x;
        dl->AddLine(ImVec2(x, f.lo.y), ImVec2(x, f.hi.y), gridCol);
        const ImVec2 ts = ImGui::CalcTextSize(s.c_str());
        // the last label ends inside the chart's box (centred on the axis's end it stood out of it)
        const float left = std::min(x - ts.x / 2, f.hi.x + fs * 0.7f - ts.x);
        dl->AddText(ImVec2(left, f.hi.y + 4), pal.textMuted, s.c_str());
    }
    dl->AddRect(f.lo, f.hi, IM_COL32(200, 200, 194, 255));
    if (!time.timeUnits.empty() && time.calendarStart.empty()) {
        const std::string t = "Time (" + time.timeUnits + ")";
        const ImVec2 ts = ImGui::CalcTextSize(t.c_str());
        dl->AddText(ImVec2(f.hi.x - ts.x, f.hi.y + 4 + fs * 1.2f), pal.textMuted, t.c_str());
    }
    const std::string label = app::axisUnitsLabel(yUnits);
    if (!label.empty()) dl->AddText(ImVec2(f.lo.x + 4, f.lo.y + 2), pal.textMuted, label.c_str());
}

// The right axis: its numbers outside the plot's right edge (no grid: the left axis's grid is the chart's),
// its units at the top right, inside.
void drawRightAxis(ImDrawList* dl, const Frame& f, const std::string& units) {
    const auto& pal = theme::palette();
    const float fs = ImGui::GetFontSize();
    const auto ys = niceTicks(f.y0, f.y1, std::max(2, static_cast<int>((f.hi.y - f.lo.y) / (fs * 2.5f))));
    const auto labels = app::axisTickLabels(ys, units);
    for (size_t k = 0; k < ys.size(); ++k) {
        const float y = f.map(f.t0, ys[k]).y;
        // no tick mark: beside the number it read as a minus sign ("-180k")
        dl->AddText(ImVec2(f.hi.x + 6, y - fs / 2), pal.textMuted, labels[k].c_str());
    }
    const std::string label = app::axisUnitsLabel(units) + " (right)";
    const ImVec2 ts = ImGui::CalcTextSize(label.c_str());
    dl->AddText(ImVec2(f.hi.x - ts.x - 4, f.lo.y + 2), pal.textMuted, label.c_str());
}

// Legend entries flow left to right and wrap; returns the number of rows used (measure with dl == nullptr).
constexpr int kMaxLegendRows = 4;  // more would squeeze the plot; the rest is counted in a "+N more" note

int drawLegend(ImDrawList* dl, const std::vector<Series>& series, ImVec2 origin, float width) {
    const float fs = ImGui::GetFontSize();
    // Each overlaid run has one entry ("- - Baseline", ". . Run 2"): the colours already say which variable.
    std::vector<Series> entries;
    for (const auto& s : series) {
        if (!s.lo.empty()) {  // bands: one entry per label ("5-95%"), in grey: the colours say the variable
            if (std::none_of(entries.begin(), entries.end(),
                             [&](const Series& e) { return e.label == s.label; })) {
                Series o = s;
                o.color = (IM_COL32(110, 110, 110, 255) & 0x00FFFFFF) | (s.color & 0xFF000000);
                entries.push_back(o);
            }
            continue;
        }
        if (!s.dashed) {
            entries.push_back(s);
            if (s.axis == 1 && !s.points) entries.back().label += " (right)";
            continue;
        }
        if (std::any_of(entries.begin(), entries.end(),
                        [&](const Series& e) { return e.dashed && e.label == s.run; }))
            continue;
        Series o;
        o.label = s.run;
        o.dashed = true;
        o.dash = s.dash;
        o.color = IM_COL32(110, 110, 110, 255);
        entries.push_back(o);
    }
    std::vector<float> widths;
    for (const auto& s : entries) widths.push_back(ImGui::CalcTextSize(s.label.c_str()).x + fs * 2.6f);
    auto note = [](int hidden) {
        return "+" + std::to_string(hidden) + " more: hover the chart for every value";
    };
    const LegendLayout layout =
        layoutLegend(widths, width, ImGui::CalcTextSize(note(99).c_str()).x + fs, kMaxLegendRows);
    if (dl && layout.hidden > 0)
        dl->AddText(
            ImVec2(origin.x + layout.moreX, origin.y + fs * 1.25f * static_cast<float>(layout.moreRow)),
            theme::palette().textMuted, note(layout.hidden).c_str());
    for (size_t k = 0; k < layout.row.size(); ++k) {
        const Series& s = entries[k];
        const float x = origin.x + layout.x[k];
        const float y = origin.y + fs * 1.25f * static_cast<float>(layout.row[k]);
        if (dl) {
            const float ly = y + fs * 0.55f;
            if (!s.lo.empty()) {
                dl->AddRectFilled(ImVec2(x, ly - fs * 0.35f), ImVec2(x + fs * 1.2f, ly + fs * 0.35f),
                                  s.color);
            } else if (s.points) {
                dl->AddCircle(ImVec2(x + fs * 0.6f, ly), fs * 0.25f, s.color, 10, 2);
            } else if (s.dashed && s.dash <= 1) {
                for (int d = 0; d < 4; ++d)
                    dl->AddCircleFilled(ImVec2(x + fs * (0.1f + 0.33f * d), ly), 1.4f, s.color);
            } else if (s.dashed) {
                dl->AddLine(ImVec2(x, ly), ImVec2(x + fs * 0.45f, ly), s.color, 2);
                dl->AddLine(ImVec2(x + fs * 0.8f, ly), ImVec2(x + fs * 1.2f, ly), s.color, 2);
            } else {
                dl->AddLine(ImVec2(x, ly), ImVec2(x + fs * 1.2f, ly), s.color, 2.5f);
            }
            dl->AddText(ImVec2(x + fs * 1.5f, y), theme::palette().text, s.label.c_str());
        }
    }
    return layout.rows;
}

void hoverReadout(ImDrawList* dl, const Frame (&frames)[2], const std::vector<Series>& series,
                  const model::SimSpecs& time, const std::string (&units)[2]) {
    const Frame& f = frames[0];
    const ImVec2 m = ImGui::GetIO().MousePos;
    if (m.x < f.lo.x || m.x > f.hi.x || m.y < f.lo.y || m.y > f.hi.y || series.empty()) return;
    const double t = f.t0 + (m.x - f.lo.x) / (f.hi.x - f.lo.x) * (f.t1 - f.t0);
    dl->AddLine(ImVec2(m.x, f.lo.y), ImVec2(m.x, f.hi.y), IM_COL32(120, 120, 120, 160));
    ImGui::BeginTooltip();
    ImGui::TextUnformatted(app::describeTime(time, t).c_str());
    for (const auto& s : series) {
        const auto& ts = *s.t;
        auto it = std::lower_bound(ts.begin(), ts.end(), t);
        if (it == ts.end()) --it;
        if (it != ts.begin() && std::abs(*(it - 1) - t) < std::abs(*it - t)) --it;
        const size_t i = static_cast<size_t>(it - ts.begin());
        if (i >= s.y.size() || (s.points && std::abs(ts[i] - t) > (f.t1 - f.t0) / 50)) continue;
        const std::string& yUnits = units[s.axis == 1 ? 1 : 0];
        if (!s.lo.empty()) {  // a band: its range
            if (i >= s.lo.size()) continue;
            ImGui::Text(
                "  %s %s: %s to %s", s.run.c_str(), s.label.c_str(), app::readableNumber(s.lo[i]).c_str(),
                (yUnits.empty() ? app::readableNumber(s.y[i]) : app::withUnits(s.y[i], yUnits)).c_str());
            continue;
        }
        dl->AddCircleFilled(frames[s.axis == 1 ? 1 : 0].map(ts[i], s.y[i]), 3.5f, s.color);
        ImGui::ColorButton(("##c" + s.label).c_str(), ImGui::ColorConvertU32ToFloat4(s.color),
                           ImGuiColorEditFlags_NoTooltip, ImVec2(10, 10));
        ImGui::SameLine();
        ImGui::Text("%s: %s", s.label.c_str(),
                    (yUnits.empty() ? app::readableNumber(s.y[i]) : app::withUnits(s.y[i], yUnits)).c_str());
    }
    ImGui::EndTooltip();
}

}  // namespace

std::vector<double> timePlot(const char* id, const std::string& title, const std::vector<Series>& series,
                             PlotView& view, ImVec2 size, const model::SimSpecs& time,
                             const std::string& yUnits, double markerTime, float fontScale,
                             const std::string& rightUnits) {
    std::vector<double> drawn(series.size(), std::numeric_limits<double>::quiet_NaN());
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 p0 = ImGui::GetCursorScreenPos();
    ImGui::InvisibleButton(id, size);
    const bool hovered = ImGui::IsItemHovered();
    const float fs = ImGui::GetFontSize();
    dl->AddRectFilled(p0, ImVec2(p0.x + size.x, p0.y + size.y), IM_COL32(255, 255, 255, 255), 6);
    dl->AddRect(p0, ImVec2(p0.x + size.x, p0.y + size.y), IM_COL32(222, 222, 216, 255), 6);
    double tmin = 0, tmax = 1;
    if (!series.empty() && series[0].t && !series[0].t->empty())
        tmin = series[0].t->front(), tmax = series[0].t->back();
    const bool twoAxes =
        std::any_of(series.begin(), series.end(), [](const Series& s) { return s.axis == 1; });
    const float legendW = size.x - fs * 1.6f;
    const int legendRows = drawLegend(nullptr, series, ImVec2(0, 0), legendW);
    Frame frames[2];
    Frame& f = frames[0];
    f.lo = ImVec2(p0.x + fs * 4.2f, p0.y + fs * (1.9f + 1.25f * static_cast<float>(legendRows)));
    f.hi = ImVec2(p0.x + size.x - fs * (twoAxes ? 4.2f : 1.0f), p0.y + size.y - fs * 2.8f);
    if (f.hi.x - f.lo.x < 40 || f.hi.y - f.lo.y < 30) return drawn;
    const bool zoomed = view.t1 > view.t0;  // otherwise: the whole run
    f.t0 = zoomed ? view.t0 : tmin;
    f.t1 = zoomed ? view.t1 : (tmax > tmin ? tmax : tmin + 1);
    frames[1] = f;
    const std::string units[2] = {yUnits, rightUnits};
    for (int a = 0; a < 2; ++a) {
        Frame& fa = frames[a];
        yRange(series, fa.t0, fa.t1, a, fa.y0, fa.y1);
        // keep a band at the top for the units label, so no line runs through it
        if (!app::axisUnitsLabel(units[a]).empty() || (a == 1 && twoAxes)) {
            const double px = fa.hi.y - fa.lo.y, band = fs * 1.5;
            if (px > band * 3) fa.y1 += (fa.y1 - fa.y0) * band / (px - band);
        }
    }
    dl->AddText(theme::fonts().bold, fs, ImVec2(p0.x + fs * 0.8f, p0.y + fs * 0.35f), theme::palette().text,
                title.c_str());
    dl->PushClipRect(p0, ImVec2(p0.x + size.x, f.lo.y - 2), true);
    drawLegend(dl, series, ImVec2(p0.x + fs * 0.8f, p0.y + fs * 1.55f), legendW);
    dl->PopClipRect();
    drawAxes(dl, f, time, yUnits);
    if (twoAxes) drawRightAxis(dl, frames[1], rightUnits);
    dl->PushClipRect(f.lo, f.hi, true);
    // Bands under the lines, observed points over them. A band's quads are filled without anti-aliasing:
    // their feathered edges would overlap and stripe the band.
    const auto frameOf = [&](const Series& s) -> const Frame& { return frames[s.axis == 1 ? 1 : 0]; };
    const ImDrawListFlags flags = dl->Flags;
    dl->Flags &= ~ImDrawListFlags_AntiAliasedFill;
    for (const auto& s : series)
        if (s.t && !s.lo.empty()) drawBand(dl, frameOf(s), s);
    dl->Flags = flags;
    for (size_t i = 0; i < series.size(); ++i)
        if (series[i].t && series[i].lo.empty() && !series[i].points)
            drawn[i] =
                drawSeries(dl, frameOf(series[i]), series[i], (series[i].dashed ? 1.6f : 2.2f) * fontScale);
    for (const auto& s : series)
        if (s.t && s.points) drawPoints(dl, frameOf(s), s, fontScale);
    if (std::isfinite(markerTime) && markerTime >= f.t0 && markerTime <= f.t1) {  // over the lines
        const float x = f.map(markerTime, f.y0).x;
        const ImU32 c = theme::palette().timeCursor;
        dl->AddLine(ImVec2(x, f.lo.y), ImVec2(x, f.hi.y), c, 2.0f * fontScale);
        const float a = fs * 0.45f;
        dl->AddTriangleFilled(ImVec2(x - a, f.lo.y), ImVec2(x + a, f.lo.y), ImVec2(x, f.lo.y + a * 1.2f), c);
    }
    dl->PopClipRect();
    if (hovered) {
        hoverReadout(dl, frames, series, time, units);
        const float wheel = ImGui::GetIO().MouseWheel;
        if (wheel != 0) {  // zoom the time axis around the mouse
            const double mt = f.t0 + (ImGui::GetIO().MousePos.x - f.lo.x) / (f.hi.x - f.lo.x) * (f.t1 - f.t0);
            const double k = wheel > 0 ? 0.8 : 1.25;
            view.t0 = std::max(tmin, mt - (mt - f.t0) * k);
            view.t1 = std::min(tmax, mt + (f.t1 - mt) * k);
        }
        if (ImGui::IsMouseDoubleClicked(ImGuiMouseButton_Left)) view.t0 = view.t1 = 0;
    }
    return drawn;
}

}  // namespace sdw::ui::widgets
