// The properties panel's graphical function editor: the curve (drag a point up or down: one undo step on
// release) and its table of points. Layer: workbench/ui/panels (ImGui). No Lua.
#include <algorithm>
#include <cmath>

#include "workbench/ui/panels/properties_panel.hpp"
#include "workbench/ui/theme.hpp"
#include "workbench/ui/workbench.hpp"

namespace sdw::ui {

void PropertiesPanel::graphicalEditor(Workbench& wb, const model::Variable& v) {
    auto& doc = wb.session().doc();
    if (!v.gf) {
        if (ImGui::Button("Add a graphical function")) {
            model::GraphicalFunction gf;
            gf.xs = {0, 0.25, 0.5, 0.75, 1};
            gf.ys = {0, 0.25, 0.5, 0.75, 1};
            doc.setGraphical(v.name, gf);
        }
        return;
    }
    // While a point is dragged the edit lives here; it becomes one undo step on release.
    const model::GraphicalFunction gf = m_dragPoint >= 0 ? m_dragGf : *v.gf;
    if (gf.xs.size() != gf.ys.size() || gf.xs.empty()) return;
    const ImVec2 size(ImGui::GetContentRegionAvail().x, ImGui::GetFontSize() * 10);
    const ImVec2 p0 = ImGui::GetCursorScreenPos();
    ImGui::InvisibleButton("##gf", size);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const double x0 = gf.xs.front(), x1 = gf.xs.back();
    const double y0 = gf.yscale ? gf.yscale->first : *std::min_element(gf.ys.begin(), gf.ys.end());
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
            if (d < best) best = d, m_dragPoint = static_cast<int>(i);
        }
        m_dragGf = gf;
    }
    if (m_dragPoint >= 0 && ImGui::IsItemActive()) {
        const float fy = (p0.y + size.y - 6 - ImGui::GetIO().MousePos.y) / (size.y - 12);
        m_dragGf.ys[static_cast<size_t>(m_dragPoint)] = y0 + std::clamp(fy, 0.0f, 1.0f) * (y1 - y0);
    } else if (m_dragPoint >= 0) {
        m_dragPoint = -1;
        doc.setGraphical(v.name, m_dragGf);
    }
    if (ImGui::TreeNode("Table")) {
        graphicalTable(v, gf);
        ImGui::TreePop();
    }
}

// The points as numbers; an edited table goes to the model when its field is left.
void PropertiesPanel::graphicalTable(const model::Variable& v, model::GraphicalFunction gf) {
    auto keepTable = [&](bool changed) {
        keepEdit("table", changed,
                 [name = v.name, gf](Workbench& w) { w.session().doc().setGraphical(name, gf); });
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
}

}  // namespace sdw::ui
