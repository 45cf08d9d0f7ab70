// The Loops tab (see loops_panel.hpp): a table of loops, the loop in charge now, the takeovers, the shares
// chart, naming. Scores are asked for when the tab is open and the run changed. Layer: workbench/ui/panels
// (ImGui). No Lua.
#include "workbench/ui/panels/loops_panel.hpp"

#include <algorithm>
#include <cmath>
#include <cstring>

#include "solver/analysis/loop_view.hpp"
#include "workbench/app/comparison.hpp"
#include "workbench/ui/canvas.hpp"
#include "workbench/ui/theme.hpp"
#include "workbench/ui/workbench.hpp"

namespace sdw::ui {

namespace {

constexpr size_t kCharted = 6;  // loops on the chart at once: more and the lines cannot be told apart

ImU32 polarityColor(double share) {
    return share > 0   ? IM_COL32(196, 78, 52, 255)
           : share < 0 ? IM_COL32(46, 110, 180, 255)
                       : IM_COL32(120, 120, 120, 255);
}

// The diagram's banner: a loop's share of the change now. A share that rounds to 0% says how small it is and
// which way it pulls ("-0%" read as nothing, or as a typo).
std::string shareNowText(double share) {
    if (share == 0) return "no share of the change now";
    if (std::fabs(share) < 0.01)
        return std::string("under 1% of the change now, ") + (share > 0 ? "reinforcing" : "balancing");
    return app::shareCell(share) + " of the change now";
}

}  // namespace

std::string LoopsPanel::title(const Workbench&) const {
    if (!m_scores) return "Loops###loops";
    return "Loops (" + std::to_string(m_scores->list.loops.size()) + ")###loops";
}

void LoopsPanel::modelReplaced(Workbench& wb) {
    m_analysis.reset();
    m_scores.reset();
    m_all.reset();
    m_periods.clear();
    m_story.clear();
    m_askedFor.reset();
    m_selected.reset();
    m_selectedVars.clear();
    m_view = {};
    wb.loopHighlight.clear();
}

// Scores are asked for only while the tab is open (the county model's take about a second of a worker), and
// again when the run they were of is replaced.
void LoopsPanel::beforeFrame(Workbench& wb) {
    if (m_analysis.poll()) adoptScores();
    const auto result = wb.session().result();
    if (m_shown && result && result != m_askedFor && !wb.session().busy()) {
        if (auto r = app::loopRequestFor(wb.session(), &m_leversLeftOut)) {
            m_analysis.request(std::move(*r));
            m_askedFor = result;
        }
    }
    if (!m_shown) {
        wb.loopHighlight.clear();
        wb.loopHighlightLabel.clear();
    }
    m_shown = false;
}

void LoopsPanel::settle(Workbench& wb) {
    m_shown = true;
    beforeFrame(wb);
    m_analysis.settle();
    adoptScores();
    m_shown = true;
}

void LoopsPanel::adoptScores() {
    const auto s = m_analysis.scores();
    if (!s || s == m_all) return;
    m_all = s;
    choose();
}

// All the loops scored, or only the named ones with their shares among themselves.
void LoopsPanel::choose() {
    const auto named = m_namedOnly && m_all ? app::amongNamed(*m_all) : nullptr;
    const auto s = named ? named : m_all;
    m_scores = s;
    if (!s) return;
    m_periods = analysis::dominance(*s);
    m_story.clear();
    m_selected.reset();
    for (const auto& l : s->list.loops)  // the selection follows its loop's variables (ids may move)
        if (!m_selectedVars.empty() && l.canonical == m_selectedVars) m_selected = l.id;
    if (!m_selected) m_selectedVars.clear();
}

bool LoopsPanel::select(const std::string& idOrName) {
    if (!m_scores) return false;
    const analysis::Loop* l = analysis::findLoop(m_scores->list, idOrName);
    if (!l) return false;
    m_selected = l->id;
    m_selectedVars = l->canonical;
    std::snprintf(m_name, sizeof m_name, "%s", l->name.c_str());
    std::snprintf(m_description, sizeof m_description, "%s", l->description.c_str());
    return true;
}

void LoopsPanel::draw(Workbench& wb) {
    m_shown = true;
    const auto& specs = wb.session().doc().project().specs;
    if (!m_scores) {
        if (!m_analysis.error().empty())
            ImGui::TextWrapped("Loops could not be scored: %s", m_analysis.error().c_str());
        else
            ImGui::TextDisabled(m_analysis.busy() ? "Scoring the loops (Loops that Matter) ..."
                                                  : "No run yet: the loops are scored from the current run.");
        return;
    }
    if (m_story.empty()) m_story = app::loopStory(*m_scores, m_periods, specs);
    const size_t row = analysis::rowAt(*m_scores, wb.session().playback().time);
    header(wb, row);
    const ImVec2 avail = ImGui::GetContentRegionAvail();
    const float leftW = avail.x * 0.46f;
    ImGui::BeginChild("##loopsLeft", ImVec2(leftW, avail.y));
    const float detailH = m_selected ? ImGui::GetFrameHeightWithSpacing() * 3.2f : 0;
    table(wb, row, ImGui::GetContentRegionAvail().y - detailH);
    if (m_selected) details(wb);
    ImGui::EndChild();
    ImGui::SameLine();
    ImGui::BeginChild("##loopsRight", ImVec2(0, avail.y));
    const ImVec2 right = ImGui::GetContentRegionAvail();
    chart(wb, ImVec2(right.x, right.y * 0.66f));
    story(wb, ImGui::GetContentRegionAvail().y);
    ImGui::EndChild();
    highlight(wb, row);
}

// The loop in charge at the scrubber's time, and what the scores are of.
void LoopsPanel::header(Workbench& wb, size_t row) {
    const auto& specs = wb.session().doc().project().specs;
    const auto charge = app::inChargeAt(*m_scores, m_periods, row);
    ImGui::TextDisabled("%s:", app::describeTime(specs, m_scores->times[row]).c_str());
    ImGui::SameLine();
    if (charge) {
        const auto& l = m_scores->list.loops[*charge];
        const double share = m_scores->relative[*charge][row];
        ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(polarityColor(share)), "%s in charge (%s, %s)",
                           app::loopLabel(l).c_str(), app::shareCell(share).c_str(),
                           share > 0 ? "reinforcing" : "balancing");
    } else {
        ImGui::TextDisabled("no loop in charge: nothing changes");
    }
    ImGui::SameLine();
    ImGui::Checkbox("diagram follows it", &m_follow);
    ImGui::SameLine();
    if (ImGui::Checkbox("named only", &m_namedOnly)) choose();
    if (ImGui::IsItemHovered())
        ImGui::SetTooltip(
            "Only the loops the model names, each one's share of their total: which of them leads "
            "when, however strongly unnamed loops drive the rest");
    ImGui::SameLine();
    ImGui::Checkbox("large", &wb.chartFocus);
    if (ImGui::IsItemHovered())
        ImGui::SetTooltip("Give the results most of the window (View > Large charts)");
    if (ImGui::IsItemHovered())
        ImGui::SetTooltip(
            "With no loop selected, the diagram highlights the loop in charge as the run plays");
    if (m_analysis.busy()) {
        ImGui::SameLine();
        ImGui::TextDisabled("(scoring the new run ...)");
    }
    if (m_leversLeftOut) {
        ImGui::SameLine();
        ImGui::TextColored(ImVec4(0.7f, 0.4f, 0.0f, 1), "levers not scored");
        if (ImGui::IsItemHovered())
            ImGui::SetTooltip(
                "Policy levers act through the plugin host: the scores are of the run without them");
    }
    ImGui::SameLine();
    ImGui::TextDisabled("(which loops?)");
    if (ImGui::IsItemHovered()) {
        ImGui::BeginTooltip();
        ImGui::PushTextWrapPos(ImGui::GetFontSize() * 40);
        ImGui::TextUnformatted(m_scores->rule.c_str());
        ImGui::PopTextWrapPos();
        ImGui::EndTooltip();
    }
    m_searchAgainRect.reset();
    if (m_all && m_all->reused) {  // a line of its own: the header's line may run past the panel's edge
        ImGui::TextDisabled("The loops the first scoring kept, scored at the settings now.");
        ImGui::SameLine();
        if (ImGui::SmallButton("find loops again")) {
            m_analysis.searchAgain();
            m_askedFor.reset();  // asked again at the next frame, with the current run's settings
        }
        const ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
        m_searchAgainRect = ImVec4(a.x, a.y, b.x, b.y);
        if (ImGui::IsItemHovered())
            ImGui::SetTooltip(
                "The model has too many loops to score them all: these are the strongest at the settings "
                "of the run first scored, scored again at the sliders' values now. Search again for the "
                "strongest loops at these settings (about as long as the first scoring)");
    }
}

