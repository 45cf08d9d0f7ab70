// What a Stella or Vensim user expects in Properties beside the fields: help for the function being typed,
// which way an outcome is better (saved with the model), and the causes and uses of the variable (a click
// goes there). Layer: workbench/ui/panels (ImGui). No Lua.
#include "workbench/app/equation_help.hpp"
#include "workbench/app/format.hpp"
#include "workbench/app/relations.hpp"
#include "workbench/ui/canvas.hpp"
#include "workbench/ui/panels/properties_panel.hpp"
#include "workbench/ui/workbench.hpp"

namespace sdw::ui {

// One line under the equation, always there (a line that came and went would move the fields below it
// under the pointer): the function the cursor is in, with its arguments, while the equation is edited.
void PropertiesPanel::equationHelpLine() {
    m_helpShown = m_eqActive ? app::helpAt(m_equation, static_cast<size_t>(std::max(0, m_eqCursor))) : "";
    if (!m_completion.names.empty())  // a name being typed: what Tab makes of it comes first
        m_helpShown = app::completionLine(m_completion);
    // A box two lines high whatever the help says, so the fields below never move while typing.
    ImGui::BeginChild("##eqhelp", ImVec2(0, ImGui::GetTextLineHeightWithSpacing() * 2), false,
                      ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse);
    ImGui::PushTextWrapPos(0);
    if (!m_helpShown.empty())
        ImGui::TextColored(ImVec4(0.2f, 0.35f, 0.65f, 1), "%s", m_helpShown.c_str());
    else
        ImGui::TextDisabled("Functions: type one, e.g. SMTH1(, to see its arguments");
    ImGui::PopTextWrapPos();
    ImGui::EndChild();
}

void PropertiesPanel::outcomeField(Workbench& wb, const model::Variable& v) {
    static const char* kChoices[] = {"not said", "higher", "lower"};
    int choice = v.better == model::Better::Higher ? 1 : v.better == model::Better::Lower ? 2 : 0;
    ImGui::TextDisabled("As an outcome, better when");
    ImGui::SameLine();
    ImGui::SetNextItemWidth(-1);
    if (ImGui::Combo("##better", &choice, kChoices, 3))
        wb.session().doc().setBetter(v.name, choice == 1   ? model::Better::Higher
                                             : choice == 2 ? model::Better::Lower
                                                           : model::Better::Unknown);
    const ImVec2 lo = ImGui::GetItemRectMin(), hi = ImGui::GetItemRectMax();
    m_rects["better"] = ImVec4(lo.x, lo.y, hi.x, hi.y);
    if (ImGui::IsItemHovered())
        ImGui::SetTooltip("Comparisons and the business case call a change better or worse by this.");
}

// The equation reads variables the diagram shows with no connector drawn to this one: say which, and
// offer to draw them (one click; undo takes them away).
void PropertiesPanel::unlinkedWarning(Workbench& wb, const model::Variable& v) {
    m_rects.erase("connect");
    if (m_unlinked.empty()) return;
    std::string names;
    for (const auto& n : m_unlinked) names += (names.empty() ? "" : ", ") + app::displayName(n);
    ImGui::PushTextWrapPos(0);
    ImGui::TextColored(ImVec4(0.7f, 0.42f, 0.05f, 1), "The equation reads %s, with no connector drawn.",
                       names.c_str());
    ImGui::PopTextWrapPos();
    const bool draw =
        ImGui::SmallButton(m_unlinked.size() == 1 ? "Draw the connector" : "Draw the connectors");
    const ImVec2 lo = ImGui::GetItemRectMin(), hi = ImGui::GetItemRectMax();
    m_rects["connect"] = ImVec4(lo.x, lo.y, hi.x, hi.y);
    if (!draw) return;
    for (const auto& n : m_unlinked) wb.session().doc().connect(n, v.name);
    wb.session().setStatus("Drew " + std::to_string(m_unlinked.size()) + " connector" +
                           (m_unlinked.size() == 1 ? "" : "s") + " into " + app::displayName(v.name));
}

void PropertiesPanel::relationsTree(Workbench& wb, const model::Variable& v) {
    const auto& doc = wb.session().doc();
    if (m_relationsOf != v.name || m_relationsRevision != doc.revision()) {  // parsing every equation: once
        const auto r = app::relationsOf(doc.model(), v.name);
        m_causes = r.causes;
        m_uses = r.uses;
        m_unlinked = app::unlinkedCauses(doc.model(), doc.view(), v.name);
        m_relationsOf = v.name;
        m_relationsRevision = doc.revision();
    }
    unlinkedWarning(wb, v);
    std::string go;
    for (const auto* list : {&m_causes, &m_uses}) {
        const bool causes = list == &m_causes;
        const std::string label = std::string(causes ? "Causes" : "Uses") + " (" +
                                  std::to_string(list->size()) + ")###" + (causes ? "causes" : "uses");
        ImGui::SetNextItemOpen(true, ImGuiCond_Once);
        if (!ImGui::TreeNode(label.c_str())) continue;
        for (const auto& name : *list) {
            if (ImGui::Selectable((app::displayName(name) + "##" + name).c_str())) go = name;
            const ImVec2 lo = ImGui::GetItemRectMin(), hi = ImGui::GetItemRectMax();
            m_rects[(causes ? "cause:" : "use:") + name] = ImVec4(lo.x, lo.y, hi.x, hi.y);
        }
        if (list->empty()) ImGui::TextDisabled(causes ? "a constant: nothing" : "nothing reads it");
        ImGui::TreePop();
    }
    if (!go.empty()) {  // after the lists: selecting changes what this panel shows
        wb.select(go);
        wb.panel<CanvasPanel>().centreOn(go);
    }
}

}  // namespace sdw::ui
