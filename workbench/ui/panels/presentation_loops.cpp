// Presentation mode's loops (presentation_panel.hpp): one feedback loop at a time, stepped as sectors are,
// highlighted on the whole diagram (each link as thick as its score), with its name, polarity, what it does,
// the loop in charge at the cursor, and its share chart beside the presented charts.
// Layer: workbench/ui/panels (ImGui). No Lua; the scores are the Loops tab's (workbench/app's loop_analysis).
#include <imgui.h>

#include <algorithm>
#include <cmath>

#include "solver/analysis/loop_view.hpp"
#include "workbench/app/comparison.hpp"
#include "workbench/app/format.hpp"
#include "workbench/app/loop_story.hpp"
#include "workbench/ui/panels/charts_panel.hpp"
#include "workbench/ui/panels/loops_panel.hpp"
#include "workbench/ui/panels/presentation_panel.hpp"
#include "workbench/ui/theme.hpp"
#include "workbench/ui/workbench.hpp"

namespace sdw::ui {

namespace {

const ImU32 kReinforcing = IM_COL32(196, 78, 52, 255), kBalancing = IM_COL32(46, 110, 180, 255);

}  // namespace

// The Loops tab's newest scores, as presented: all the loops when the model lists them all (a teaching
// model), else among the named loops (a large model near balance gives long unnamed loops most of every
// share: the county model's README).
void PresentationPanel::adoptLoopScores(Workbench& wb) {
    auto& loops = wb.panel<LoopsPanel>();
    loops.keepScoring();
    const auto all = loops.analysis().scores();
    if (!all || all == m_loopsFrom) return;
    m_loopsFrom = all;
    const auto named = all->list.complete ? nullptr : app::amongNamed(*all);
    m_loopScores = named ? named : all;
    m_periods = analysis::dominance(*m_loopScores);
    m_presented = app::presentedLoops(*m_loopScores, m_periods);
    if (m_loop >= m_presented.size()) m_loop = 0;
}

void PresentationPanel::stepLoop(int dir) {
    const size_t n = m_presented.size();
    if (n == 0) return;
    m_loop = dir > 0 ? (m_loop + 1) % n : (m_loop + n - 1) % n;
}

bool PresentationPanel::showLoop(Workbench& wb, const std::string& idOrName) {
    m_loopsMode = true;
    wb.panel<LoopsPanel>().settle(wb);
    adoptLoopScores(wb);
    if (!m_loopScores) return false;
    const analysis::Loop* l = analysis::findLoop(m_loopScores->list, idOrName);
    if (!l) return false;
    const auto k = static_cast<size_t>(l - m_loopScores->list.loops.data());
    auto it = std::find(m_presented.begin(), m_presented.end(), k);
    if (it == m_presented.end())
        it = m_presented.insert(m_presented.end(), k);  // asked for: stepped through too
    m_loop = static_cast<size_t>(it - m_presented.begin());
    return true;
}

std::string PresentationPanel::loopTitle() const {
    if (!m_loopScores || m_presented.empty()) return "";
    const analysis::Loop& l = m_loopScores->list.loops[m_presented[m_loop]];
    return app::loopLabel(l) + ": " + app::polarityWord(l);
}

// Which loop: the previous and next (PageUp, PageDown or the arrows), its name and polarity in large type,
// the loop in charge at the cursor.
void PresentationPanel::loopBar(Workbench& wb) {
    if (m_presented.empty()) {
        ImGui::TextDisabled(m_loopsFrom
                                ? "No loop to present: the model names none and none leads in this run"
                                : "Scoring the loops (Loops that Matter) ...");
        return;
    }
    const auto key = [](ImGuiKey k) { return ImGui::IsKeyPressed(ImGui::GetKeyIndex(k)); };
    const bool typing = ImGui::GetIO().WantTextInput;
    if (ImGui::Button("<##loop") || (!typing && (key(ImGuiKey_PageUp) || key(ImGuiKey_LeftArrow))))
        stepLoop(-1);
    ImGui::SameLine();
    if (ImGui::Button(">##loop") || (!typing && (key(ImGuiKey_PageDown) || key(ImGuiKey_RightArrow))))
        stepLoop(+1);
    ImGui::SameLine();
    const analysis::Loop& l = m_loopScores->list.loops[m_presented[m_loop]];
    ImGui::PushFont(theme::fonts().largeBold ? theme::fonts().largeBold : ImGui::GetFont());
    ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(
                           l.polarity == analysis::Polarity::Reinforcing ? kReinforcing
                           : l.polarity == analysis::Polarity::Balancing ? kBalancing
                                                                         : IM_COL32(90, 90, 90, 255)),
                       "%s", loopTitle().c_str());
    ImGui::PopFont();
    ImGui::SameLine();
    ImGui::TextDisabled("(loop %zu of %zu; PageDown: next)", m_loop + 1, m_presented.size());
    const size_t row = analysis::rowAt(*m_loopScores, wb.session().playback().time);
    const auto charge = app::inChargeAt(*m_loopScores, m_periods, row);
    ImGui::TextDisabled(
        "%s: %s", app::describeTime(wb.session().doc().project().specs, m_loopScores->times[row]).c_str(),
        charge ? (app::loopLabel(m_loopScores->list.loops[*charge]) + " in charge").c_str()
               : "no loop in charge: nothing changes");
}