void LoopsPanel::table(Workbench& wb, size_t row, float height) {
    const char* orders[] = {"named first", "share now", "peak share"};
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 8);
    ImGui::Combo("##order", &m_order, orders, 3);
    ImGui::SameLine();
    ImGui::SetNextItemWidth(-1);
    ImGui::InputTextWithHint("##filter", "filter: id, name or variable", m_filter, sizeof m_filter);
    const auto rows =
        app::loopRows(*m_scores, m_periods, row, static_cast<app::LoopOrder>(m_order), m_filter);
    const ImGuiTableFlags flags = ImGuiTableFlags_ScrollY | ImGuiTableFlags_RowBg |
                                  ImGuiTableFlags_BordersInnerV | ImGuiTableFlags_Resizable;
    if (!ImGui::BeginTable("##loops", 5, flags, ImVec2(0, height - ImGui::GetFrameHeightWithSpacing())))
        return;
    const float fs = ImGui::GetFontSize();
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableSetupColumn("Loop", ImGuiTableColumnFlags_WidthFixed, fs * 3.5f);
    ImGui::TableSetupColumn("Name / variables");
    ImGui::TableSetupColumn("Len", ImGuiTableColumnFlags_WidthFixed, fs * 2);
    ImGui::TableSetupColumn("Now", ImGuiTableColumnFlags_WidthFixed, fs * 3);
    ImGui::TableSetupColumn("Peak", ImGuiTableColumnFlags_WidthFixed, fs * 3);
    ImGui::TableHeadersRow();
    ImGuiListClipper clip;
    clip.Begin(static_cast<int>(rows.size()));
    while (clip.Step())
        for (int i = clip.DisplayStart; i < clip.DisplayEnd; ++i) {
            const app::LoopRow& r = rows[static_cast<size_t>(i)];
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            const bool sel = m_selected && *m_selected == r.id;
            const std::string label = (r.inCharge ? "> " : "  ") + r.id + "##" + r.id;
            if (ImGui::Selectable(label.c_str(), sel, ImGuiSelectableFlags_SpanAllColumns)) {
                if (sel) {
                    m_selected.reset();
                    m_selectedVars.clear();
                } else {
                    select(r.id);
                }
            }
            if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", r.path.c_str());
            ImGui::TableNextColumn();
            if (!r.name.empty())
                ImGui::TextUnformatted(r.name.c_str());
            else
                ImGui::TextDisabled("%s", r.path.c_str());
            ImGui::TableNextColumn();
            ImGui::Text("%zu", r.length);
            ImGui::TableNextColumn();
            ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(polarityColor(r.now)), "%s",
                               app::shareCell(r.now).c_str());
            ImGui::TableNextColumn();
            ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(polarityColor(r.peak)), "%s",
                               app::shareCell(r.peak).c_str());
        }
    ImGui::EndTable();
    (void)wb;
}

