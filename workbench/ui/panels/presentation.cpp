// Presentation mode for trainers (presentation_panel.hpp): the header with play, step, speed and the time;
// the sliders chosen for it; a sector of the diagram with its readouts beside the charts. Layer:
// workbench/ui/panels (ImGui). No Lua.
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
    // "week 12 of 520" (a calendar: "of 3 Jan 2035 (week 522)"), not "of week 520".
    ImGui::TextDisabled("of %s", app::Calendar::of(specs) ? app::describeTime(specs, t1).c_str()
                                                          : app::readableNumber(t1).c_str());
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

std::vector<const model::ViewObject*> PresentationPanel::sectors(const Workbench& wb) {
    std::vector<const model::ViewObject*> out;
    for (const auto& o : wb.session().doc().view().objects)
        if (o.kind == model::ViewObject::Kind::Group && o.width.value_or(0) > 0 && o.height.value_or(0) > 0)
            out.push_back(&o);
    return out;
}

void PresentationPanel::showSector(const Workbench& wb, int index) {
    const int n = static_cast<int>(sectors(wb).size());
    m_sector = n == 0 ? -1 : std::clamp(index, -1, n - 1);
}

// Which sector: the previous and next (PageUp, PageDown or the arrows: a presenter's clicker), its name in
// large type, the whole diagram.
void PresentationPanel::sectorBar(Workbench& wb) {
    // Sectors or loops: the buttons, or L (a trainer's keyboard; not while typing).
    const bool typing = ImGui::GetIO().WantTextInput;
    if (ImGui::RadioButton("Sectors", !m_loopsMode)) m_loopsMode = false;
    ImGui::SameLine();
    if (ImGui::RadioButton("Loops", m_loopsMode)) m_loopsMode = true;
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Step through the model's key feedback loops (L)");
    if (!typing && ImGui::IsKeyPressed('L')) m_loopsMode = !m_loopsMode;
    ImGui::SameLine();
    if (m_loopsMode) return loopBar(wb);
    const auto all = sectors(wb);
    if (all.empty()) return void(m_sector = -1);
    const int n = static_cast<int>(all.size());
    if (m_sector >= n) m_sector = n - 1;
    const auto key = [](ImGuiKey k) { return ImGui::IsKeyPressed(ImGui::GetKeyIndex(k)); };
    if (ImGui::Button("<##sector") || (!typing && (key(ImGuiKey_PageUp) || key(ImGuiKey_LeftArrow))))
        m_sector = m_sector <= 0 ? (m_sector == 0 ? -1 : n - 1) : m_sector - 1;
    ImGui::SameLine();
    if (ImGui::Button(">##sector") || (!typing && (key(ImGuiKey_PageDown) || key(ImGuiKey_RightArrow))))
        m_sector = m_sector >= n - 1 ? -1 : m_sector + 1;
    ImGui::SameLine();
    ImGui::PushFont(theme::fonts().largeBold ? theme::fonts().largeBold : ImGui::GetFont());
    ImGui::TextUnformatted(m_sector < 0 ? "The whole system"
                                        : all[static_cast<size_t>(m_sector)]->name.c_str());
    ImGui::PopFont();
    ImGui::SameLine();
    ImGui::TextDisabled(m_sector < 0 ? "(PageDown: one sector at a time)" : "(%d of %d; PageDown: next)",
                        m_sector + 1, n);
}

