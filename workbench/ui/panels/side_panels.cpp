// The toolbar, the inputs panel (sliders for constants, grouped by sector), and the status bar.
// Layer: workbench/ui/panels (ImGui). No Lua: plugin levers draw through Workbench::leverPanelHook.
#include <algorithm>
#include <cmath>
#include <cstring>
#include <map>

#include "workbench/app/format.hpp"
#include "workbench/ui/theme.hpp"
#include "workbench/ui/workbench.hpp"

namespace sdw::ui {

namespace {

constexpr ImGuiWindowFlags kPanelFlags = ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize |
                                         ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoSavedSettings |
                                         ImGuiWindowFlags_NoBringToFrontOnFocus;

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

}  // namespace

void drawToolbar(Workbench& wb, ImVec2 pos, ImVec2 size) {
    ImGui::SetNextWindowPos(pos);
    ImGui::SetNextWindowSize(size);
    ImGui::Begin("##toolbar", nullptr, kPanelFlags | ImGuiWindowFlags_NoDecoration);
    wb.diagramHasKeyboard(ImGui::IsWindowFocused());
    const auto& pal = theme::palette();
    ImGui::SetCursorPosY((size.y - ImGui::GetFrameHeight()) / 2);
    if (toolButton("Select", "Select, move, rubber-band (V)", wb.tool == Tool::Select, 0))
        wb.tool = Tool::Select;
    ImGui::SameLine();
    if (toolButton("Stock", "Place a stock (S)", wb.tool == Tool::Stock, pal.stockBorder))
        wb.tool = Tool::Stock;
    ImGui::SameLine();
    if (toolButton("Flow", "Drag from a stock or empty space to draw a flow (F)", wb.tool == Tool::Flow,
                   pal.flowPipe))
        wb.tool = Tool::Flow;
    ImGui::SameLine();
    if (toolButton("Auxiliary", "Place an auxiliary or constant (A)", wb.tool == Tool::Aux, pal.auxBorder))
        wb.tool = Tool::Aux;
    ImGui::SameLine();
    if (toolButton("Connector", "Drag from one variable to another (C)", wb.tool == Tool::Connector,
                   pal.connector))
        wb.tool = Tool::Connector;
    ImGui::SameLine();
    if (toolButton("Alias", "Drag from a variable to where a copy of it (an alias, or ghost) should sit (G)",
                   wb.tool == Tool::Alias, pal.alias))
        wb.tool = Tool::Alias;
    ImGui::SameLine(0, ImGui::GetFontSize() * 1.5f);
    if (toolButton("Undo", "Ctrl+Z", false, 0)) wb.doc.undo();
    ImGui::SameLine();
    if (toolButton("Redo", "Ctrl+Y", false, 0)) wb.doc.redo();
    ImGui::SameLine();
    if (toolButton("Delete", "Delete the selection (Del)", false, 0)) wb.deleteSelection();
    ImGui::SameLine();
    ImGui::Checkbox("Snap", &wb.snap);
    ImGui::SameLine(0, ImGui::GetFontSize() * 1.5f);
    if (toolButton("Run", "Re-run now (runs also follow every edit)", false, 0)) wb.rerun();
    ImGui::SameLine();
    if (toolButton("Keep run", "Keep this run for comparison (the first kept is the baseline)", false, 0)) {
        wb.keepRun("");
        wb.bottomTab = BottomTab::Compare;
        wb.forceBottomTab = true;
    }
    ImGui::SameLine();
    if (toolButton("Present", "Presentation mode (F5; Esc leaves)", false, 0)) wb.presentMode = true;
    // The model's name, right-aligned.
    std::string title = wb.doc.project().name.empty() ? "Untitled" : wb.doc.project().name;
    if (wb.doc.dirty()) title += "  (unsaved)";
    ImGui::PushFont(theme::fonts().bold);
    const float tw = ImGui::CalcTextSize(title.c_str()).x;
    ImGui::SameLine(std::max(ImGui::GetCursorPosX() + 10, size.x - tw - ImGui::GetFontSize() * 1.5f));
    ImGui::TextUnformatted(title.c_str());
    ImGui::PopFont();
    ImGui::End();
}

namespace {

void constantSliders(Workbench& wb) {
    static char filter[64] = "";
    ImGui::SetNextItemWidth(-ImGui::GetFontSize() * 4);
    ImGui::InputTextWithHint("##filter", "Filter inputs...", filter, sizeof filter);
    ImGui::SameLine();
    if (ImGui::Button("Reset")) {
        for (auto& in : wb.inputs) in.value = in.base;
        wb.sliderMoved();
    }
    if (wb.inputs.empty())
        ImGui::TextDisabled(wb.compiled ? "No constants in this model." : "Waiting for the model...");
    ImGui::BeginChild("##sliders");
    std::string group;
    bool open = true;
    for (size_t i = 0; i < wb.inputs.size(); ++i) {
        auto& in = wb.inputs[i];
        if (*filter && app::displayName(in.name).find(filter) == std::string::npos &&
            in.name.find(filter) == std::string::npos)
            continue;
        if (in.group != group) {
            group = in.group;
            ImGui::PushFont(theme::fonts().bold);
            open = ImGui::CollapsingHeader(group.c_str(), ImGuiTreeNodeFlags_DefaultOpen);
            ImGui::PopFont();
        }
        if (!open) continue;
        ImGui::PushID(static_cast<int>(i));
        const bool changed = in.value != in.base;
        if (changed) ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.75f, 0.38f, 0.05f, 1));
        if (ImGui::Selectable(app::displayName(in.name).c_str(), wb.isSelected(in.name))) {
            wb.select(in.name);
            wb.requestCanvasFocus = in.name;
        }
        if (ImGui::BeginPopupContextItem("##inputmenu")) {  // right-click: choose what presentation shows
            ImGui::MenuItem("Show in presentation mode", nullptr, &in.present);
            if (ImGui::MenuItem("Reset to model value")) {
                in.value = in.base;
                wb.sliderMoved();
            }
            if (ImGui::MenuItem("Plot in chart 1")) wb.addToChart(in.name, 0);
            ImGui::EndPopup();
        }
        if (in.present) {
            ImGui::SameLine();
            ImGui::TextDisabled("(presented)");
        }
        if (changed) ImGui::PopStyleColor();
        ImGui::SetNextItemWidth(-1);
        double lo = in.min, hi = in.max;
        const std::string fmt = std::string(app::sliderFormat(in.min, in.max)) + " " + in.units;
        if (ImGui::SliderScalar("##v", ImGuiDataType_Double, &in.value, &lo, &hi, fmt.c_str()))
            wb.sliderMoved();
        if (ImGui::IsItemHovered() && ImGui::IsMouseDoubleClicked(ImGuiMouseButton_Left)) {
            in.value = in.base;
            wb.sliderMoved();
        }
        ImGui::PopID();
    }
    if (!wb.leverPanelHook)
        ImGui::TextDisabled("Policy levers (Lua plugins) need a build with the plugin host.");
    ImGui::EndChild();
}

}  // namespace