// The selected loop: its path, and its name and description (saved with the model).
void LoopsPanel::details(Workbench& wb) {
    const analysis::Loop* l = analysis::findLoop(m_scores->list, *m_selected);
    if (!l) return;
    ImGui::TextWrapped("%s (%c, %zu links): %s", l->id.c_str(), analysis::polarityLetter(l->polarity),
                       l->length(), app::loopPath(*l).c_str());
    const float fs = ImGui::GetFontSize();
    ImGui::SetNextItemWidth(fs * 12);
    ImGui::InputTextWithHint("##name", "name this loop", m_name, sizeof m_name);
    ImGui::SameLine();
    ImGui::SetNextItemWidth(-fs * 5);
    ImGui::InputTextWithHint("##desc", "what it does, for the room", m_description, sizeof m_description);
    ImGui::SameLine();
    if (ImGui::Button("Save", ImVec2(-1, 0))) {
        if (app::nameLoop(wb.session().doc(), *l, m_name, m_description))
            wb.session().setStatus(std::string("Loop ") + l->id +
                                   (*m_name ? " named '" + std::string(m_name) + "'" : " unnamed") +
                                   ": saved with the model when you save it (<sdw:loops>)");
    }
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Name the loop in the model (an empty name removes it)");
}

void LoopsPanel::chart(Workbench& wb, ImVec2 size) {
    std::optional<size_t> sel;
    if (m_selected)
        if (const auto* l = analysis::findLoop(m_scores->list, *m_selected))
            sel = static_cast<size_t>(l - m_scores->list.loops.data());
    std::vector<widgets::Series> series;
    int colour = 0;
    for (size_t k : app::chartedLoops(*m_scores, m_periods, sel, kCharted)) {
        widgets::Series s;
        s.label = app::loopLabel(m_scores->list.loops[k]);
        s.t = &m_scores->times;
        s.y = m_scores->relative[k];
        s.color = theme::seriesColor(colour++);
        series.push_back(std::move(s));
    }
    widgets::timePlot("##loopShares", "Share of the change each loop explains (+ reinforcing, - balancing)",
                      series, m_view, size, wb.session().doc().project().specs, "share",
                      wb.session().playback().time);
}

