// The properties panel: the selected variable's name, equation (checked live in the background), units,
// documentation, slider range and graphical function; with nothing selected, the model's sim specs.
// Layer: workbench/ui/panels (ImGui). No Lua.
#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <cmath>

#include "workbench/ui/theme.hpp"
#include "workbench/ui/workbench.hpp"

namespace sdw::ui {

using model::canonicalName;

namespace {

// Edit buffers for the selected variable; reloaded when the selection or the document changes.
struct Buffers {
    std::string name, nameBuf, equation, units, doc;
    uint64_t revision = 0;
};

Buffers& buffers() {
    static Buffers b;
    return b;
}

void specsEditor(Workbench& wb) {
    ImGui::PushFont(theme::fonts().bold);
    ImGui::TextUnformatted("Simulation specs");
    ImGui::PopFont();
    model::SimSpecs s = wb.doc.project().specs;
    bool changed = false;
    ImGui::PushItemWidth(-ImGui::GetFontSize() * 7);
    changed |= ImGui::InputDouble("Start", &s.start, 0, 0, "%.6g", ImGuiInputTextFlags_EnterReturnsTrue);
    changed |= ImGui::InputDouble("Stop", &s.stop, 0, 0, "%.6g", ImGuiInputTextFlags_EnterReturnsTrue);
    changed |= ImGui::InputDouble("DT", &s.dt, 0, 0, "%.6g", ImGuiInputTextFlags_EnterReturnsTrue);
    double save = s.saveper.value_or(s.dt);
    if (ImGui::InputDouble("Save every", &save, 0, 0, "%.6g", ImGuiInputTextFlags_EnterReturnsTrue)) {
        s.saveper = save;
        changed = true;
    }
    const char* methods[] = {"euler", "rk4", "rk45"};
    int m = 0;
    for (int i = 0; i < 3; ++i)
        if (canonicalName(s.method) == methods[i]) m = i;
    if (ImGui::Combo("Method", &m, methods, 3)) {
        s.method = methods[m];
        changed = true;
    }
    changed |= ImGui::InputText("Time units", &s.timeUnits, ImGuiInputTextFlags_EnterReturnsTrue);
    ImGui::PopItemWidth();
    if (changed && s.dt > 0 && s.stop > s.start) wb.doc.setSpecs(s);
    ImGui::Separator();
    ImGui::TextDisabled("%zu variables, %zu diagram objects", wb.doc.model().variables.size(),
                        wb.doc.view().objects.size());
    ImGui::TextWrapped("Select a variable on the diagram to edit it. Double-click a name to rename it.");
}

void diagnosticsFor(const Workbench& wb, const std::string& name) {
    const diag::Diagnostics& ds = (wb.checkName == name) ? wb.checkDiagnostics : wb.diagnostics;
    for (const auto& d : ds.items()) {
        if (canonicalName(d.where) != canonicalName(name)) continue;
        const bool err = d.severity == diag::Severity::Error;
        ImGui::PushStyleColor(ImGuiCol_Text,
                              err ? ImVec4(0.78f, 0.18f, 0.18f, 1) : ImVec4(0.72f, 0.45f, 0.05f, 1));
        ImGui::TextWrapped("%s %s", d.code.c_str(), d.message.c_str());
        ImGui::PopStyleColor();
    }
}

void graphicalEditor(Workbench& wb, const model::Variable& v) {
    if (!v.gf) {
        if (ImGui::Button("Add a graphical function")) {
            model::GraphicalFunction gf;
            gf.xs = {0, 0.25, 0.5, 0.75, 1};
            gf.ys = {0, 0.25, 0.5, 0.75, 1};
            wb.doc.setGraphical(v.name, gf);
        }
        return;
    }
    // While a point is dragged the edit lives here; it becomes one undo step on release.
    static int dragging = -1;
    static model::GraphicalFunction dragGf;
    model::GraphicalFunction gf = dragging >= 0 ? dragGf : *v.gf;
    if (gf.xs.size() != gf.ys.size() || gf.xs.empty()) return;
    const float fs = ImGui::GetFontSize();
    const ImVec2 size(ImGui::GetContentRegionAvail().x, fs * 10);
    const ImVec2 p0 = ImGui::GetCursorScreenPos();
    ImGui::InvisibleButton("##gf", size);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const double x0 = gf.xs.front(), x1 = gf.xs.back();
    double y0 = gf.yscale ? gf.yscale->first : *std::min_element(gf.ys.begin(), gf.ys.end());
    double y1 = gf.yscale ? gf.yscale->second : *std::max_element(gf.ys.begin(), gf.ys.end());
    if (y1 <= y0) y1 = y0 + 1;
    auto map = [&](double x, double y) {
        return ImVec2(p0.x + 6 + static_cast<float>((x - x0) / (x1 - x0 + 1e-300)) * (size.x - 12),
                      p0.y + size.y - 6 - static_cast<float>((y - y0) / (y1 - y0)) * (size.y - 12));
    };
    dl->AddRectFilled(p0, ImVec2(p0.x + size.x, p0.y + size.y), IM_COL32(255, 255, 255, 255), 4);
    dl->AddRect(p0, ImVec2(p0.x + size.x, p0.y + size.y), IM_COL32(210, 210, 204, 255), 4);
    for (size_t i = 1; i < gf.xs.size(); ++i)
        dl->AddLine(map(gf.xs[i - 1], gf.ys[i - 1]), map(gf.xs[i], gf.ys[i]), theme::palette().auxBorder, 2);
    for (size_t i = 0; i < gf.xs.size(); ++i)
        dl->AddCircleFilled(map(gf.xs[i], gf.ys[i]), 4, theme::palette().stockBorder);
    if (ImGui::IsItemClicked()) {  // grab the nearest point
        float best = 1e9f;
        for (size_t i = 0; i < gf.xs.size(); ++i) {
            const float d = std::abs(map(gf.xs[i], gf.ys[i]).x - ImGui::GetIO().MousePos.x);
            if (d < best) best = d, dragging = static_cast<int>(i);
        }
        dragGf = gf;
    }
    if (dragging >= 0 && ImGui::IsItemActive()) {
        const float fy = (p0.y + size.y - 6 - ImGui::GetIO().MousePos.y) / (size.y - 12);
        dragGf.ys[static_cast<size_t>(dragging)] = y0 + std::clamp(fy, 0.0f, 1.0f) * (y1 - y0);
    } else if (dragging >= 0) {
        dragging = -1;
        wb.doc.setGraphical(v.name, dragGf);
    }
    if (ImGui::TreeNode("Table")) {
        bool edited = false;
        for (size_t i = 0; i < gf.xs.size(); ++i) {
            ImGui::PushID(static_cast<int>(i));
            ImGui::SetNextItemWidth(ImGui::GetContentRegionAvail().x * 0.48f);
            edited |=
                ImGui::InputDouble("##x", &gf.xs[i], 0, 0, "%.4g", ImGuiInputTextFlags_EnterReturnsTrue);
            ImGui::SameLine();
            ImGui::SetNextItemWidth(-1);
            edited |=
                ImGui::InputDouble("##y", &gf.ys[i], 0, 0, "%.4g", ImGuiInputTextFlags_EnterReturnsTrue);
            ImGui::PopID();
        }
        if (edited) wb.doc.setGraphical(v.name, gf);
        ImGui::TreePop();
    }
}

// The documentation reads as a wrapped paragraph (an ImGui text field cannot wrap, so long notes were cut off
// at the panel's edge); a click turns it into the field, which goes back on leaving it.
void documentationField(Workbench& wb, const model::Variable& v, std::string& text) {
    static std::string editing;  // the variable whose documentation is being edited
    if (canonicalName(editing) != canonicalName(v.name)) {
        ImGui::PushTextWrapPos(0);
        if (text.empty())
            ImGui::TextDisabled("(none yet: click to add)");
        else
            ImGui::TextUnformatted(text.c_str());
        ImGui::PopTextWrapPos();
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("Click to edit");
        if (ImGui::IsItemClicked()) editing = v.name;
        return;
    }
    if (!ImGui::IsAnyItemActive()) ImGui::SetKeyboardFocusHere();
    ImGui::InputTextMultiline("##doc", &text, ImVec2(-1, ImGui::GetFontSize() * 6));
    if (ImGui::IsItemDeactivatedAfterEdit()) wb.doc.setDoc(v.name, text);
    if (ImGui::IsItemDeactivated()) editing.clear();
}

void variableEditor(Workbench& wb, const model::Variable& v) {
    auto& b = buffers();
    if (canonicalName(b.name) != canonicalName(v.name) || b.revision != wb.doc.revision()) {
        const bool sameVar = canonicalName(b.name) == canonicalName(v.name);
        b.name = v.name;
        if (!sameVar || !ImGui::IsAnyItemActive()) {
            b.nameBuf = v.name;
            b.equation = v.equation;
            b.units = v.units;
            b.doc = v.doc;
        }
        b.revision = wb.doc.revision();
    }
    const auto& pal = theme::palette();
    const ImU32 kindCol = v.kind == model::VarKind::Stock  ? pal.stockBorder
                          : v.kind == model::VarKind::Flow ? pal.flowPipe
                                                           : pal.auxBorder;
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(kindCol));
    ImGui::PushFont(theme::fonts().bold);
    ImGui::TextUnformatted(model::varKindName(v.kind));
    ImGui::PopFont();
    ImGui::PopStyleColor();
    ImGui::SetNextItemWidth(-1);
    if (ImGui::InputText("##name", &b.nameBuf, ImGuiInputTextFlags_EnterReturnsTrue) && b.nameBuf != v.name) {
        std::string err;
        if (wb.doc.rename(v.name, b.nameBuf, err))
            wb.selection = {b.nameBuf};
        else
            wb.status = "Rename: " + err;
    }
    ImGui::TextDisabled(v.kind == model::VarKind::Stock ? "Initial value" : "Equation");
    const float h = ImGui::GetFontSize() * 4.5f;
    if (ImGui::InputTextMultiline("##eq", &b.equation, ImVec2(-1, h))) wb.submitCheck(v.name, b.equation);
    if (ImGui::IsItemDeactivatedAfterEdit()) wb.doc.setEquation(v.name, b.equation);
    if (wb.checkPending && wb.checkName == v.name) ImGui::TextDisabled("checking...");
    diagnosticsFor(wb, v.name);
    ImGui::TextDisabled("Units");
    ImGui::SetNextItemWidth(-1);
    ImGui::InputText("##units", &b.units);
    if (ImGui::IsItemDeactivatedAfterEdit()) wb.doc.setUnits(v.name, b.units);
    ImGui::TextDisabled("Documentation");
    documentationField(wb, v, b.doc);
    if (v.kind == model::VarKind::Aux) {  // flows never become sliders: no range to set
        ImGui::TextDisabled("Slider range");
        double r[2] = {v.range ? v.range->min : 0, v.range ? v.range->max : 0};
        ImGui::SetNextItemWidth(-1);
        if (ImGui::InputScalarN("##range", ImGuiDataType_Double, r, 2, nullptr, nullptr, "%.4g",
                                ImGuiInputTextFlags_EnterReturnsTrue) &&
            r[1] > r[0])
            wb.doc.setRange(v.name, model::Range{r[0], r[1], std::nullopt});
        if (ImGui::TreeNode("Graphical function")) {
            graphicalEditor(wb, v);
            ImGui::TreePop();
        }
    }
    ImGui::Separator();
    if (auto val = wb.valueAt(v.name, wb.scrubTime))
        ImGui::Text("Value at t = %.4g: %.6g %s", wb.scrubTime, *val, v.units.c_str());
    if (ImGui::Button("Plot in chart 1")) wb.addToChart(v.name, 0);
    ImGui::SameLine();
    if (ImGui::Button("Plot in chart 2")) wb.addToChart(v.name, 1);
}

}  // namespace

void drawPropertiesPanel(Workbench& wb, ImVec2 pos, ImVec2 size) {
    ImGui::SetNextWindowPos(pos);
    ImGui::SetNextWindowSize(size);
    ImGui::Begin("Properties", nullptr,
                 ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoCollapse |
                     ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBringToFrontOnFocus);
    // An alias shows (and edits) the variable it stands for.
    const model::Variable* v =
        wb.selection.size() == 1 ? wb.doc.find(wb.doc.resolve(wb.selection.front())) : nullptr;
    if (v)
        variableEditor(wb, *v);
    else if (wb.selection.size() > 1)
        ImGui::Text("%zu objects selected", wb.selection.size());
    if (!v) specsEditor(wb);
    ImGui::End();
}

}  // namespace sdw::ui
