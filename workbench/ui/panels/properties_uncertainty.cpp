// Properties: a constant's plausible range and distribution (saved as <sdw:uncertainty>, drawn from by the
// How sure tab's Monte Carlo and `sdw mc --vary NAME`), set with a button, refused with a message when
// wrong, one undo step. Layer: workbench/ui/panels (ImGui). No Lua.
#include <imgui.h>
#include <imgui_stdlib.h>

#include "workbench/app/uncertainty/uncertainty_edit.hpp"
#include "workbench/ui/panels/properties_panel.hpp"
#include "workbench/ui/workbench.hpp"

namespace sdw::ui {

void PropertiesPanel::uncertaintyField(Workbench& wb, const model::Variable& v) {
    const auto value = model::literalValue(v.equation);
    if (!value) return;  // only constants are drawn from
    auto& doc = wb.session().doc();
    if (m_uncOf != v.name || m_uncRevision != doc.revision()) {  // another variable, or an undo: reload
        m_uncOf = v.name;
        m_uncRevision = doc.revision();
        m_uncError.clear();
        m_uncMin = v.uncertainty ? v.uncertainty->min : *value * 0.8;
        m_uncMax = v.uncertainty ? v.uncertainty->max : *value * 1.2;
        m_uncDist = v.uncertainty ? v.uncertainty->distribution : "";
    }
    const auto keepRect = [&](const char* field) {
        const ImVec2 lo = ImGui::GetItemRectMin(), hi = ImGui::GetItemRectMax();
        m_rects[field] = ImVec4(lo.x, lo.y, hi.x, hi.y);
    };
    const std::string label =
        std::string("Uncertainty") + (v.uncertainty ? "" : " (none)") + "###uncertainty";
    const bool open = ImGui::TreeNode(label.c_str());
    keepRect("uncertainty");
    if (!open) return;
    ImGui::TextDisabled("Plausible range, for Monte Carlo and sensitivity");
    const float half = (ImGui::GetContentRegionAvail().x - ImGui::GetStyle().ItemSpacing.x) / 2;
    ImGui::SetNextItemWidth(half);
    ImGui::InputDouble("##uncmin", &m_uncMin, 0, 0, "%.6g");
    keepRect("uncertainty min");
    ImGui::SameLine();
    ImGui::SetNextItemWidth(half);
    ImGui::InputDouble("##uncmax", &m_uncMax, 0, 0, "%.6g");
    keepRect("uncertainty max");
    ImGui::SetNextItemWidth(-1);
    ImGui::InputTextWithHint("##uncdist", "uniform over the range, or e.g. triangular(lo,mode,hi)",
                             &m_uncDist);
    keepRect("distribution");
    if (ImGui::IsItemHovered())
        ImGui::SetTooltip(
            "uniform(lo,hi), triangular(lo,mode,hi), normal(mean,sd), lognormal(mean,sd) or "
            "beta(a,b,lo,hi); draws are kept to the range");
    if (ImGui::Button("Set")) {
        if (app::setUncertainty(doc, v.name, m_uncMin, m_uncMax, m_uncDist, m_uncError)) m_uncError.clear();
    }
    keepRect("uncertainty set");
    if (v.uncertainty) {
        ImGui::SameLine();
        if (ImGui::Button("Remove")) app::clearUncertainty(doc, v.name);
        keepRect("uncertainty remove");
    }
    if (!m_uncError.empty()) {
        ImGui::PushTextWrapPos(0);
        ImGui::TextColored(ImVec4(0.78f, 0.18f, 0.18f, 1), "Not set: %s", m_uncError.c_str());
        ImGui::PopTextWrapPos();
    }
    ImGui::TreePop();
}

}  // namespace sdw::ui
