// The charts tab, and the charts presentation mode draws. Layer: workbench/ui/panels (ImGui). No Lua.
#include "workbench/ui/panels/charts_panel.hpp"

#include <algorithm>

#include "workbench/app/chart_axes.hpp"
#include "workbench/app/comparison.hpp"
#include "workbench/app/format.hpp"
#include "workbench/ui/panels/uncertainty_panel.hpp"
#include "workbench/ui/theme.hpp"
#include "workbench/ui/workbench.hpp"

namespace sdw::ui {

using model::canonicalName;

namespace {

// A chart's plan: each variable's units and its peak in the current run (app::planChart).
app::ChartPlan planFor(const app::Session& s, const app::Chart& c) {
    std::vector<app::ChartLine> lines;
    const auto result = s.result();
    for (const auto& n : c.vars) {
        const auto* v = s.doc().find(n);
        lines.push_back(
            app::chartLine(v ? v->units : "", result ? result->series(n) : std::vector<double>{}));
    }
    return app::planChart(lines);
}

// The series of one pane: those of its variables, each on its axis.
std::vector<widgets::Series> paneSeries(const std::vector<widgets::Series>& all, const app::Chart& c,
                                        const app::ChartPane& pane) {
    std::vector<widgets::Series> out;
    const auto on = [&](const std::vector<size_t>& idx, const std::string& var) {
        return std::any_of(idx.begin(), idx.end(), [&](size_t k) { return c.vars[k] == var; });
    };
    for (const auto& line : all) {
        const bool left = on(pane.left, line.var), right = on(pane.right, line.var);
        if (!left && !right) continue;
        out.push_back(line);
        out.back().axis = right && !left ? 1 : 0;
    }
    return out;
}

}  // namespace

void ChartsPanel::variablePicker(Workbench& wb, size_t chart) {
    auto& s = wb.session();
    auto& c = s.charts()[chart];
    ImGui::PushID(static_cast<int>(chart));
    if (ImGui::SmallButton("+ variable")) ImGui::OpenPopup("pick");
    ImGui::SameLine();
    if (ImGui::SmallButton("clear")) c.vars.clear();
    ImGui::SameLine();
    ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(2, 0));
    ImGui::Checkbox("present", &c.present);
    ImGui::PopStyleVar();
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Show this chart in presentation mode (F5)");
    if (ImGui::BeginPopup("pick")) {
        ImGui::InputTextWithHint("##f", "filter", m_filter, sizeof m_filter);
        ImGui::BeginChild("##list", ImVec2(ImGui::GetFontSize() * 18, ImGui::GetFontSize() * 16));
        if (s.compiled())
            for (const auto& col : s.compiled()->columns) {
                if (col.name == "Time" ||
                    (*m_filter && col.canonical.find(canonicalName(m_filter)) == std::string::npos))
                    continue;
                if (ImGui::Selectable(app::displayName(col.name).c_str())) {
                    s.addToChart(col.name, chart);
                    ImGui::CloseCurrentPopup();
                }
            }
        ImGui::EndChild();
        ImGui::EndPopup();
    }
    ImGui::PopID();
}

std::vector<widgets::Series> chartSeries(const app::Session& s, const app::Chart& c,
                                         std::vector<std::vector<double>>& keptTimes, double revealTo) {
    std::vector<widgets::Series> out;
    const auto result = s.result();
    if (!result) return out;
    for (size_t i = 0; i < c.vars.size(); ++i) {
        widgets::Series line;
        line.label = app::displayName(c.vars[i]);
        if (auto from = s.nonFiniteFrom(c.vars[i]))  // the line breaks there: say why in the legend
            line.label += " (no value from " + app::describeTime(s.doc().project().specs, *from) + ")";
        line.var = c.vars[i];
        line.t = &s.timeColumn();
        line.y = result->series(c.vars[i]);
        line.color = theme::seriesColor(static_cast<int>(i));
        line.revealTo = revealTo;
        out.push_back(std::move(line));
    }
    keptTimes.assign(s.kept().size(), {});
    for (size_t k = 0; k < s.kept().size(); ++k) {
        const auto& kept = s.kept()[k];
        if (!kept.result || kept.result == result) continue;
        keptTimes[k] = kept.result->series("Time");
        for (size_t i = 0; i < c.vars.size(); ++i) {
            widgets::Series line;
            line.label = app::displayName(c.vars[i]) + " (" + kept.name + ")";
            line.run = kept.name;
            line.var = c.vars[i];
            line.t = &keptTimes[k];
            line.y = kept.result->series(c.vars[i]);
            line.color =
                (theme::seriesColor(static_cast<int>(i)) & 0x00FFFFFF) | (k == 0 ? 0xA0000000 : 0x78000000);
            line.dashed = true;
            line.dash = k == 0 ? 3 : 1;
            out.push_back(std::move(line));
        }
    }
    return out;
}

