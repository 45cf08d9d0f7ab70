// The results' other tabs: the table of the charted numbers, diagnostics (a click selects the variable), and
// the comparison of kept runs. Layer: workbench/ui/panels (ImGui). No Lua.
#include <cmath>
#include <cstdio>

#include "workbench/app/comparison.hpp"
#include "workbench/app/format.hpp"
#include "workbench/app/quantity.hpp"
#include "workbench/ui/canvas.hpp"
#include "workbench/ui/panels/panels.hpp"
#include "workbench/ui/theme.hpp"
#include "workbench/ui/workbench.hpp"

namespace sdw::ui {

void TablePanel::draw(Workbench& wb) {
    const auto& s = wb.session();
    const auto result = s.result();
    if (!result) return;
    std::vector<int> cols = {0};
    for (const auto& v : s.chartedVariables())
        if (int c = result->column(v); c >= 0) cols.push_back(c);
    const ImGuiTableFlags flags = ImGuiTableFlags_ScrollY | ImGuiTableFlags_ScrollX | ImGuiTableFlags_RowBg |
                                  ImGuiTableFlags_BordersInnerV | ImGuiTableFlags_Resizable;
    if (!ImGui::BeginTable("##table", static_cast<int>(cols.size()), flags)) return;
    ImGui::TableSetupScrollFreeze(1, 1);
    for (int c : cols)
        ImGui::TableSetupColumn(app::displayName(result->names[static_cast<size_t>(c)]).c_str());
    ImGui::TableHeadersRow();
    ImGuiListClipper clip;
    clip.Begin(static_cast<int>(result->rows()));
    while (clip.Step())
        for (int r = clip.DisplayStart; r < clip.DisplayEnd; ++r) {
            ImGui::TableNextRow();
            for (int c : cols) {
                ImGui::TableNextColumn();
                ImGui::Text("%.6g", result->at(static_cast<size_t>(r), static_cast<size_t>(c)));
            }
        }
    ImGui::EndTable();
}

std::string DiagnosticsPanel::title(const Workbench& wb) const {
    const auto& d = wb.session().diagnostics();
    return std::string("Diagnostics") + (d.empty() ? "" : " (" + std::to_string(d.items().size()) + ")") +
           "###diag";
}

void DiagnosticsPanel::draw(Workbench& wb) {
    const auto& s = wb.session();
    if (s.diagnostics().empty()) {
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
    for (const auto& d : s.diagnostics().items()) {
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::PushID(i++);
        if (ImGui::Selectable(d.code.c_str(), false, ImGuiSelectableFlags_SpanAllColumns) &&
            s.doc().find(d.where)) {
            wb.select(s.doc().find(d.where)->name);
            wb.panel<CanvasPanel>().centreOn(d.where);
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

void ComparePanel::draw(Workbench& wb) {
    auto& s = wb.session();
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 12);
    ImGui::InputTextWithHint("##runname", s.kept().empty() ? "Baseline" : "name this run", m_runName,
                             sizeof m_runName);
    ImGui::SameLine();
    if (ImGui::Button("Keep current run")) {
        s.keepRun(m_runName);
        m_runName[0] = 0;
    }
    ImGui::SameLine();
    if (ImGui::Button("Forget all")) s.forgetKeptRuns();
    if (s.kept().empty()) {
        ImGui::TextDisabled(
            "Keep the current run as the baseline, move sliders, then keep more runs to compare them.");
        return;
    }
    table(wb);
}

// A cell's text wrapped to its column (a long name is never cut off), noted for what the panel shows.
void ComparePanel::wrapped(const std::string& text) {
    const float width = ImGui::GetContentRegionAvail().x;
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + width);
    ImGui::TextUnformatted(text.c_str());
    ImGui::PopTextWrapPos();
    m_cells.push_back({text, width, ImGui::GetItemRectSize()});
}

// The header row with each column's name wrapped (ImGui's own header row cuts a long run name off).
void ComparePanel::headerRow(int columns) {
    ImGui::TableNextRow(ImGuiTableRowFlags_Headers);
    for (int c = 0; c < columns; ++c) {
        ImGui::TableSetColumnIndex(c);
        ImGui::PushFont(theme::fonts().bold);
        wrapped(ImGui::TableGetColumnName(c));
        ImGui::PopFont();
    }
}

// Each charted variable's final value in the current run and every kept one, and its change from the
// baseline (the first kept).
void ComparePanel::table(Workbench& wb) {
    const auto& s = wb.session();
    const auto& kept = s.kept();
    const int ncols = 2 + static_cast<int>(kept.size()) * 2;
    if (!ImGui::BeginTable("##cmp", ncols,
                           ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerV | ImGuiTableFlags_ScrollX |
                               ImGuiTableFlags_ScrollY))
        return;
    ImGui::TableSetupColumn("Outcome (final value)", ImGuiTableColumnFlags_WidthFixed,
                            ImGui::GetFontSize() * 14);
    // Fixed widths that hold a value and a change in words: the names wrap within them (an auto-fitting
    // column squeezes wrapped text).
    const float valueW = ImGui::GetFontSize() * 13, changeW = ImGui::GetFontSize() * 19;
    ImGui::TableSetupColumn("As set now", ImGuiTableColumnFlags_WidthFixed, valueW);
    for (size_t k = 0; k < kept.size(); ++k) {
        ImGui::TableSetupColumn(kept[k].name.c_str(), ImGuiTableColumnFlags_WidthFixed, valueW);
        ImGui::TableSetupColumn(k == 0 ? "Now vs baseline" : ("vs " + kept.front().name).c_str(),
                                ImGuiTableColumnFlags_WidthFixed, changeW);
    }
    m_cells.clear();
    headerRow(ncols);
    for (const auto& m : s.chartedVariables()) {
        const model::Variable* var = s.doc().find(s.doc().resolve(m));
        const std::string units = var ? var->units : "";
        const model::Better better = var ? var->better : model::Better::Unknown;
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        wrapped(app::displayName(m));
        const auto cur = s.result() ? s.result()->finalValue(m) : std::nullopt;
        const auto base = kept.front().result->finalValue(m);
        ImGui::TableNextColumn();
        if (cur) wrapped(app::withUnits(*cur, units));
        for (size_t k = 0; k < kept.size(); ++k) {
            const auto val = kept[k].result->finalValue(m);
            ImGui::TableNextColumn();
            if (val) wrapped(app::withUnits(*val, units));
            ImGui::TableNextColumn();
            const auto other = k == 0 ? cur : val;
            if (other && base) {  // in words as well as colour: green better, red worse, blue undirected
                const std::string word = app::verdict(*other - *base, *base, better);
                const ImVec4 colour = word == "better"      ? ImVec4(0.13f, 0.5f, 0.25f, 1)
                                      : word == "worse"     ? ImVec4(0.75f, 0.2f, 0.15f, 1)
                                      : word == "no change" ? ImVec4(0.5f, 0.5f, 0.5f, 1)
                                                            : ImVec4(0.2f, 0.35f, 0.65f, 1);
                ImGui::PushStyleColor(ImGuiCol_Text, colour);
                wrapped(app::describeChange(*other - *base, *base, units, better));
                ImGui::PopStyleColor();
            }
        }
    }
    ImGui::EndTable();
}

}  // namespace sdw::ui