// The takeovers; a click moves the scrubber to one.
void LoopsPanel::story(Workbench& wb, float height) {
    ImGui::BeginChild("##story", ImVec2(0, height), true);
    if (m_story.empty()) ImGui::TextDisabled("No loop is ever in charge: nothing changes in this run.");
    const double now = wb.session().playback().time;
    for (size_t k = 0; k < m_story.size(); ++k) {
        const auto& t = m_story[k];
        const bool current = t.start <= now && now <= t.end;
        ImGui::PushID(static_cast<int>(k));
        if (ImGui::Selectable(t.text.c_str(), current)) wb.session().playback().time = t.start;
        ImGui::PopID();
    }
    ImGui::EndChild();
}

// The selected loop, or with none the loop in charge (when following), on the diagram.
// The label says which loop and why it is shown: selected, or in charge now with its share.
void LoopsPanel::highlight(Workbench& wb, size_t row) {
    wb.loopHighlight.clear();
    wb.loopHighlightLabel.clear();
    if (!m_selected) m_framedVars.clear();
    std::optional<size_t> loop;
    if (m_selected) {
        if (const auto* l = analysis::findLoop(m_scores->list, *m_selected))
            loop = static_cast<size_t>(l - m_scores->list.loops.data());
    } else if (m_follow) {
        loop = app::inChargeAt(*m_scores, m_periods, row);
    }
    if (!loop) return;
    // A loop just selected: the diagram fitted to it (it may span several sectors, or none in view).
    if (m_selected && m_framedVars != m_selectedVars) {
        m_framedVars = m_selectedVars;
        if (const auto box = loopBox(wb, m_selectedVars)) wb.panel<CanvasPanel>().fitBox(*box);
    }
    wb.loopHighlight = app::loopHighlight(*m_scores, *loop, row);
    wb.loopHighlightLabel = app::loopLabel(m_scores->list.loops[*loop]) +
                            (m_selected ? " (selected): " : " in charge: ") +
                            shareNowText(m_scores->relative[*loop][row]);
}

}  // namespace sdw::ui