std::vector<size_t> chartsShown(const app::Session& s, bool presenting) {
    std::vector<size_t> out;
    const auto& charts = s.charts();
    for (size_t i = 0; i < charts.size(); ++i)
        if (!charts[i].vars.empty() && (!presenting || charts[i].present)) out.push_back(i);
    if (out.empty() && !presenting && !charts.empty()) out.push_back(0);
    return out;
}

const std::vector<std::pair<std::string, double>>& ChartsPanel::drawnUntil(size_t chart) const {
    static const std::vector<std::pair<std::string, double>> none;
    const auto it = m_drawn.find(chart);
    return it == m_drawn.end() ? none : it->second;
}

void ChartsPanel::draw(Workbench& wb) {
    drawCharts(wb, ImGui::GetContentRegionAvail(), false);
}

void ChartsPanel::drawCharts(Workbench& wb, ImVec2 avail, bool presenting, bool stacked) {
    auto& s = wb.session();
    const auto shown = chartsShown(s, presenting);
    if (shown.empty()) {
        ImGui::TextDisabled(
            "No chart is chosen for presenting: tick \"present\" under a chart in the Charts tab.");
        return;
    }
    if (m_views.size() < s.charts().size()) m_views.resize(s.charts().size());
    // Side by side, or stacked (presenting beside the diagram), each at the column's full width.
    const size_t n = shown.size();
    const float across = stacked ? 1.0f : static_cast<float>(n),
                down = stacked ? static_cast<float>(n) : 1.0f;
    const ImVec2 gap = ImGui::GetStyle().ItemSpacing;
    const float w = (avail.x - gap.x * (across - 1)) / across;
    const float h =
        (avail.y - gap.y * (down - 1)) / down - (presenting ? 0 : ImGui::GetFrameHeightWithSpacing());
    ImVec2 lo(1e9f, 1e9f), hi(0, 0);
    for (size_t k = 0; k < n; ++k) {
        const size_t i = shown[k];
        if (k && !stacked) ImGui::SameLine();
        if (k && stacked) ImGui::SetCursorScreenPos(ImVec2(lo.x, hi.y + gap.y));
        ImGui::BeginGroup();
        std::vector<std::vector<double>> keptTimes;
        const double reveal = presenting ? s.playback().time : std::numeric_limits<double>::infinity();
        std::vector<app::FanBands> bandTimes;
        auto series =
            wb.panel<UncertaintyPanel>().bandSeries(s, s.charts()[i], bandTimes);  // under the lines
        for (auto& line : chartSeries(s, s.charts()[i], keptTimes, reveal)) series.push_back(std::move(line));
        for (auto& pts : wb.panel<UncertaintyPanel>().pointSeries(s.charts()[i]))
            series.push_back(std::move(pts));
        const ImVec2 p = ImGui::GetCursorScreenPos();
        // One pane, with a right axis for a second unit; three units or more, one pane each, stacked.
        const auto plan = planFor(s, s.charts()[i]);
        // As many panes as fit at a readable height; more were drawn too small to show anything.
        const float gap = ImGui::GetStyle().ItemSpacing.y;
        const float minPaneH = ImGui::GetFontSize() * (presenting ? 12.0f : 8.0f);
        const size_t fit = std::max<size_t>(1, static_cast<size_t>((h + gap) / (minPaneH + gap)));
        const size_t shown = std::min(plan.panes.size(), fit);
        const float paneH = (h - gap * static_cast<float>(shown - 1)) / static_cast<float>(shown);
        auto& record = m_drawn[i];
        record.clear();
        for (size_t pk = 0; pk < shown; ++pk) {
            const auto& pane = plan.panes[pk];
            std::string title = "Chart " + std::to_string(i + 1);
            if (plan.panes.size() > 1) {
                const std::string u = app::axisUnitsLabel(pane.leftUnits);
                title += (pk == 0 ? " (" + plan.note + ")" : "") + ": " + (u.empty() ? "no units" : u);
            }
            if (pk + 1 == shown && shown < plan.panes.size())
                title += "  (+" + std::to_string(plan.panes.size() - shown) + " more units not shown)";
            const auto lines = paneSeries(series, s.charts()[i], pane);
            const auto drawn = widgets::timePlot(
                ("##chart" + std::to_string(i) + "_" + std::to_string(pk)).c_str(), title, lines, m_views[i],
                ImVec2(w, paneH), s.doc().project().specs, pane.leftUnits, s.playback().time,
                presenting ? 1.5f : 1.0f, pane.rightUnits);
            for (size_t j = 0; j < lines.size(); ++j) record.emplace_back(lines[j].label, drawn[j]);
        }
        lo = ImVec2(std::min(lo.x, p.x), std::min(lo.y, p.y));
        hi = ImVec2(std::max(hi.x, p.x + w), std::max(hi.y, p.y + h));
        if (!presenting) variablePicker(wb, i);
        ImGui::EndGroup();
    }
    wb.setChartRect(lo, hi);
}

}  // namespace sdw::ui
