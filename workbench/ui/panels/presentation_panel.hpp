// Presentation mode for trainers: full screen, large type; one sector of the diagram at a time (PageDown /
// PageUp or the arrows step through them, as a presenter's clicker does) with each stock's level and each
// flow's rate at the time cursor, beside the chosen charts, stacked and revealed as the run plays; or, in
// loops mode (L), one feedback loop at a time: the model's named loops highlighted on the diagram with name,
// polarity and share chart; the chosen sliders; play at a speed the trainer sets, or step.
// Layer: workbench/ui/panels (ImGui). No Lua.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "solver/analysis/loops.hpp"
#include "workbench/ui/canvas.hpp"
#include "workbench/ui/panels/panel.hpp"
#include "workbench/ui/widgets/time_plot.hpp"

namespace sdw::ui {

class PresentationPanel : public Panel {
  public:
    Slot slot() const override { return Slot::FullScreen; }
    std::string title(const Workbench&) const override { return "Presentation"; }
    void draw(Workbench& wb) override;
    void modelReplaced(Workbench&) override {
        m_canvas = {};
        m_fitted = ImVec2(0, 0);
        m_readings.clear();
        m_sector = 0;
        m_loopsMode = false;
        m_loop = 0;
        m_loopScores.reset();
        m_presented.clear();
    }
    // The readouts the diagram showed in the last frame.
    const std::vector<Reading>& readings() const { return m_readings; }
    const CanvasState& canvas() const { return m_canvas; }
    // The sector shown: its index in sectors(), or -1 for the whole diagram (also when the model has none).
    int sector() const { return m_sector; }
    void showSector(const Workbench& wb, int index);
    // The model's sectors (its diagram's groups), in the diagram's order.
    static std::vector<const model::ViewObject*> sectors(const Workbench& wb);
    // The diagram's rectangle on screen in the last frame, and the shown sector's (x0, y0, x1, y1).
    ImVec4 sectorRect() const { return m_sectorRect; }

    // Loops mode: the loops stepped through (app::presentedLoops: the named loops, else those that lead) one
    // at a time, PageDown / PageUp as for sectors; scored on the Loops tab's worker as the run changes.
    bool loopsMode() const { return m_loopsMode; }
    void showLoops(bool on) { m_loopsMode = on; }
    void stepLoop(int dir);
    // Wait for the scores (tests, screenshots) and show the loop with this id or name; false when there is
    // none.
    bool showLoop(Workbench& wb, const std::string& idOrName);
    // The scores shown (all the loops, or for a model with too many to list, among the named ones), the
    // loops stepped through as indices in them, the one shown (index in presentedLoops()), and its title as
    // the bar shows it ("B8 the delayed-discharge spiral: balancing").
    const analysis::LoopScores* loopScores() const { return m_loopScores.get(); }
    const std::vector<size_t>& presentedLoops() const { return m_presented; }
    size_t loopShown() const { return m_loop; }
    std::string loopTitle() const;

  private:
    void header(Workbench& wb);
    void sliders(Workbench& wb);
    void sectorBar(Workbench& wb);
    void diagram(Workbench& wb, ImVec2 size);
    void adoptLoopScores(Workbench& wb);
    void loopBar(Workbench& wb);
    void loopSide(Workbench& wb, ImVec2 size);
    void highlightLoop(Workbench& wb);
    std::optional<ImVec4> loopBox(const Workbench& wb) const;
    CanvasState m_canvas;   // the diagram's own view: the whole of it, fitted to its place
    ImVec2 m_fitted{0, 0};  // the size it was fitted to (refitted when that changes)
    std::vector<Reading> m_readings;
    int m_sector = 0;  // the first sector when presenting starts
    int m_fittedSector = -2;
    ImVec4 m_sectorRect{0, 0, 0, 0};
    bool m_loopsMode = false;
    size_t m_loop = 0;
    std::shared_ptr<const analysis::LoopScores> m_loopScores, m_loopsFrom;  // shown; the Loops tab's, adopted
    std::vector<analysis::DominancePeriod> m_periods;
    std::vector<size_t> m_presented;
    widgets::PlotView m_loopView;
    std::vector<double> m_revealed;  // the loop chart's times up to the cursor
    int m_fittedLoop = -1;
};

}  // namespace sdw::ui
