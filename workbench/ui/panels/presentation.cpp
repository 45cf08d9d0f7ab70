// Presentation mode for trainers: full screen, large type, no editing chrome; the chosen charts and sliders
// only; play the run, or step through it. Layer: workbench/ui/panels (ImGui). No Lua.
#include <algorithm>

#include "workbench/app/comparison.hpp"
#include "workbench/app/format.hpp"
#include "workbench/ui/panels/charts_panel.hpp"
#include "workbench/ui/panels/panels.hpp"
#include "workbench/ui/workbench.hpp"

namespace sdw::ui {

namespace {
constexpr int kSteps = 20;  // "Step" moves the time marker by a twentieth of the run
}  // namespace

void PresentationPanel::draw(Workbench& wb) {
    auto& s = wb.session();
    auto& play = s.playback();
    const float fs = ImGui::GetFontSize();
    ImGui::TextUnformatted(s.doc().project().name.c_str());
    const bool has = !s.timeColumn().empty();
    const double t0 = has ? s.timeColumn().front() : 0, t1 = has ? s.timeColumn().back() : 1;
    ImGui::SameLine(ImGui::GetWindowWidth() - fs * 22);
    if (ImGui::Button(play.playing ? "Pause" : "Play")) s.togglePlay();
    ImGui::SameLine();
    if (ImGui::Button("Step") && has) {
        play.playing = false;
        play.time = std::min(t1, (play.time >= t1 ? t0 : play.time) + (t1 - t0) / kSteps);
    }
    ImGui::SameLine();
    if (ImGui::Button("Reset")) play.time = t0, play.playing = false;
    ImGui::SameLine();
    if (ImGui::Button("Exit")) wb.mode = Mode::Edit;
    ImGui::Text("%s (to %s)", app::describeTime(s.doc().project().specs, play.time).c_str(),
                app::describeTime(s.doc().project().specs, t1).c_str());
    ImGui::Separator();

    ImGui::BeginChild("##presentSliders", ImVec2(fs * 16, 0));
    for (size_t i = 0; i < s.inputs().size(); ++i) {
        auto& in = s.inputs()[i];
        if (!in.present) continue;
        ImGui::PushID(static_cast<int>(i));
        ImGui::TextWrapped(
            "%s", app::displayName(in.name).c_str());  // large type, like the rest: read from the back
        ImGui::SetNextItemWidth(-1);
        double lo = in.min, hi = in.max;
        if (ImGui::SliderScalar("##v", ImGuiDataType_Double, &in.value, &lo, &hi, app::sliderFormat(lo, hi)))
            s.inputsChanged();
        ImGui::Spacing();
        ImGui::PopID();
    }
    ImGui::EndChild();
    ImGui::SameLine();
    ImGui::BeginChild("##presentCharts");
    wb.panel<ChartsPanel>().drawCharts(wb, ImGui::GetContentRegionAvail(), true);  // large type: the back row
    ImGui::EndChild();
}

}  // namespace sdw::ui
