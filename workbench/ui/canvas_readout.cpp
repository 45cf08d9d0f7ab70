// What the diagram reads out besides its symbols: the hover tooltip (value, equation, a sparkline of the run)
// and the time scrubber under the diagram. Layer: workbench/ui (ImGui). No Lua.
#include <algorithm>
#include <cfloat>
#include <cmath>

#include "workbench/app/comparison.hpp"
#include "workbench/app/format.hpp"
#include "workbench/app/quantity.hpp"
#include "workbench/ui/canvas.hpp"
#include "workbench/ui/theme.hpp"

namespace sdw::ui {

void hoverTooltip(const Workbench& wb, const std::string& name) {
    const auto& s = wb.session();
    const auto* v = s.doc().find(s.doc().resolve(name));
    if (!v) return;
    const double t = s.playback().time;
    ImGui::BeginTooltip();
    ImGui::PushFont(theme::fonts().bold);
    ImGui::TextUnformatted(app::displayName(v->name).c_str());
    ImGui::PopFont();
    ImGui::SameLine();
    ImGui::TextDisabled("(%s)", model::varKindName(v->kind));
    const auto& specs = s.doc().project().specs;
    if (auto val = s.valueAt(v->name, t); val && std::isfinite(*val))
        ImGui::Text("%s  on %s", app::withUnits(*val, v->units).c_str(), app::describeTime(specs, t).c_str());
    if (const diag::Diagnostic* error = s.errorIn(v->name)) {
        ImGui::PushTextWrapPos(ImGui::GetFontSize() * 28);
        ImGui::TextColored(ImVec4(0.78f, 0.18f, 0.18f, 1), "%s %s", error->code.c_str(),
                           error->message.c_str());
        ImGui::PopTextWrapPos();
    }
    if (auto from = s.nonFiniteFrom(v->name))
        ImGui::TextColored(ImVec4(0.78f, 0.18f, 0.18f, 1),
                           "No value (NaN or infinite) from %s: see Diagnostics",
                           app::describeTime(specs, *from).c_str());
    ImGui::PushTextWrapPos(ImGui::GetFontSize() * 28);
    ImGui::TextDisabled("= %s", v->gf ? "graphical function" : v->equation.c_str());
    ImGui::PopTextWrapPos();
    if (const auto result = s.result(); result && result->column(v->name) >= 0) {
        const auto col = static_cast<size_t>(result->column(v->name));
        std::vector<float> ys;
        const size_t rows = result->rows(), stride = std::max<size_t>(1, rows / 160);
        for (size_t r = 0; r < rows; r += stride)  // the sparkline skips the times without a value
            if (const double y = result->at(r, col); std::isfinite(y)) ys.push_back(static_cast<float>(y));
        ImGui::PlotLines("##spark", ys.data(), static_cast<int>(ys.size()), 0, nullptr, FLT_MAX, FLT_MAX,
                         ImVec2(ImGui::GetFontSize() * 18, ImGui::GetFontSize() * 3));
    }
    ImGui::EndTooltip();
}

// Play or pause, the time marker as a slider in the model's time units, the zoom, and Fit.
void drawScrubber(Workbench& wb, CanvasState& cs, ImVec2 size) {
    auto& s = wb.session();
    auto& play = s.playback();
    ImGui::SetCursorPos(ImVec2(ImGui::GetCursorPosX() + 8, ImGui::GetCursorPosY() + 6));
    const bool has = !s.timeColumn().empty();
    if (ImGui::Button(play.playing ? "Pause" : "Play", ImVec2(ImGui::GetFontSize() * 4.5f, 0)))
        s.togglePlay();
    ImGui::SameLine();
    // The date (or the model time) of the marker beside the slider, in a box of its own: inside the slider
    // the knob covered it.
    const std::string when = app::describeTime(s.doc().project().specs, play.time);
    const float whenW = ImGui::CalcTextSize("30 Sep 2035 (week 9999)").x;
    ImGui::SetNextItemWidth(std::max(ImGui::GetFontSize() * 6, size.x - ImGui::GetFontSize() * 17 - whenW));
    float t = static_cast<float>(play.time);
    const float t0 = has ? static_cast<float>(s.timeColumn().front()) : 0,
                t1 = has ? static_cast<float>(s.timeColumn().back()) : 1;
    if (ImGui::SliderFloat("##time", &t, t0, t1, "")) {
        play.time = t;
        play.playing = false;
    }
    const auto rectOfItem = [] {
        return ImVec4(ImGui::GetItemRectMin().x, ImGui::GetItemRectMin().y, ImGui::GetItemRectMax().x,
                      ImGui::GetItemRectMax().y);
    };
    cs.scrubberSlider = rectOfItem();
    ImGui::SameLine();
    ImGui::TextUnformatted(when.c_str());
    cs.scrubberLabel = rectOfItem();
    cs.scrubberText = when;
    ImGui::SameLine();
    ImGui::TextDisabled("zoom %.0f%%", cs.zoom * 100);
    ImGui::SameLine();
    if (ImGui::SmallButton("Fit")) cs.fitRequested = cs.fitWhole = true;
    if (ImGui::IsItemHovered())
        ImGui::SetTooltip("The whole diagram (small names are left out: zoom in for them)");
}

}  // namespace sdw::ui