// The loop shown, on the diagram: its links thick by their score at the cursor.
void PresentationPanel::highlightLoop(Workbench& wb) {
    wb.loopHighlight.clear();
    wb.loopHighlightLabel.clear();  // the bar above says which loop
    if (!m_loopsMode || !m_loopScores || m_presented.empty()) return;
    const size_t row = analysis::rowAt(*m_loopScores, wb.session().playback().time);
    wb.loopHighlight = app::loopHighlight(*m_loopScores, m_presented[m_loop], row);
}

// What the loop does (the model's words) and its share over the run so far (revealed as the run plays, as
// the presented charts are). In a child window of its own: the diagram drawn before leaves the window's clip
// rectangle on itself.
void PresentationPanel::loopSide(Workbench& wb, ImVec2 size) {
    if (!m_loopScores || m_presented.empty()) return;
    const size_t k = m_presented[m_loop];
    const analysis::Loop& l = m_loopScores->list.loops[k];
    ImGui::BeginChild("##presentLoop", size, false,
                      ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse);
    ImGui::TextWrapped("%s", l.description.empty() ? app::loopPath(l).c_str() : l.description.c_str());
    const double now = wb.session().playback().time;
    const auto& times = m_loopScores->times;
    m_revealed.clear();
    widgets::Series s;
    for (size_t row = 0; row < times.size() && times[row] <= now; ++row) {
        m_revealed.push_back(times[row]);
        s.y.push_back(m_loopScores->relative[k][row]);
    }
    s.label = app::loopLabel(l);
    s.t = &m_revealed;
    s.color = l.polarity == analysis::Polarity::Reinforcing ? kReinforcing : kBalancing;
    if (!times.empty()) m_loopView.t0 = times.front(), m_loopView.t1 = times.back();  // the whole run's axis
    const char* title =
        m_loopScores == m_loopsFrom ? "Share of the change it explains" : "Its share among the named loops";
    widgets::timePlot("##presentLoopShare", title, {s}, m_loopView, ImGui::GetContentRegionAvail(),
                      wb.session().doc().project().specs, "share", now);
    ImGui::EndChild();
}

// The shown loop's variables on the diagram, with a margin: (x0, y0, x1, y1) in diagram units, or none when
// the diagram shows none of them.
std::optional<ImVec4> PresentationPanel::loopBox(const Workbench& wb) const {
    if (!m_loopScores || m_presented.empty()) return std::nullopt;
    return ui::loopBox(wb, m_loopScores->list.loops[m_presented[m_loop]].canonical);
}

}  // namespace sdw::ui
