// The charts: the current run solid, every kept run that differs overlaid (the baseline dashed, later runs
// dotted), one chart per group of variables the user picks; presentation mode draws the chosen ones large.
// Layer: workbench/ui/panels (ImGui). No Lua.
#pragma once

#include <imgui.h>

#include <limits>
#include <map>
#include <string>
#include <vector>

#include "workbench/app/session.hpp"
#include "workbench/ui/panels/panel.hpp"
#include "workbench/ui/widgets/time_plot.hpp"

namespace sdw::ui {

// The charts drawn side by side: those with variables (chart 1 even when empty, as a place to add them);
// when presenting, only the ones chosen for it that have variables.
std::vector<size_t> chartsShown(const app::Session& s, bool presenting);
// The series of one chart: the current run solid, then every kept run that differs from it overlaid: the
// baseline (the first kept) dashed, later runs dotted and paler. `keptTimes` holds their time columns.
// `revealTo`: the current run is drawn up to this time (presentation reveals it as it plays; kept runs,
// already seen, stay whole).
std::vector<widgets::Series> chartSeries(const app::Session& s, const app::Chart& c,
                                         std::vector<std::vector<double>>& keptTimes,
                                         double revealTo = std::numeric_limits<double>::infinity());

class ChartsPanel : public Panel {
  public:
    Slot slot() const override { return Slot::Results; }
    std::string title(const Workbench&) const override { return "Charts"; }
    void draw(Workbench& wb) override;
    void modelReplaced(Workbench&) override {
        m_views.clear();
        m_drawn.clear();
    }
    // The charts in `avail`, side by side or `stacked`; presenting: the chosen ones, no pickers, the run
    // revealed up to the time cursor (presentation.cpp).
    void drawCharts(Workbench& wb, ImVec2 avail, bool presenting, bool stacked = false);
    // What the last frame drew of a chart (by index): each series' label and the time of its last point.
    const std::vector<std::pair<std::string, double>>& drawnUntil(size_t chart) const;

  private:
    void variablePicker(Workbench& wb, size_t chart);
    std::vector<widgets::PlotView> m_views;  // each chart's time window (zoomed with the wheel)
    std::map<size_t, std::vector<std::pair<std::string, double>>> m_drawn;  // drawnUntil's
    char m_filter[64] = "";                                                 // the "+ variable" list's filter
};

}  // namespace sdw::ui