// The sector shown (or the whole diagram) fitted to its place, the rest dimmed; the flows moving at their
// rates; the readouts over the sector only.
void PresentationPanel::diagram(Workbench& wb, ImVec2 size) {
    m_canvas.origin = ImGui::GetCursorScreenPos();
    const auto all = sectors(wb);
    const int shown = m_loopsMode ? -1 : m_sector;  // a loop is shown on the whole diagram
    const model::ViewObject* sector =
        shown >= 0 && shown < static_cast<int>(all.size()) ? all[static_cast<size_t>(shown)] : nullptr;
    const std::optional<ImVec4> loop = m_loopsMode ? loopBox(wb) : std::nullopt;
    const int loopKey = loop ? static_cast<int>(m_loop) : -1;
    if (size.x != m_fitted.x || size.y != m_fitted.y || m_fittedSector != shown || m_fittedLoop != loopKey) {
        m_fittedLoop = loopKey;
        if (loop)  // the loop fitted large, its neighbours around it
            fitToBox(m_canvas, loop->x, loop->y, loop->z, loop->w, size);
        else if (sector)
            fitToBox(m_canvas, sector->x - *sector->width / 2, sector->y - *sector->height / 2,
                     sector->x + *sector->width / 2, sector->y + *sector->height / 2, size);
        else
            fitToView(m_canvas, wb.session().doc(), size, true);
        m_fitted = size;
        m_fittedSector = shown;
    }
    ImGui::Dummy(size);
    const ImVec2 end(m_canvas.origin.x + size.x, m_canvas.origin.y + size.y);
    m_sectorRect = ImVec4(m_canvas.origin.x, m_canvas.origin.y, end.x, end.y);
    if (sector) {
        const ImVec2 a = m_canvas.toScreen(sector->x - *sector->width / 2, sector->y - *sector->height / 2);
        const ImVec2 b = m_canvas.toScreen(sector->x + *sector->width / 2, sector->y + *sector->height / 2);
        m_sectorRect = ImVec4(std::max(a.x, m_canvas.origin.x), std::max(a.y, m_canvas.origin.y),
                              std::min(b.x, end.x), std::min(b.y, end.y));
    }
    // The readings are placed first: the diagram leaves out the names they show.
    m_readings = placeReadings(wb, m_canvas, size, m_sectorRect);
    m_canvas.namedByReadings.clear();
    for (const Reading& r : m_readings) m_canvas.namedByReadings.push_back(r.name);
    DiagramLayers layers(m_canvas.origin, size);
    drawDiagram(wb, m_canvas, layers, size, "");
    drawFlowMotion(wb, m_canvas, layers.list(), ImGui::GetTime());
    if (sector) {  // the neighbours' edges dimmed: the room looks at this sector
        ImDrawList* dl = layers.list();
        const ImU32 veil = IM_COL32(246, 245, 240, 215);
        dl->AddRectFilled(m_canvas.origin, ImVec2(end.x, m_sectorRect.y), veil);
        dl->AddRectFilled(ImVec2(m_canvas.origin.x, m_sectorRect.w), end, veil);
        dl->AddRectFilled(ImVec2(m_canvas.origin.x, m_sectorRect.y), ImVec2(m_sectorRect.x, m_sectorRect.w),
                          veil);
        dl->AddRectFilled(ImVec2(m_sectorRect.z, m_sectorRect.y), ImVec2(end.x, m_sectorRect.w), veil);
    }
    drawReadings(layers.list(), m_readings);
}

void PresentationPanel::draw(Workbench& wb) {
    if (m_loopsMode) adoptLoopScores(wb);
    header(wb);
    sectorBar(wb);
    highlightLoop(wb);
    const bool anySlider = std::any_of(wb.session().inputs().begin(), wb.session().inputs().end(),
                                       [](auto& i) { return i.present; });
    if (anySlider) {
        ImGui::BeginChild("##presentSliders", ImVec2(ImGui::GetFontSize() * 12, 0));
        sliders(wb);
        ImGui::EndChild();
        ImGui::SameLine();
    }
    // The diagram and the charts side by side, each at the full height (fewer, larger things to read); a
    // sector wider than tall above them.
    ImGui::BeginChild("##presentMain");
    const ImVec2 avail = ImGui::GetContentRegionAvail();
    const ImVec2 gap = ImGui::GetStyle().ItemSpacing;
    const auto all = sectors(wb);
    const bool wide =
        !m_loopsMode && m_sector >= 0 && m_sector < static_cast<int>(all.size()) &&
        *all[static_cast<size_t>(m_sector)]->width > 1.4 * *all[static_cast<size_t>(m_sector)]->height;
    if (wide) {
        const float diagramH = std::floor(avail.y * 0.58f);
        diagram(wb, ImVec2(avail.x, diagramH));
        ImGui::SetCursorScreenPos(ImVec2(m_canvas.origin.x, m_canvas.origin.y + diagramH + gap.y));
        wb.panel<ChartsPanel>().drawCharts(wb, ImVec2(avail.x, avail.y - diagramH - gap.y), true, false);
    } else {
        const float diagramW = std::floor(avail.x * 0.56f);
        diagram(wb, ImVec2(diagramW, avail.y));
        ImGui::SetCursorScreenPos(ImVec2(m_canvas.origin.x + diagramW + gap.x, m_canvas.origin.y));
        if (m_loopsMode)
            loopSide(wb, ImVec2(avail.x - diagramW - gap.x, avail.y));
        else
            wb.panel<ChartsPanel>().drawCharts(wb, ImVec2(avail.x - diagramW - gap.x, avail.y), true, true);
    }
    ImGui::EndChild();
}

}  // namespace sdw::ui
