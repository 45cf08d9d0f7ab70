// The properties panel: the selected variable's fields, or the model's specs; edits kept until their field is
// left. Layer: workbench/ui/panels (ImGui). No Lua. The graphical function's editor:
// properties_graphical.cpp.
#include "workbench/ui/panels/properties_panel.hpp"

#include <imgui_internal.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <cmath>

#include "workbench/app/comparison.hpp"
#include "workbench/ui/theme.hpp"
#include "workbench/ui/workbench.hpp"

namespace sdw::ui {

using model::canonicalName;

// After a field: keep its edit (when it changed this frame) and where it is.
void PropertiesPanel::keepEdit(const char* field, bool changed, std::function<void(Workbench&)> commit) {
    const ImVec2 lo = ImGui::GetItemRectMin(), hi = ImGui::GetItemRectMax();
    m_rects[field] = ImVec4(lo.x, lo.y, hi.x, hi.y);
    if (!changed) return;
    auto& p = m_pending[ImGui::GetItemID()];
    p.order = std::string(field) == "name" ? 1 << 30 : ++m_nextOrder;
    p.commit = std::move(commit);
}

// Every kept edit whose field is no longer the active item goes to the model.
void PropertiesPanel::commitLeftEdits(Workbench& wb) {
    const ImGuiID active = ImGui::GetActiveID();
    std::vector<std::pair<int, std::function<void(Workbench&)>>> due;
    for (auto it = m_pending.begin(); it != m_pending.end();) {
        if (it->first == active) {
            ++it;
            continue;
        }
        due.emplace_back(it->second.order, std::move(it->second.commit));
        it = m_pending.erase(it);
    }
    std::sort(due.begin(), due.end(), [](auto& x, auto& y) { return x.first < y.first; });
    for (auto& [order, commit] : due) commit(wb);
}

std::optional<ImVec4> PropertiesPanel::fieldRect(const std::string& field) const {
    auto it = m_rects.find(field);
    if (it == m_rects.end()) return std::nullopt;
    return it->second;
}

void PropertiesPanel::modelReplaced(Workbench&) {
    m_pending.clear();  // edits of the last model's fields have nowhere to go
    m_name.clear();
    m_docEditing.clear();
    m_dragPoint = -1;
}

namespace {

// The live check's answer under the equation, in a box of fixed height: a message that comes and goes while
// typing never moves the fields below it (the next field stays under the pointer). Long messages are cut to
// the box; the whole text is on hover and in the Diagnostics tab.
void checkMessages(const app::Session& s, const std::string& name) {
    const diag::Diagnostics& ds = s.checkedName() == name ? s.checkDiagnostics() : s.diagnostics();
    const float boxH = ImGui::GetTextLineHeightWithSpacing() * 2.2f;
    ImGui::BeginChild("##checkbox", ImVec2(-1, boxH), false, ImGuiWindowFlags_NoScrollbar);
    std::string all;
    if (s.checking() && s.checkedName() == name) ImGui::TextDisabled("checking...");
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

// "Value on 1 Jan 2031 (week 313): 435,000 people": the date and units as everywhere else.
std::string valueLine(const app::Session& s, const model::Variable& v) {
    const double t = s.playback().time;
    const auto val = s.valueAt(v.name, t);
    if (!val) return "";
    const std::string line = app::describeValueAt(s.doc().project().specs, t, *val, v.units);
    if (std::isfinite(*val))
        ImGui::TextWrapped("%s", line.c_str());
    else
        ImGui::TextColored(ImVec4(0.78f, 0.18f, 0.18f, 1), "%s: see Diagnostics", line.c_str());
    return line;
}

}  // namespace

void PropertiesPanel::specsEditor(Workbench& wb) {
    ImGui::PushFont(theme::fonts().bold);
    ImGui::TextUnformatted("Simulation specs");
    ImGui::PopFont();
    // Each field edits a copy of the specs; the copy goes to the model when the field is left, if it makes
    // a run (dt > 0, stop after start), else the status line says why it was not taken.
    auto keepSpecs = [&](const char* field, bool changed, const model::SimSpecs& s) {
        keepEdit(field, changed, [s](Workbench& w) {
            if (s.dt > 0 && s.stop > s.start)
                w.session().doc().setSpecs(s);
            else
                w.session().setStatus(
                    "Simulation specs not changed: DT must be above 0 and Stop after Start");
        });
    };
    auto& doc = wb.session().doc();
    model::SimSpecs s = doc.project().specs;
    ImGui::PushItemWidth(-ImGui::GetFontSize() * 7);
    bool changed = ImGui::InputDouble("Start", &s.start, 0, 0, "%.6g");
    keepSpecs("start", changed, s);
    // A control the model computes during the run (a Vensim FINAL TIME = IF THEN ELSE(...)) is its
    // variable's equation: the field says so instead of offering a number the run would not use.
    auto fromVariable = [&](const char* label, const std::string& var) {
        if (var.empty()) return false;
        const model::Variable* v = doc.model().find(var);
        ImGui::Text("%s: %s, during the run", label, v ? v->name.c_str() : var.c_str());
        if (ImGui::IsItemHovered())
            ImGui::SetTooltip("The model computes it every step; select '%s' to edit its equation",
                              v ? v->name.c_str() : var.c_str());
        return true;
    };
    if (!fromVariable("Stop", s.stopVar)) {
        changed = ImGui::InputDouble("Stop", &s.stop, 0, 0, "%.6g");
        keepSpecs("stop", changed, s);
    }
    if (!fromVariable("DT", s.dtVar)) {
        changed = ImGui::InputDouble("DT", &s.dt, 0, 0, "%.6g");
        keepSpecs("dt", changed, s);
    }
    if (!fromVariable("Save every", s.saveperVar)) {
        double save = s.saveper.value_or(s.dt);
        changed = ImGui::InputDouble("Save every", &save, 0, 0, "%.6g");
        if (changed) s.saveper = save;
        keepSpecs("saveper", changed, s);
    }
    constexpr sim::Method kMethods[] = {sim::Method::Euler, sim::Method::RungeKutta4,
                                        sim::Method::DormandPrince};
    const sim::Method current = sim::parseMethod(s.method).value_or(sim::Method::Euler);
    if (ImGui::BeginCombo("Method", sim::methodName(current))) {
        for (const sim::Method m : kMethods)
            if (ImGui::Selectable(sim::methodName(m), m == current) && m != current) {
                s.method = sim::methodName(m);
                doc.setSpecs(s);
            }
        ImGui::EndCombo();
    }
    changed = ImGui::InputText("Time units", &s.timeUnits);
    keepSpecs("timeunits", changed, s);
    ImGui::PopItemWidth();
    ImGui::Separator();
    ImGui::TextDisabled("%zu variables, %zu diagram objects", doc.model().variables.size(),
                        doc.view().objects.size());
    ImGui::TextWrapped("Select a variable on the diagram to edit it. Double-click a name to rename it.");
}

// The documentation reads as a wrapped paragraph (an ImGui text field cannot wrap, so long notes were cut off
// at the panel's edge); a click turns it into the field, which goes back on leaving it.
void PropertiesPanel::documentationField(const model::Variable& v) {
    if (canonicalName(m_docEditing) != canonicalName(v.name)) {
        ImGui::PushTextWrapPos(0);
        if (m_doc.empty())
            ImGui::TextDisabled("(none yet: click to add)");
        else
            ImGui::TextUnformatted(m_doc.c_str());
        ImGui::PopTextWrapPos();
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("Click to edit");
        if (ImGui::IsItemClicked()) m_docEditing = v.name, m_focusDoc = true;
        return;
    }
    if (m_focusDoc) ImGui::SetKeyboardFocusHere();  // once: a later click elsewhere takes the keyboard away
    m_focusDoc = false;
    const bool changed = ImGui::InputTextMultiline("##doc", &m_doc, ImVec2(-1, ImGui::GetFontSize() * 6));
    keepEdit("doc", changed,
             [name = v.name, text = m_doc](Workbench& w) { w.session().doc().setDoc(name, text); });
    if (ImGui::IsItemDeactivated()) m_docEditing.clear();
}

// The fields show the model unless an edit of them is still being typed (or not yet committed).
void PropertiesPanel::reloadBuffers(const Workbench& wb, const model::Variable& v) {
    const auto& doc = wb.session().doc();
    if (canonicalName(m_name) == canonicalName(v.name) && m_revision == doc.revision()) return;
    if (canonicalName(m_name) != canonicalName(v.name) || m_pending.empty()) {
        m_nameBuf = v.name;
        m_equation = v.equation;
        m_units = v.units;
        m_doc = v.doc;
    }
    m_name = v.name;
    m_revision = doc.revision();
}

void PropertiesPanel::rangeField(const model::Variable& v) {
    ImGui::TextDisabled("Slider range");
    double r[2] = {v.range ? v.range->min : 0, v.range ? v.range->max : 0};
    ImGui::SetNextItemWidth(-1);
    const bool changed = ImGui::InputScalarN("##range", ImGuiDataType_Double, r, 2, nullptr, nullptr, "%.4g");
    keepEdit("range", changed, [name = v.name, lo = r[0], hi = r[1]](Workbench& w) {
        if (hi > lo)
            w.session().doc().setRange(name, model::Range{lo, hi, std::nullopt});
        else
            w.session().setStatus("Slider range not changed: the top must be above the bottom");
    });
}

void PropertiesPanel::nameField(Workbench& wb, const model::Variable& v) {
    // (Each field is drawn before its edit is kept: the edit must hold the text as typed this frame.)
    ImGui::SetNextItemWidth(-1);
    const bool changed = ImGui::InputText("##name", &m_nameBuf);
    keepEdit("name", changed, [name = v.name, to = m_nameBuf](Workbench& w) {
        std::string err;
        if (to == name) return;
        if (w.session().doc().rename(name, to, err)) {
            if (w.isSelected(name)) w.selection = {to};
        } else {
            w.session().setStatus("Rename: " + err);
        }
    });
}

// What the word at the equation's cursor could become: the model's other variables, the built-in functions.
app::Completion PropertiesPanel::completion(const app::Session& s, const model::Variable& v) const {
    std::vector<std::string> names;
    for (const auto& other : s.doc().model().variables)
        if (model::canonicalName(other.name) != model::canonicalName(v.name)) names.push_back(other.name);
    return app::completeAt(names, m_equation, static_cast<size_t>(std::max(0, m_eqCursor)));
}

void PropertiesPanel::variableEditor(Workbench& wb, const model::Variable& v) {
    auto& s = wb.session();
    reloadBuffers(wb, v);
    kindLabel(v);
    nameField(wb, v);
    ImGui::TextDisabled(v.kind == model::VarKind::Stock ? "Initial value" : "Equation");
    // Enter commits (as leaving the field does); Ctrl+Enter starts a new line; Tab completes the name being
    // typed when there is one to complete (else it leaves the field, which commits too).
    m_completion = m_eqActive ? completion(s, v) : app::Completion{};
    struct Typing {
        int* cursor;
        const app::Completion* completion;
    } typing{&m_eqCursor, &m_completion};
    const auto callback = [](ImGuiInputTextCallbackData* d) {
        auto* t = static_cast<Typing*>(d->UserData);
        if (d->EventFlag == ImGuiInputTextFlags_CallbackCompletion && !t->completion->names.empty()) {
            const int start = static_cast<int>(t->completion->start);
            d->DeleteChars(start, d->CursorPos - start);
            d->InsertChars(start, t->completion->names.front().c_str());
        }
        *t->cursor = d->CursorPos;
        return 0;
    };
    ImGuiInputTextFlags flags = ImGuiInputTextFlags_CtrlEnterForNewLine | ImGuiInputTextFlags_CallbackAlways;
    if (!m_completion.names.empty()) flags |= ImGuiInputTextFlags_CallbackCompletion;
    // ImGui decides whether Tab leaves a field when the field is activated; here it changes while typing:
    // Tab stays to complete while there is a name to complete, and leaves the field (committing) otherwise.
    if (ImGuiContext* g = ImGui::GetCurrentContext(); g->ActiveId == ImGui::GetID("##eq")) {
        const ImU64 tab = ImU64(1) << ImGuiKey_Tab;
        g->ActiveIdUsingKeyInputMask = m_completion.names.empty() ? g->ActiveIdUsingKeyInputMask & ~tab
                                                                  : g->ActiveIdUsingKeyInputMask | tab;
    }
    const bool eqChanged = ImGui::InputTextMultiline(
        "##eq", &m_equation, ImVec2(-1, ImGui::GetFontSize() * 4.5f), flags, callback, &typing);
    m_eqActive = ImGui::IsItemActive();
    if (eqChanged) s.check(v.name, m_equation);
    keepEdit("equation", eqChanged,
             [name = v.name, eq = m_equation](Workbench& w) { w.session().doc().setEquation(name, eq); });
    equationHelpLine();
    checkMessages(s, v.name);
    ImGui::TextDisabled("Units");
    ImGui::SetNextItemWidth(-1);
    const bool unitsChanged = ImGui::InputText("##units", &m_units);
    keepEdit("units", unitsChanged,
             [name = v.name, u = m_units](Workbench& w) { w.session().doc().setUnits(name, u); });
    outcomeField(wb, v);
    ImGui::TextDisabled("Documentation");
    documentationField(v);
    if (v.kind == model::VarKind::Aux) {  // flows never become sliders: no range to set
        rangeField(v);
        uncertaintyField(wb, v);
        if (ImGui::TreeNode("Graphical function")) {
            graphicalEditor(wb, v);
            ImGui::TreePop();
        }
    }
    ImGui::Separator();
    m_valueShown = valueLine(s, v);
    if (ImGui::Button("Plot in chart 1")) s.addToChart(v.name, 0);
    ImGui::SameLine();
    if (ImGui::Button("Plot in chart 2")) s.addToChart(v.name, 1);
    relationsTree(wb, v);
}

void PropertiesPanel::draw(Workbench& wb) {
    commitLeftEdits(wb);  // before the fields reload: a click elsewhere may have changed the selection
    const auto& doc = wb.session().doc();
    // An alias shows (and edits) the variable it stands for.
    const model::Variable* v =
        wb.selection.size() == 1 ? doc.find(doc.resolve(wb.selection.front())) : nullptr;
    if (v)
        variableEditor(wb, *v);
    else if (wb.selection.size() > 1)
        ImGui::Text("%zu objects selected", wb.selection.size());
    if (!v) specsEditor(wb);
    commitLeftEdits(wb);  // Enter or Tab left a field this frame
}

}  // namespace sdw::ui
