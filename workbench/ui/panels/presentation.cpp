// Presentation mode for trainers (presentation_panel.hpp): the header with play, step, speed and the time;
// the sliders chosen for it; the diagram with its readouts above the charts. Layer: workbench/ui/panels
// (ImGui). No Lua.
#include <imgui.h>

#include <algorithm>
#include <array>
#include <cmath>

#include "workbench/app/comparison.hpp"
#include "workbench/app/format.hpp"
#include "workbench/ui/panels/charts_panel.hpp"
#include "workbench/ui/panels/presentation_panel.hpp"
#include "workbench/ui/theme.hpp"
#include "workbench/ui/workbench.hpp"

namespace sdw::ui {

namespace {
constexpr int kSteps = 20;  // "Step" moves the time marker by a twentieth of the run
// How long Play takes over the whole run, in seconds: the trainer's choices.
constexpr std::array<double, 8> kSpeeds = {2, 5, 10, 15, 20, 30, 60, 120};
}  // namespace

void PresentationPanel::header(Workbench& wb) {
    auto& s = wb.session();
    auto& play = s.playback();
    const float fs = ImGui::GetFontSize();
    ImGui::TextUnformatted(s.doc().project().name.c_str());
    const bool has = !s.timeColumn().empty();
    const double t0 = has ? s.timeColumn().front() : 0, t1 = has ? s.timeColumn().back() : 1;
    ImGui::SameLine(ImGui::GetWindowWidth() - fs * 13);
    if (ImGui::Button(play.playing ? "Pause" : "Play")) s.togglePlay();
    ImGui::SameLine();
    if (ImGui::Button("Step") && has) {
        play.playing = false;
        play.time = std::min(t1, (play.time >= t1 ? t0 : play.time) + (t1 - t0) / kSteps);
    }
    ImGui::SameLine();
    if (ImGui::Button("Reset")) s.rewindPlayback();
    ImGui::SameLine();
    if (ImGui::Button("Exit")) wb.mode = Mode::Edit;
    const auto& specs = s.doc().project().specs;
    ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(theme::palette().timeCursor), "%s",
                       app::describeTime(specs, play.time).c_str());
    ImGui::SameLine();
    ImGui::TextDisabled("of %s", app::describeTime(specs, t1).c_str());
    // The speed in steps a trainer can click through (a slider's knob would cover its own value).
    ImGui::SameLine(ImGui::GetWindowWidth() - fs * 13);
    const auto step = [&](int dir) {
        if (dir < 0) {  // slower: the next longer time on the ladder
            const auto it = std::upper_bound(kSpeeds.begin(), kSpeeds.end(), play.seconds);
            play.seconds = it == kSpeeds.end() ? kSpeeds.back() : *it;
        } else {  // faster: the next shorter
            const auto it = std::lower_bound(kSpeeds.begin(), kSpeeds.end(), play.seconds);
            play.seconds = it == kSpeeds.begin() ? kSpeeds.front() : *(it - 1);
        }
    };
    if (ImGui::Button("-##slower")) step(-1);
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Slower");
    ImGui::SameLine();
    ImGui::Text("run in %.0f s", play.seconds);
    ImGui::SameLine();
    if (ImGui::Button("+##faster")) step(+1);
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Faster: Play shows the whole run in fewer seconds");
    ImGui::Separator();
}

void PresentationPanel::sliders(Workbench& wb) {
    auto& s = wb.session();
    for (size_t i = 0; i < s.inputs().size(); ++i) {
        auto& in = s.inputs()[i];
        if (!in.present) continue;
        ImGui::PushID(static_cast<int>(i));
        ImGui::TextWrapped("%s", app::displayName(in.name).c_str());  // large type: read from the back
        ImGui::SetNextItemWidth(-1);
        double lo = in.min, hi = in.max;
        if (ImGui::SliderScalar("##v", ImGuiDataType_Double, &in.value, &lo, &hi, app::sliderFormat(lo, hi)))
            s.inputsChanged();
        ImGui::Spacing();
        ImGui::PopID();
    }
}

// The whole diagram fitted to its place, the flows moving at their rates, the readouts over it.
void PresentationPanel::diagram(Workbench& wb, ImVec2 size) {
    m_canvas.origin = ImGui::GetCursorScreenPos();
    if (size.x != m_fitted.x || size.y != m_fitted.y) {
        fitToView(m_canvas, wb.session().doc(), size, true);
        m_fitted = size;
    }
    ImGui::Dummy(size);
    DiagramLayers layers(m_canvas.origin, size);
    drawDiagram(wb, m_canvas, layers, size, "");
    drawFlowMotion(wb, m_canvas, layers.list(), ImGui::GetTime());
    m_readings = drawReadings(wb, m_canvas, layers.list(), size);
}

void PresentationPanel::draw(Workbench& wb) {
    header(wb);
    const bool anySlider = std::any_of(wb.session().inputs().begin(), wb.session().inputs().end(),
                                       [](auto& i) { return i.present; });
    if (anySlider) {
        ImGui::BeginChild("##presentSliders", ImVec2(ImGui::GetFontSize() * 14, 0));
        sliders(wb);
        ImGui::EndChild();
        ImGui::SameLine();
    }
    ImGui::BeginChild("##presentMain");
    const ImVec2 avail = ImGui::GetContentRegionAvail();
    const float diagramH = std::floor(avail.y * 0.55f);
    diagram(wb, ImVec2(avail.x, diagramH));
    ImGui::SetCursorScreenPos(ImVec2(m_canvas.origin.x, m_canvas.origin.y + diagramH + 8));
    wb.panel<ChartsPanel>().drawCharts(wb, ImVec2(avail.x, avail.y - diagramH - 8), true);
    ImGui::EndChild();
}

}  // namespace sdw::ui
