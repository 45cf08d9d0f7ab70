// The bottom panel's tabs: charts (runs overlaid), the table of the same numbers, diagnostics (click selects
// the variable), and the comparison of kept runs. Layer: workbench/ui/panels (ImGui). No Lua.
#include <algorithm>
#include <cmath>
#include <cstdio>

#include "workbench/app/format.hpp"
#include "workbench/ui/theme.hpp"
#include "workbench/ui/workbench.hpp"

namespace sdw::ui {

using model::canonicalName;

namespace {

std::string commonUnits(const Workbench& wb, const std::vector<std::string>& vars) {
    std::string units;
    for (const auto& n : vars) {
        const auto* v = wb.doc.find(n);
        const std::string u = v ? v->units : "";
        if (units.empty())
            units = u;
        else if (u != units)
            return "mixed units";
    }
    return units;
}

void variablePicker(Workbench& wb, size_t chart) {
    ImGui::PushID(static_cast<int>(chart));
    if (ImGui::SmallButton("+ variable")) ImGui::OpenPopup("pick");
    ImGui::SameLine();
    if (ImGui::SmallButton("clear")) wb.charts[chart].vars.clear();
    ImGui::SameLine();
    ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(2, 0));
    ImGui::Checkbox("present", &wb.charts[chart].present);
    ImGui::PopStyleVar();
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Show this chart in presentation mode (F5)");
    if (ImGui::BeginPopup("pick")) {
        static char filter[64] = "";
        ImGui::InputTextWithHint("##f", "filter", filter, sizeof filter);
        ImGui::BeginChild("##list", ImVec2(ImGui::GetFontSize() * 18, ImGui::GetFontSize() * 16));
        if (wb.compiled)
            for (const auto& col : wb.compiled->columns) {
                if (col.name == "Time" ||
                    (*filter && col.canonical.find(canonicalName(filter)) == std::string::npos))
                    continue;
                if (ImGui::Selectable(app::displayName(col.name).c_str())) {
                    wb.addToChart(col.name, chart);
                    ImGui::CloseCurrentPopup();
                }
            }
        ImGui::EndChild();
        ImGui::EndPopup();
    }
    ImGui::PopID();
}

void tableTab(Workbench& wb) {
    if (!wb.result) return;
    std::vector<std::string> vars;
    for (const auto& c : wb.charts)
        for (const auto& v : c.vars)
            if (std::find(vars.begin(), vars.end(), v) == vars.end()) vars.push_back(v);
    std::vector<int> cols = {0};
    for (const auto& v : vars)
        if (int c = wb.result->column(v); c >= 0) cols.push_back(c);
    const ImGuiTableFlags flags = ImGuiTableFlags_ScrollY | ImGuiTableFlags_ScrollX | ImGuiTableFlags_RowBg |
                                  ImGuiTableFlags_BordersInnerV | ImGuiTableFlags_Resizable;
    if (!ImGui::BeginTable("##table", static_cast<int>(cols.size()), flags)) return;
    ImGui::TableSetupScrollFreeze(1, 1);
    for (int c : cols)
        ImGui::TableSetupColumn(app::displayName(wb.result->names[static_cast<size_t>(c)]).c_str());
    ImGui::TableHeadersRow();
    ImGuiListClipper clip;
    clip.Begin(static_cast<int>(wb.result->rows()));
    while (clip.Step())
        for (int r = clip.DisplayStart; r < clip.DisplayEnd; ++r) {
            ImGui::TableNextRow();
            for (int c : cols) {
                ImGui::TableNextColumn();
                ImGui::Text("%.6g", wb.result->at(static_cast<size_t>(r), static_cast<size_t>(c)));
            }
        }
    ImGui::EndTable();
}

void diagnosticsTab(Workbench& wb) {
    if (wb.diagnostics.empty()) {
        ImGui::TextDisabled("No problems found: the model compiles and runs cleanly.");
        return;
    }
    if (!ImGui::BeginTable("##diags", 4,
                           ImGuiTableFlags_RowBg | ImGuiTableFlags_ScrollY | ImGuiTableFlags_BordersInnerV))
        return;
    ImGui::TableSetupColumn("Code", ImGuiTableColumnFlags_WidthFixed, ImGui::GetFontSize() * 4);
    ImGui::TableSetupColumn("Severity", ImGuiTableColumnFlags_WidthFixed, ImGui::GetFontSize() * 5);
    ImGui::TableSetupColumn("Where", ImGuiTableColumnFlags_WidthFixed, ImGui::GetFontSize() * 12);
    ImGui::TableSetupColumn("Message");
    ImGui::TableHeadersRow();
    int i = 0;
    for (const auto& d : wb.diagnostics.items()) {
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::PushID(i++);
        if (ImGui::Selectable(d.code.c_str(), false, ImGuiSelectableFlags_SpanAllColumns) &&
            wb.doc.find(d.where)) {
            wb.select(wb.doc.find(d.where)->name);
            wb.requestCanvasFocus = d.where;
        }
        ImGui::PopID();
        ImGui::TableNextColumn();
        const bool err = d.severity == diag::Severity::Error;
        ImGui::TextColored(err ? ImVec4(0.78f, 0.18f, 0.18f, 1) : ImVec4(0.72f, 0.45f, 0.05f, 1), "%s",
                           diag::severityName(d.severity));
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(d.where.c_str());
        ImGui::TableNextColumn();
        ImGui::TextWrapped("%s", d.message.c_str());
    }
    ImGui::EndTable();
}

void compareTab(Workbench& wb) {
    static char runName[64] = "";
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 12);
    ImGui::InputTextWithHint("##runname", wb.kept.empty() ? "Baseline" : "name this run", runName,
                             sizeof runName);
    ImGui::SameLine();
    if (ImGui::Button("Keep current run")) {
        wb.keepRun(runName);
        runName[0] = 0;
    }
    ImGui::SameLine();
    if (ImGui::Button("Forget all")) wb.kept.clear();
    if (wb.kept.empty()) {
        ImGui::TextDisabled(
            "Keep the current run as the baseline, move sliders, then keep more runs to compare them.");
        return;
    }
    std::vector<std::string> measures;
    for (const auto& c : wb.charts)
        for (const auto& v : c.vars)
            if (std::find(measures.begin(), measures.end(), v) == measures.end()) measures.push_back(v);
    const int ncols = 2 + static_cast<int>(wb.kept.size()) * 2;
    if (!ImGui::BeginTable("##cmp", ncols,
                           ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerV | ImGuiTableFlags_ScrollX |
                               ImGuiTableFlags_ScrollY))
        return;
    ImGui::TableSetupColumn("Outcome (final value)", ImGuiTableColumnFlags_WidthFixed,
                            ImGui::GetFontSize() * 14);
    ImGui::TableSetupColumn("Current run");
    for (size_t k = 0; k < wb.kept.size(); ++k) {
        ImGui::TableSetupColumn(wb.kept[k].name.c_str());
        ImGui::TableSetupColumn(k == 0 ? "Current vs baseline" : ("vs " + wb.kept.front().name).c_str());
    }
    ImGui::TableHeadersRow();
    for (const auto& m : measures) {
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(app::displayName(m).c_str());
        const auto cur = wb.result ? wb.result->finalValue(m) : std::nullopt;
        const auto base = wb.kept.front().result->finalValue(m);
        ImGui::TableNextColumn();
        if (cur) ImGui::TextUnformatted(app::readableNumber(*cur).c_str());
        for (size_t k = 0; k < wb.kept.size(); ++k) {
            const auto val = wb.kept[k].result->finalValue(m);
            ImGui::TableNextColumn();
            if (val) ImGui::TextUnformatted(app::readableNumber(*val).c_str());
            ImGui::TableNextColumn();
            const auto other = k == 0 ? cur : val;
            if (other && base) {
                const double diff = *other - *base;
                const double pct = *base != 0 ? diff / std::abs(*base) * 100 : 0;
                ImGui::TextColored(diff == 0 ? ImVec4(0.5f, 0.5f, 0.5f, 1) : ImVec4(0.2f, 0.35f, 0.65f, 1),
                                   "%s (%+.1f%%)", app::readableNumber(diff, true).c_str(), pct);
            }
        }
    }
    ImGui::EndTable();
}

}  // namespace

