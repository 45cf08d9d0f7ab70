// The toolbar, the constants' sliders (grouped by sector), and the status line.
// Layer: workbench/ui/panels (ImGui). No Lua.
#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <filesystem>

#include "solver/io/local_profile.hpp"
#include "workbench/app/format.hpp"
#include "workbench/app/quantity.hpp"
#include "workbench/ui/canvas.hpp"
#include "workbench/ui/latency_probe.hpp"
#include "workbench/ui/panels/menus.hpp"
#include "workbench/ui/panels/panels.hpp"
#include "workbench/ui/theme.hpp"
#include "workbench/ui/workbench.hpp"

namespace sdw::ui {

namespace {

bool toolButton(const char* label, const char* tip, bool active, ImU32 swatch) {
    if (active) ImGui::PushStyleColor(ImGuiCol_Button, ImGui::GetStyle().Colors[ImGuiCol_ButtonActive]);
    const ImVec2 p = ImGui::GetCursorScreenPos();
    const float h = ImGui::GetFrameHeight();
    const bool clicked = ImGui::Button(label, ImVec2(0, h));
    if (swatch)
        ImGui::GetWindowDrawList()->AddRectFilled(
            ImVec2(p.x + 3, p.y + h - 4), ImVec2(ImGui::GetItemRectMax().x - 3, p.y + h - 1), swatch, 1);
    if (active) ImGui::PopStyleColor();
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tip);
    return clicked;
}

void toolButtons(Workbench& wb) {
    const auto& pal = theme::palette();
    struct ToolButton {
        const char* label;
        const char* tip;
        Tool tool;
        ImU32 swatch;
    };
    const ToolButton tools[] = {
        {"Select", "Select, move, rubber-band (V)", Tool::Select, 0},
        {"Stock", "Place a stock (S)", Tool::Stock, pal.stockBorder},
        {"Flow", "Drag from a stock or empty space to draw a flow (F)", Tool::Flow, pal.flowPipe},
        {"Auxiliary", "Place an auxiliary or constant (A)", Tool::Aux, pal.auxBorder},
        {"Connector", "Drag from one variable to another (C)", Tool::Connector, pal.connector},
        {"Alias", "Drag from a variable to where a copy of it (an alias, or ghost) should sit (G)",
         Tool::Alias, pal.alias},
    };
    for (const auto& t : tools) {
        if (toolButton(t.label, t.tip, wb.tool == t.tool, t.swatch)) wb.tool = t.tool;
        ImGui::SameLine();
    }
}

}  // namespace

void ToolbarPanel::draw(Workbench& wb) {
    wb.diagramHasKeyboard(ImGui::IsWindowFocused());
    auto& s = wb.session();
    ImGui::SetCursorPosY((ImGui::GetWindowHeight() - ImGui::GetFrameHeight()) / 2);
    toolButtons(wb);
    ImGui::SameLine(0, ImGui::GetFontSize() * 1.5f);
    if (toolButton("Undo", "Ctrl+Z", false, 0)) s.doc().undo();
    ImGui::SameLine();
    if (toolButton("Redo", "Ctrl+Y", false, 0)) s.doc().redo();
    ImGui::SameLine();
    if (toolButton("Delete", "Delete the selection (Del)", false, 0)) wb.deleteSelection();
    ImGui::SameLine();
    ImGui::Checkbox("Snap", &wb.snap);
    ImGui::SameLine(0, ImGui::GetFontSize() * 1.5f);
    if (toolButton("Run", "Re-run now (runs also follow every edit)", false, 0)) s.rerun();
    ImGui::SameLine();
    if (toolButton("Keep run", "Keep this run for comparison (the first kept is the baseline)", false, 0)) {
        s.keepRun("");
        wb.showPanel<ComparePanel>();
    }
    ImGui::SameLine();
    if (toolButton("Present", "Presentation mode (F5; Esc leaves)", false, 0)) wb.present();
    // The model's name, right-aligned.
    std::string title = s.doc().project().name.empty() ? "Untitled" : s.doc().project().name;
    if (s.doc().dirty()) title += "  (unsaved)";
    ImGui::PushFont(theme::fonts().bold);
    const float tw = ImGui::CalcTextSize(title.c_str()).x;
    ImGui::SameLine(
        std::max(ImGui::GetCursorPosX() + 10, ImGui::GetWindowWidth() - tw - ImGui::GetFontSize() * 1.5f));
    ImGui::TextUnformatted(title.c_str());
    ImGui::PopFont();
}

