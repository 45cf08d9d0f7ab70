// The Loops tab: the model's feedback loops with their Loops that Matter shares over the current run, the
// loop in charge at the scrubber's time, the takeovers, a chart of the shares beside the run, naming a loop
// (saved with the model), and the selected or dominant loop highlighted on the diagram.
// Layer: workbench/ui/panels (ImGui). No Lua; the scoring is workbench/app's (loop_analysis, loop_story).
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "workbench/app/loop_analysis.hpp"
#include "workbench/app/loop_story.hpp"
#include "workbench/ui/panels/panel.hpp"
#include "workbench/ui/widgets/time_plot.hpp"

namespace sdw::ui {

class LoopsPanel : public Panel {
  public:
    Slot slot() const override { return Slot::Results; }
    std::string title(const Workbench& wb) const override;
    void draw(Workbench& wb) override;
    void beforeFrame(Workbench& wb) override;
    void modelReplaced(Workbench& wb) override;

    // For tests and screenshots: wait for the scores asked for, pick a loop by id or name.
    void settle(Workbench& wb);
    bool select(const std::string& idOrName);
    // Show only the named loops, their shares among themselves (the "named only" box).
    void showNamedOnly(bool on) {
        m_namedOnly = on;
        choose();
    }
    app::LoopAnalysis& analysis() { return m_analysis; }
    // Where "find loops again" was last drawn (x0, y0, x1, y1): shown when the scores are of loops an
    // earlier run's settings picked (a model with too many loops to score them all, after a slider move).
    std::optional<ImVec4> searchAgainRect() const { return m_searchAgainRect; }
    // Keep the scores of the current run coming while the tab is not drawn (presentation mode shows loops).
    void keepScoring() { m_shown = true; }

  private:
    void header(Workbench& wb, size_t row);
    void table(Workbench& wb, size_t row, float height);
    void details(Workbench& wb);
    void chart(Workbench& wb, ImVec2 size);
    void story(Workbench& wb, float height);
    void highlight(Workbench& wb, size_t row);
    void adoptScores();
    app::LoopAnalysis m_analysis;
    void choose();

    std::shared_ptr<const analysis::LoopScores> m_all;     // the last scores
    std::shared_ptr<const analysis::LoopScores> m_scores;  // what is shown: all, or among the named loops
    bool m_namedOnly = false;
    std::vector<analysis::DominancePeriod> m_periods;
    std::vector<app::Takeover> m_story;
    std::shared_ptr<const sim::RunResult> m_askedFor;  // the run the last request was for
    bool m_shown = false;                              // the tab was drawn last frame
    bool m_leversLeftOut = false;
    bool m_follow = true;                   // no loop selected: the diagram shows the loop in charge
    std::optional<std::string> m_selected;  // the selected loop's id (kept across re-scoring by variables)
    std::vector<std::string> m_selectedVars;
    std::vector<std::string> m_framedVars;  // the selected loop the diagram was last fitted to
    int m_order = 0;                        // app::LoopOrder
    char m_filter[64] = "";
    char m_name[128] = "", m_description[512] = "";
    widgets::PlotView m_view;
    std::optional<ImVec4> m_searchAgainRect;
};

}  // namespace sdw::ui