std::vector<widgets::Series> chartSeries(const Workbench& wb, const ChartSpec& c,
                                         std::vector<std::vector<double>>& keptTimes) {
    std::vector<widgets::Series> out;
    if (!wb.result) return out;
    for (size_t i = 0; i < c.vars.size(); ++i) {
        widgets::Series s;
        s.label = app::displayName(c.vars[i]);
        if (auto from = wb.nonFiniteFrom(c.vars[i]))  // the line breaks there: say why in the legend
            s.label += " (no value from t = " + app::tickLabel(*from) + ")";
        s.t = &wb.timeColumn;
        s.y = wb.result->series(c.vars[i]);
        s.color = theme::seriesColor(static_cast<int>(i));
        out.push_back(std::move(s));
    }
    keptTimes.assign(wb.kept.size(), {});
    for (size_t k = 0; k < wb.kept.size(); ++k) {
        const auto* run = wb.kept[k].result.get();
        if (!run || run == wb.result.get()) continue;
        keptTimes[k] = run->series("Time");
        for (size_t i = 0; i < c.vars.size(); ++i) {
            widgets::Series s;
            s.label = app::displayName(c.vars[i]) + " (" + wb.kept[k].name + ")";
            s.run = wb.kept[k].name;
            s.t = &keptTimes[k];
            s.y = run->series(c.vars[i]);
            s.color =
                (theme::seriesColor(static_cast<int>(i)) & 0x00FFFFFF) | (k == 0 ? 0xA0000000 : 0x78000000);
            s.dashed = true;
            s.dash = k == 0 ? 3 : 1;
            out.push_back(std::move(s));
        }
    }
    return out;
}

