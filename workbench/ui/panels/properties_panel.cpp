// The properties panel: the selected variable's name, equation (checked live in the background), units,
// documentation, slider range and graphical function; with nothing selected, the model's sim specs.
// Layer: workbench/ui/panels (ImGui). No Lua.
#include <imgui.h>
#include <imgui_internal.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <cmath>
#include <functional>
#include <map>

#include "workbench/ui/theme.hpp"
#include "workbench/ui/workbench.hpp"

namespace sdw::ui {

using model::canonicalName;

namespace {

// An edit typed into a field, kept until the field is left. ImGui reports "deactivated after edit" only for
// a field that is still drawn, and a click on the diagram changes the selection (and so which fields are
// drawn) in the same frame: so the edit and what it applies to are kept here, and committed as soon as the
// field is no longer the active item, however it was left (Enter, Tab, a click anywhere, a new selection).
struct PendingEdit {
    int order = 0;  // commit in typing order: a rename last, so edits before it find their variable
    std::function<void(Workbench&)> commit;
};

// Edit buffers for the selected variable; reloaded when the selection or the document changes.
struct Buffers {
    std::string name, nameBuf, equation, units, doc;
    uint64_t revision = 0;
    std::map<ImGuiID, PendingEdit> pending;  // by field
    int nextOrder = 0;
    std::string docEditing;               // the variable whose documentation is open for editing
    bool focusDoc = false;                // give the documentation field the keyboard once, when it opens
    std::map<std::string, ImRect> rects;  // where each field was drawn (tests drive the panel by them)
};

Buffers& buffers() {
    static Buffers b;
    return b;
}

// After a field: keep its edit (when it changed this frame) and where it is.
void keepEdit(const char* field, bool changed, std::function<void(Workbench&)> commit) {
    auto& b = buffers();
    b.rects[field] = ImRect(ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
    if (!changed) return;
    auto& p = b.pending[ImGui::GetItemID()];
    p.order = std::string(field) == "name" ? 1 << 30 : ++b.nextOrder;
    p.commit = std::move(commit);
}

bool editPending() {
    return !buffers().pending.empty();
}

}  // namespace

// Every kept edit whose field is no longer the active item goes to the model.
void commitLeftEdits(Workbench& wb) {
    auto& b = buffers();
    const ImGuiID active = ImGui::GetActiveID();
    std::vector<std::pair<int, std::function<void(Workbench&)>>> due;
    for (auto it = b.pending.begin(); it != b.pending.end();) {
        if (it->first == active) {
            ++it;
            continue;
        }
        due.emplace_back(it->second.order, std::move(it->second.commit));
        it = b.pending.erase(it);
    }
    std::sort(due.begin(), due.end(), [](auto& x, auto& y) { return x.first < y.first; });
    for (auto& [order, commit] : due) commit(wb);
}

std::optional<ImVec4> propertiesFieldRect(const std::string& field) {
    auto& r = buffers().rects;
    auto it = r.find(field);
    if (it == r.end()) return std::nullopt;
    return ImVec4(it->second.Min.x, it->second.Min.y, it->second.Max.x, it->second.Max.y);
}

namespace {

void specsEditor(Workbench& wb) {
    ImGui::PushFont(theme::fonts().bold);
    ImGui::TextUnformatted("Simulation specs");
    ImGui::PopFont();
    // Each field edits a copy of the specs; the copy goes to the model when the field is left, if it makes
    // a run (dt > 0, stop after start), else the status line says why it was not taken.
    auto keepSpecs = [&](const char* field, bool changed, const model::SimSpecs& s) {
        keepEdit(field, changed, [s](Workbench& w) {
            if (s.dt > 0 && s.stop > s.start)
                w.doc.setSpecs(s);
            else
                w.status = "Simulation specs not changed: DT must be above 0 and Stop after Start";
        });
    };
    model::SimSpecs s = wb.doc.project().specs;
    ImGui::PushItemWidth(-ImGui::GetFontSize() * 7);
    bool changed = ImGui::InputDouble("Start", &s.start, 0, 0, "%.6g");
    keepSpecs("start", changed, s);
    changed = ImGui::InputDouble("Stop", &s.stop, 0, 0, "%.6g");
    keepSpecs("stop", changed, s);
    changed = ImGui::InputDouble("DT", &s.dt, 0, 0, "%.6g");
    keepSpecs("dt", changed, s);
    double save = s.saveper.value_or(s.dt);
    changed = ImGui::InputDouble("Save every", &save, 0, 0, "%.6g");
    if (changed) s.saveper = save;
    keepSpecs("saveper", changed, s);
    const char* methods[] = {"euler", "rk4", "rk45"};
    int m = 0;
    for (int i = 0; i < 3; ++i)
        if (canonicalName(s.method) == methods[i]) m = i;
    if (ImGui::Combo("Method", &m, methods, 3)) {
        s.method = methods[m];
        wb.doc.setSpecs(s);
    }
    changed = ImGui::InputText("Time units", &s.timeUnits);
    keepSpecs("timeunits", changed, s);
    ImGui::PopItemWidth();
    ImGui::Separator();
    ImGui::TextDisabled("%zu variables, %zu diagram objects", wb.doc.model().variables.size(),
                        wb.doc.view().objects.size());
    ImGui::TextWrapped("Select a variable on the diagram to edit it. Double-click a name to rename it.");
}

// The live check's answer under the equation, in a box of fixed height: a message that comes and goes while
// typing never moves the fields below it (the next field stays under the pointer). Long messages are cut to
// the box; the whole text is on hover and in the Diagnostics tab.
void checkMessages(const Workbench& wb, const std::string& name) {
    const diag::Diagnostics& ds = (wb.checkName == name) ? wb.checkDiagnostics : wb.diagnostics;
    const float boxH = ImGui::GetTextLineHeightWithSpacing() * 2.2f;
    ImGui::BeginChild("##checkbox", ImVec2(-1, boxH), false, ImGuiWindowFlags_NoScrollbar);
    std::string all;
    if (wb.checkPending && wb.checkName == name) ImGui::TextDisabled("checking...");
    for (const auto& d : ds.items()) {
        if (canonicalName(d.where) != canonicalName(name)) continue;
        const bool err = d.severity == diag::Severity::Error;
        ImGui::PushStyleColor(ImGuiCol_Text,
                              err ? ImVec4(0.78f, 0.18f, 0.18f, 1) : ImVec4(0.72f, 0.45f, 0.05f, 1));
        ImGui::TextWrapped("%s %s", d.code.c_str(), d.message.c_str());
        ImGui::PopStyleColor();
        all += (all.empty() ? "" : "\n") + d.code + " " + d.message;
    }
    ImGui::EndChild();
    if (!all.empty() && ImGui::IsItemHovered()) {
        ImGui::BeginTooltip();
        ImGui::PushTextWrapPos(ImGui::GetFontSize() * 30);
        ImGui::TextUnformatted(all.c_str());
        ImGui::PopTextWrapPos();
        ImGui::EndTooltip();
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
        const std::string name = v.name;
        auto keepTable = [&](bool changed) {
            keepEdit("table", changed, [name, gf](Workbench& w) { w.doc.setGraphical(name, gf); });
        };
        for (size_t i = 0; i < gf.xs.size(); ++i) {
            ImGui::PushID(static_cast<int>(i));
            ImGui::SetNextItemWidth(ImGui::GetContentRegionAvail().x * 0.48f);
            const bool x = ImGui::InputDouble("##x", &gf.xs[i], 0, 0, "%.4g");
            keepTable(x);
            ImGui::SameLine();
            ImGui::SetNextItemWidth(-1);
            const bool y = ImGui::InputDouble("##y", &gf.ys[i], 0, 0, "%.4g");
            keepTable(y);
            ImGui::PopID();
        }
        ImGui::TreePop();
    }
}

// The documentation reads as a wrapped paragraph (an ImGui text field cannot wrap, so long notes were cut off
// at the panel's edge); a click turns it into the field, which goes back on leaving it.
void documentationField(const model::Variable& v, std::string& text) {
    auto& b = buffers();
    if (canonicalName(b.docEditing) != canonicalName(v.name)) {
        ImGui::PushTextWrapPos(0);
        if (text.empty())
            ImGui::TextDisabled("(none yet: click to add)");
        else
            ImGui::TextUnformatted(text.c_str());
        ImGui::PopTextWrapPos();
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("Click to edit");
        if (ImGui::IsItemClicked()) b.docEditing = v.name, b.focusDoc = true;
        return;
    }
    if (b.focusDoc) ImGui::SetKeyboardFocusHere();  // once: a later click elsewhere takes the keyboard away
    b.focusDoc = false;
    const std::string name = v.name;
    const bool changed = ImGui::InputTextMultiline("##doc", &text, ImVec2(-1, ImGui::GetFontSize() * 6));
    keepEdit("doc", changed, [name, text](Workbench& w) { w.doc.setDoc(name, text); });
    if (ImGui::IsItemDeactivated()) b.docEditing.clear();
}

void kindLabel(const model::Variable& v) {
    const auto& pal = theme::palette();
    const ImU32 kindCol = v.kind == model::VarKind::Stock  ? pal.stockBorder
                          : v.kind == model::VarKind::Flow ? pal.flowPipe
                                                           : pal.auxBorder;
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(kindCol));
    ImGui::PushFont(theme::fonts().bold);
    ImGui::TextUnformatted(model::varKindName(v.kind));
    ImGui::PopFont();
    ImGui::PopStyleColor();
}

// The fields show the model unless an edit of them is still being typed (or not yet committed).
void reloadBuffers(const Workbench& wb, const model::Variable& v) {
    auto& b = buffers();
    if (canonicalName(b.name) == canonicalName(v.name) && b.revision == wb.doc.revision()) return;
    if (canonicalName(b.name) != canonicalName(v.name) || !editPending()) {
        b.nameBuf = v.name;
        b.equation = v.equation;
        b.units = v.units;
        b.doc = v.doc;
    }
    b.name = v.name;
    b.revision = wb.doc.revision();
}

void rangeField(Workbench& wb, const model::Variable& v) {
    ImGui::TextDisabled("Slider range");
    double r[2] = {v.range ? v.range->min : 0, v.range ? v.range->max : 0};
    ImGui::SetNextItemWidth(-1);
    const bool changed = ImGui::InputScalarN("##range", ImGuiDataType_Double, r, 2, nullptr, nullptr, "%.4g");
    const std::string name = v.name;
    const double lo = r[0], hi = r[1];
    keepEdit("range", changed, [name, lo, hi](Workbench& w) {
        if (hi > lo)
            w.doc.setRange(name, model::Range{lo, hi, std::nullopt});
        else
            w.status = "Slider range not changed: the top must be above the bottom";
    });
}

void variableEditor(Workbench& wb, const model::Variable& v) {
    auto& b = buffers();
    reloadBuffers(wb, v);
    kindLabel(v);
    const std::string name = v.name;
    // (Each field is drawn before its edit is kept: the edit must hold the text as typed this frame.)
    ImGui::SetNextItemWidth(-1);
    const bool nameChanged = ImGui::InputText("##name", &b.nameBuf);
    keepEdit("name", nameChanged, [name, to = b.nameBuf](Workbench& w) {
        std::string err;
        if (to == name) return;
        if (w.doc.rename(name, to, err)) {
            if (w.isSelected(name)) w.selection = {to};
        } else {
            w.status = "Rename: " + err;
        }
    });
    ImGui::TextDisabled(v.kind == model::VarKind::Stock ? "Initial value" : "Equation");
    const float h = ImGui::GetFontSize() * 4.5f;
    // Enter commits (as leaving the field does); Ctrl+Enter starts a new line.
    const bool eqChanged = ImGui::InputTextMultiline("##eq", &b.equation, ImVec2(-1, h),
                                                     ImGuiInputTextFlags_CtrlEnterForNewLine);
    if (eqChanged) wb.submitCheck(v.name, b.equation);
    keepEdit("equation", eqChanged, [name, eq = b.equation](Workbench& w) { w.doc.setEquation(name, eq); });
    checkMessages(wb, v.name);
    ImGui::TextDisabled("Units");
    ImGui::SetNextItemWidth(-1);
    const bool unitsChanged = ImGui::InputText("##units", &b.units);
    keepEdit("units", unitsChanged, [name, u = b.units](Workbench& w) { w.doc.setUnits(name, u); });
    ImGui::TextDisabled("Documentation");
    documentationField(v, b.doc);
    if (v.kind == model::VarKind::Aux) {  // flows never become sliders: no range to set
        rangeField(wb, v);
        if (ImGui::TreeNode("Graphical function")) {
            graphicalEditor(wb, v);
            ImGui::TreePop();
        }
    }
    ImGui::Separator();
    if (auto val = wb.valueAt(v.name, wb.scrubTime)) {
        if (std::isfinite(*val))
            ImGui::Text("Value at t = %.4g: %.6g %s", wb.scrubTime, *val, v.units.c_str());
        else
            ImGui::TextColored(ImVec4(0.78f, 0.18f, 0.18f, 1),
                               "Value at t = %.4g: none (%s): see Diagnostics", wb.scrubTime,
                               std::isnan(*val) ? "NaN" : "infinite");
    }
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
    commitLeftEdits(wb);  // before the fields reload: a click elsewhere may have changed the selection
    // An alias shows (and edits) the variable it stands for.
    const model::Variable* v =
        wb.selection.size() == 1 ? wb.doc.find(wb.doc.resolve(wb.selection.front())) : nullptr;
    if (v)
        variableEditor(wb, *v);
    else if (wb.selection.size() > 1)
        ImGui::Text("%zu objects selected", wb.selection.size());
    if (!v) specsEditor(wb);
    ImGui::End();
    commitLeftEdits(wb);  // Enter or Tab left a field this frame
}

}  // namespace sdw::ui