void ConstantsPanel::draw(Workbench& wb) {
    auto& s = wb.session();
    ImGui::SetNextItemWidth(-ImGui::GetFontSize() * 4);
    ImGui::InputTextWithHint("##filter", "Filter inputs...", m_filter, sizeof m_filter);
    ImGui::SameLine();
    if (ImGui::Button("Reset")) s.resetInputs();
    if (s.inputs().empty())
        ImGui::TextDisabled(s.compiled() ? "No constants in this model." : "Waiting for the model...");
    ImGui::BeginChild("##sliders");
    std::string group;
    bool open = true;
    for (size_t i = 0; i < s.inputs().size(); ++i) {
        const auto& in = s.inputs()[i];
        if (*m_filter && app::displayName(in.name).find(m_filter) == std::string::npos &&
            in.name.find(m_filter) == std::string::npos)
            continue;
        if (in.group != group) {
            group = in.group;
            ImGui::PushFont(theme::fonts().bold);
            open = ImGui::CollapsingHeader(group.c_str(), ImGuiTreeNodeFlags_DefaultOpen);
            ImGui::PopFont();
            if (open && group == io::kProfileGroup) profileButtons(wb);
        }
        if (open) slider(wb, i);
    }
#if !defined(SDW_HAVE_PLUGINS)
    ImGui::TextDisabled("Policy levers (Lua plugins) need a build with the plugin host.");
#endif
    ImGui::EndChild();
}

// Under the local profile's header: load a council's profile CSV onto these sliders, or save them as one.
void ConstantsPanel::profileButtons(Workbench& wb) {
    namespace fs = std::filesystem;
    const std::string dir = wb.session().doc().path().empty()
                                ? fs::current_path().string()
                                : fs::path(wb.session().doc().path()).parent_path().string();
    if (ImGui::SmallButton("Load profile...")) wb.fileDialog().open(FileAction::LoadProfile, dir + "/");
    ImGui::SameLine();
    if (ImGui::SmallButton("Save profile..."))
        wb.fileDialog().open(FileAction::SaveProfile, (fs::path(dir) / "profile.csv").string());
    if (ImGui::IsItemHovered())
        ImGui::SetTooltip(
            "A CSV a finance team can fill in: name, value, units, source (sdw run --profile reads it)");
}

// One constant: its name (orange when moved; right-click for what presentation shows), then its slider
// (double-click puts the model's value back).
void ConstantsPanel::slider(Workbench& wb, size_t index) {
    auto& s = wb.session();
    auto& in = s.inputs()[index];
    ImGui::PushID(static_cast<int>(index));
    const bool changed = in.value != in.base;
    if (changed) ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.75f, 0.38f, 0.05f, 1));
    if (ImGui::Selectable(app::displayName(in.name).c_str(), wb.isSelected(in.name))) {
        wb.select(in.name);
        wb.panel<CanvasPanel>().centreOn(in.name);
    }
    if (ImGui::BeginPopupContextItem("##inputmenu")) {  // right-click: choose what presentation shows
        ImGui::MenuItem("Show in presentation mode", nullptr, &in.present);
        if (ImGui::MenuItem("Reset to model value")) {
            in.value = in.base;
            s.inputsChanged();
        }
        if (ImGui::MenuItem("Plot in chart 1")) s.addToChart(in.name, 0);
        ImGui::EndPopup();
    }
    if (in.present) {
        ImGui::SameLine();
        ImGui::TextDisabled("(presented)");
    }
    if (changed) ImGui::PopStyleColor();
    // A refused value's reason on the name's line: a line of its own would push the sliders below it down
    // under the pointer.
    if (const auto r = m_refused.find(in.name); r != m_refused.end()) {
        ImGui::SameLine();
        ImGui::TextColored(ImVec4(0.78f, 0.18f, 0.18f, 1), "not taken");
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", r->second.c_str());
    }
    const float boxW = ImGui::GetFontSize() * 6.5f;
    ImGui::SetNextItemWidth(ImGui::GetContentRegionAvail().x - boxW - ImGui::GetStyle().ItemSpacing.x);
    double lo = in.min, hi = in.max;
    // The value is in the box beside the slider, where the knob cannot cover it.
    if (ImGui::SliderScalar("##v", ImGuiDataType_Double, &in.value, &lo, &hi, "")) {
        m_refused.erase(in.name);
        s.inputsChanged();
    }
    if (ImGui::IsItemHovered() && ImGui::IsMouseDoubleClicked(ImGuiMouseButton_Left)) {
        in.value = in.base;
        s.inputsChanged();
    }
    if (ImGui::IsItemHovered() && !in.units.empty()) ImGui::SetTooltip("%s", in.units.c_str());
    ImGui::SameLine();
    valueBox(wb, index, boxW);
    ImGui::PopID();
}

