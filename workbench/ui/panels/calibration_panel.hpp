// The Calibrate tab: pick constants (bounds default to the model's declared ranges), fit them to the observed
// data loaded in the How sure tab with a progress bar and Cancel, read the table parameter / value / low95 /
// high95 (sdw calibrate's numbers), see the fitted run over the data, and apply the fit (one undo step).
// Each observed series has a weight in the fit, saved with the model (<sdw:calibration weight>, undoable).
// The work is workbench/app/uncertainty/calibration_run's. Layer: workbench/ui/panels (ImGui). No Lua.
#pragma once

#include <imgui.h>

#include <chrono>
#include <string>
#include <vector>

#include "workbench/app/uncertainty/calibration_run.hpp"
#include "workbench/ui/panels/panel.hpp"
#include "workbench/ui/widgets/time_plot.hpp"

namespace sdw::ui {

class CalibrationPanel : public Panel {
  public:
    Slot slot() const override { return Slot::Results; }
    std::string title(const Workbench& wb) const override;
    void draw(Workbench& wb) override;
    void beforeFrame(Workbench& wb) override;
    void modelReplaced(Workbench& wb) override;
    bool busy() const override { return m_cal.job().running(); }

    // A constant the user may fit: on or not, and its bounds.
    struct Pick {
        std::string name, units;
        double value = 0;
        bool on = false, declared = false;  // declared: the bounds are the model's plausible range
        double lo = 0, hi = 1;
    };
    // The constants offered (filled from the model when the tab first draws, or by this call).
    std::vector<Pick>& picks(Workbench& wb);
    bool startFit(Workbench& wb);  // the Fit button
    void cancelFit() { m_cal.cancel(); }
    bool applyFit(Workbench& wb);  // the Apply button
    bool settle(Workbench& wb, std::chrono::milliseconds timeout = std::chrono::seconds(120));
    const app::Calibration& calibration() const { return m_cal; }
    const std::string& message() const { return m_message; }
    void setPayoff(analysis::Payoff p) { m_payoff = static_cast<int>(p); }
    ImVec4 fitButton() const { return m_fitButton; }
    ImVec4 cancelButton() const { return m_cancelButton; }
    ImVec4 applyButton() const { return m_applyButton; }
    // Where each observed series' weight box was last drawn (in the data's order).
    const std::vector<ImVec4>& weightBoxes() const { return m_weightRects; }

  private:
    void pickTable(Workbench& wb);
    void weightRows(Workbench& wb);
    void controls(Workbench& wb);
    void results(Workbench& wb);
    void fitCharts(Workbench& wb, const app::FitOutcome& r);

    app::Calibration m_cal;
    std::vector<Pick> m_picks;
    uint64_t m_picksOf = 0;  // the session generation the picks were made for
    char m_filter[64] = "";
    int m_payoff = 0;  // analysis::Payoff
    std::string m_message;
    std::vector<widgets::PlotView> m_views;
    std::vector<double> m_weightBoxes;  // what each weight box shows (the model's, unless being typed)
    std::vector<ImVec4> m_weightRects;
    ImVec4 m_fitButton{0, 0, 0, 0}, m_cancelButton{0, 0, 0, 0}, m_applyButton{0, 0, 0, 0};
};

}  // namespace sdw::ui
