// Presentation mode for trainers: full screen, large type, no editing chrome; the chosen charts and sliders
// only; play the run, or step through it. Layer: workbench/ui/panels (ImGui). No Lua.
#include <algorithm>
#include <cmath>

#include "workbench/app/format.hpp"
#include "workbench/ui/theme.hpp"
#include "workbench/ui/workbench.hpp"

namespace sdw::ui {

namespace {
constexpr int kSteps = 20;  // "Step" moves the time marker by a twentieth of the run

}  // namespace

void drawPresentation(Workbench& wb, ImVec2 display) {
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(display);
    ImGui::PushFont(theme::fonts().large);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(28, 20));
    ImGui::Begin("##present", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings);
    ImGui::PopStyleVar();
    const float fs = ImGui::GetFontSize();
    ImGui::TextUnformatted(wb.doc.project().name.c_str());
    const bool has = !wb.timeColumn.empty();
    const double t0 = has ? wb.timeColumn.front() : 0, t1 = has ? wb.timeColumn.back() : 1;
    ImGui::SameLine(display.x - fs * 22);
    if (ImGui::Button(wb.playing ? "Pause" : "Play") && has) {
        if (!wb.playing && wb.scrubTime >= t1) wb.scrubTime = t0;
        wb.playing = !wb.playing;
    }
    ImGui::SameLine();
    if (ImGui::Button("Step") && has) {
        wb.playing = false;
        wb.scrubTime = std::min(t1, (wb.scrubTime >= t1 ? t0 : wb.scrubTime) + (t1 - t0) / kSteps);
    }
    ImGui::SameLine();
    if (ImGui::Button("Reset")) wb.scrubTime = t0, wb.playing = false;
    ImGui::SameLine();
    if (ImGui::Button("Exit")) wb.presentMode = false;
    ImGui::Text("%s %.0f of %.0f",
                wb.doc.project().specs.timeUnits.empty() ? "Time" : wb.doc.project().specs.timeUnits.c_str(),
                wb.scrubTime, t1);
    ImGui::Separator();

    const float sliderW = fs * 16;
    ImGui::BeginChild("##presentSliders", ImVec2(sliderW, 0));
    for (size_t i = 0; i < wb.inputs.size(); ++i) {
        auto& in = wb.inputs[i];
        if (!in.present) continue;
        ImGui::PushID(static_cast<int>(i));
        ImGui::TextWrapped(
            "%s", app::displayName(in.name).c_str());  // large type, like the rest: read from the back
        ImGui::SetNextItemWidth(-1);
        double lo = in.min, hi = in.max;
        if (ImGui::SliderScalar("##v", ImGuiDataType_Double, &in.value, &lo, &hi, app::sliderFormat(lo, hi)))
            wb.sliderMoved();
        ImGui::Spacing();
        ImGui::PopID();
    }
    ImGui::EndChild();
    ImGui::SameLine();
    ImGui::BeginChild("##presentCharts");
    drawChartsTab(wb, ImGui::GetContentRegionAvail(),
                  true);  // large type here too: legible from the back row
    ImGui::EndChild();
    ImGui::End();
    ImGui::PopFont();
}

}  // namespace sdw::ui