// The slider's value as text to type over: taken on Enter or when the box is left, if it is a number in
// the slider's range; else refused, with the reason on the name's line and the status line.
void ConstantsPanel::valueBox(Workbench& wb, size_t index, float width) {
    auto& s = wb.session();
    auto& in = s.inputs()[index];
    std::string& text = m_boxText[in.name];
    if (m_activeBox != in.name) text = app::readableNumber(in.value);
    ImGui::SetNextItemWidth(width);
    ImGui::InputText("##box", &text, ImGuiInputTextFlags_AutoSelectAll);
    m_boxRects[in.name] = ImVec4(ImGui::GetItemRectMin().x, ImGui::GetItemRectMin().y,
                                 ImGui::GetItemRectMax().x, ImGui::GetItemRectMax().y);
    if (ImGui::IsItemActive())
        m_activeBox = in.name;
    else if (m_activeBox == in.name)
        m_activeBox.clear();
    if (ImGui::IsItemHovered())
        ImGui::SetTooltip("Type a value (%s to %s) and press Enter", app::withUnits(in.min, in.units).c_str(),
                          app::withUnits(in.max, in.units).c_str());
    if (!ImGui::IsItemDeactivatedAfterEdit()) return;
    std::string error;
    if (s.typeInput(index, text, error)) {
        m_refused.erase(in.name);
    } else {
        m_refused[in.name] = error;
        s.setStatus("Not taken: " + error);
    }
}

std::optional<ImVec4> ConstantsPanel::valueBox(const std::string& input) const {
    const auto it = m_boxRects.find(input);
    if (it == m_boxRects.end()) return std::nullopt;
    return it->second;
}

std::string ConstantsPanel::refusal(const std::string& input) const {
    const auto it = m_refused.find(input);
    return it == m_refused.end() ? "" : it->second;
}

void StatusPanel::draw(Workbench& wb) {
    wb.diagramHasKeyboard(ImGui::IsWindowFocused());  // nothing to type into here (focused at start-up)
    const auto& s = wb.session();
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(s.status().c_str());
    const size_t errors = s.diagnostics().errorCount(), warnings = s.diagnostics().warningCount();
    char right[200];
    std::snprintf(right, sizeof right, "%s  %s   |   %s   |   %s", app::counted(errors, "error").c_str(),
                  app::counted(warnings, "warning").c_str(),
                  app::counted(s.doc().model().variables.size(), "variable").c_str(),
                  s.doc().path().empty() ? "not saved yet" : s.doc().path().c_str());
    char latency[80] = "";
    if (const auto* probe = wb.latencyProbe(); probe && probe->done())
        std::snprintf(latency, sizeof latency, "slider to screen: %.1f ms (%d frame%s)   |   ",
                      probe->screenMs(), probe->frames(), probe->frames() == 1 ? "" : "s");
    const std::string all = std::string(latency) + right;
    ImGui::SameLine(std::max(ImGui::GetCursorPosX() + 20,
                             ImGui::GetWindowWidth() - ImGui::CalcTextSize(all.c_str()).x - 14));
    if (errors) ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.78f, 0.2f, 0.2f, 1));
    ImGui::TextUnformatted(all.c_str());
    if (errors) ImGui::PopStyleColor();
}

}  // namespace sdw::ui