// Two tabs when the plugin host is built: the policy levers (for strategy leads) and the model's constants.
void drawInputsPanel(Workbench& wb, ImVec2 pos, ImVec2 size) {
    ImGui::SetNextWindowPos(pos);
    ImGui::SetNextWindowSize(size);
    ImGui::Begin("Inputs", nullptr, kPanelFlags);
    if (!wb.leverPanelHook) {
        constantSliders(wb);
        ImGui::End();
        return;
    }
    const auto want = wb.inputsTab;  // read before the tabs below report which one is open
    auto flag = [&](InputsTab t) {
        return wb.forceInputsTab && want == t ? ImGuiTabItemFlags_SetSelected : ImGuiTabItemFlags_None;
    };
    if (ImGui::BeginTabBar("##inputtabs")) {
        if (ImGui::BeginTabItem("Policy levers", nullptr, flag(InputsTab::Levers))) {
            wb.inputsTab = InputsTab::Levers;
            ImGui::BeginChild("##levers");
            wb.leverPanelHook(wb);
            ImGui::EndChild();
            ImGui::EndTabItem();
        }
        if (ImGui::BeginTabItem("Model constants", nullptr, flag(InputsTab::Constants))) {
            wb.inputsTab = InputsTab::Constants;
            constantSliders(wb);
            ImGui::EndTabItem();
        }
        ImGui::EndTabBar();
    }
    wb.forceInputsTab = false;
    ImGui::End();
}

void drawStatusBar(Workbench& wb, ImVec2 pos, ImVec2 size) {
    ImGui::SetNextWindowPos(pos);
    ImGui::SetNextWindowSize(size);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(10, 2));
    ImGui::Begin("##status", nullptr, kPanelFlags | ImGuiWindowFlags_NoDecoration);
    ImGui::PopStyleVar();
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(wb.status.c_str());
    const size_t errors = wb.diagnostics.errorCount(), warnings = wb.diagnostics.warningCount();
    char right[200];
    std::snprintf(right, sizeof right, "%zu errors  %zu warnings   |   %zu variables   |   %s", errors,
                  warnings, wb.doc.model().variables.size(),
                  wb.doc.path().empty() ? "not saved yet" : wb.doc.path().c_str());
    char latency[80] = "";
    if (wb.lastLatencyMs >= 0)
        std::snprintf(latency, sizeof latency, "slider to screen: %.1f ms (%d frame%s)   |   ",
                      wb.lastLatencyMs, wb.lastLatencyFrames, wb.lastLatencyFrames == 1 ? "" : "s");
    const std::string all = std::string(latency) + right;
    ImGui::SameLine(std::max(ImGui::GetCursorPosX() + 20, size.x - ImGui::CalcTextSize(all.c_str()).x - 14));
    if (errors) ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.78f, 0.2f, 0.2f, 1));
    ImGui::TextUnformatted(all.c_str());
    if (errors) ImGui::PopStyleColor();
    ImGui::End();
}

}  // namespace sdw::ui