std::vector<size_t> chartsShown(const Workbench& wb, bool presenting) {
    std::vector<size_t> out;
    for (size_t i = 0; i < wb.charts.size(); ++i)
        if (!wb.charts[i].vars.empty() && (!presenting || wb.charts[i].present)) out.push_back(i);
    if (out.empty() && !presenting && !wb.charts.empty()) out.push_back(0);
    return out;
}

void drawChartsTab(Workbench& wb, ImVec2 avail, bool presenting) {
    const auto shown = chartsShown(wb, presenting);
    if (shown.empty()) {
        ImGui::TextDisabled(
            "No chart is chosen for presenting: tick \"present\" under a chart in the Charts tab.");
        return;
    }
    const size_t n = shown.size();
    const float w =
        (avail.x - ImGui::GetStyle().ItemSpacing.x * (static_cast<float>(n) - 1)) / static_cast<float>(n);
    const float h = avail.y - (presenting ? 0 : ImGui::GetFrameHeightWithSpacing());
    ImVec2 lo(1e9f, 1e9f), hi(0, 0);
    for (size_t k = 0; k < n; ++k) {
        const size_t i = shown[k];
        auto& c = wb.charts[i];
        if (k) ImGui::SameLine();
        ImGui::BeginGroup();
        std::vector<std::vector<double>> keptTimes;
        auto series = chartSeries(wb, c, keptTimes);
        const ImVec2 p = ImGui::GetCursorScreenPos();
        widgets::timePlot(("##chart" + std::to_string(i)).c_str(), "Chart " + std::to_string(i + 1), series,
                          c.view, ImVec2(w, h), wb.doc.project().specs.timeUnits, commonUnits(wb, c.vars),
                          wb.scrubTime);
        lo = ImVec2(std::min(lo.x, p.x), std::min(lo.y, p.y));
        hi = ImVec2(std::max(hi.x, p.x + w), std::max(hi.y, p.y + h));
        if (!presenting) variablePicker(wb, i);
        ImGui::EndGroup();
    }
    wb.setChartRect(lo, hi);
}

void drawBottomPanel(Workbench& wb, ImVec2 pos, ImVec2 size) {
    ImGui::SetNextWindowPos(pos);
    ImGui::SetNextWindowSize(size);
    ImGui::Begin("##bottom", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                     ImGuiWindowFlags_NoBringToFrontOnFocus);
    if (ImGui::BeginTabBar("##tabs")) {
        auto flag = [&](BottomTab t) {
            return wb.forceBottomTab && wb.bottomTab == t ? ImGuiTabItemFlags_SetSelected : 0;
        };
        std::string diagLabel = "Diagnostics";
        if (!wb.diagnostics.empty()) diagLabel += " (" + std::to_string(wb.diagnostics.items().size()) + ")";
        diagLabel += "###diag";
        if (ImGui::BeginTabItem("Charts", nullptr, flag(BottomTab::Charts))) {
            drawChartsTab(wb, ImGui::GetContentRegionAvail());
            ImGui::EndTabItem();
        }
        if (ImGui::BeginTabItem("Table", nullptr, flag(BottomTab::Table))) {
            tableTab(wb);
            ImGui::EndTabItem();
        }
        if (ImGui::BeginTabItem(diagLabel.c_str(), nullptr, flag(BottomTab::Diagnostics))) {
            diagnosticsTab(wb);
            ImGui::EndTabItem();
        }
        if (ImGui::BeginTabItem("Compare runs", nullptr, flag(BottomTab::Compare))) {
            compareTab(wb);
            ImGui::EndTabItem();
        }
        wb.forceBottomTab = false;
        ImGui::EndTabBar();
    }
    ImGui::End();
}

}  // namespace sdw::ui
