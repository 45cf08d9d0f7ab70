// The "How sure" tab: a Monte Carlo of the current model and levers over the model's own distributions, shown
// as fan charts on the Charts tab (shaded 5-95 and 25-75 around the median, beside the run's own line), with
// progress, ETA and Cancel; observed data (a CSV) shown as points on any chart of a variable of the same
// name. The work is workbench/app/uncertainty's, the same code `sdw mc` and `sdw calibrate --data` run.
// Layer: workbench/ui/panels (ImGui). No Lua.
#pragma once

#include <imgui.h>

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "workbench/app/session.hpp"
#include "workbench/app/uncertainty/business_case_range.hpp"
#include "workbench/app/uncertainty/fan_charts.hpp"
#include "workbench/app/uncertainty/observed_overlay.hpp"
#include "workbench/ui/panels/panel.hpp"
#include "workbench/ui/panels/tornado_view.hpp"
#include "workbench/ui/widgets/time_plot.hpp"

namespace sdw::ui {

// Where ImGui drew the last item (x0, y0, x1, y1): the buttons' places that UI tests click.
ImVec4 lastItemRect();

class UncertaintyPanel : public Panel {
  public:
    Slot slot() const override { return Slot::Results; }
    std::string title(const Workbench& wb) const override;
    void draw(Workbench& wb) override;
    void beforeFrame(Workbench& wb) override;
    void modelReplaced(Workbench& wb) override;
    bool busy() const override {
        return m_fan.job().running() || m_range.job().running() || m_tornado.busy();
    }

    // What the buttons do (tests drive them too).
    bool startMonteCarlo(Workbench& wb);
    void cancelMonteCarlo() { m_fan.cancel(); }
    // The runs and seed boxes' values (what Run Monte Carlo uses).
    void setFanOptions(const app::FanOptions& o) {
        m_runsBox = static_cast<int>(o.runs);
        m_seedBox = static_cast<int>(o.seed);
    }
    const app::FanCharts& fan() const { return m_fan; }
    // "Which assumptions matter": the tornado section.
    TornadoView& tornado() { return m_tornado; }
    // Wait for the Monte Carlo in flight (tests, screenshots); false on timeout.
    bool settle(Workbench& wb, std::chrono::milliseconds timeout = std::chrono::seconds(120));
    const std::string& message() const { return m_message; }
    // Where the Run and Cancel buttons were last drawn (x0, y0, x1, y1; zero when not drawn).
    ImVec4 runButton() const { return m_runButton; }
    ImVec4 cancelButton() const { return m_cancelButton; }

    // The fan-chart series of a chart, drawn under its lines: per variable the 5-95 and 25-75 bands and the
    // median. `store` keeps their time columns alive while they are drawn.
    std::vector<widgets::Series> bandSeries(const app::Session& s, const app::Chart& c,
                                            std::vector<app::FanBands>& store) const;

    // Observed data: load a CSV (false with the reason in dataError(), the data loaded before kept), forget
    // it.
    bool loadData(Workbench& wb, const std::string& path);
    void clearData() { m_observed.reset(); }
    const app::ObservedOverlay* observed() const { return m_observed ? &*m_observed : nullptr; }
    const std::string& dataError() const { return m_dataError; }
    // The observed points of a chart's variables, drawn over its lines.
    std::vector<widgets::Series> pointSeries(const app::Chart& c) const;

    // The business case's range: the same draws run as the kept baseline and as the current run (the runs
    // and seed boxes', the Business case tab's discount rate); made by itself after each Monte Carlo, over
    // its draws. Drawn in this tab and the Business case tab.
    bool startBusinessRange(Workbench& wb);
    std::shared_ptr<const app::BusinessRange> businessRange() const { return m_range.result(); }
    void businessRangeSection(Workbench& wb);
    bool settleBusinessRange(Workbench& wb, std::chrono::milliseconds timeout = std::chrono::seconds(120));
    const std::string& rangeMessage() const { return m_rangeMessage; }
    // The Business case tab's line: the ensemble's P10 to P90 when there is one for these settings, else that
    // the figures are one run's.
    void rangeSummaryLine(Workbench& wb);

    // A job's progress bar with its ETA and a Cancel button (where it was drawn goes to `cancelRect`).
    static void progressLine(const app::AnalysisJob& job, const char* unit,
                             const std::function<void()>& cancel, ImVec4& cancelRect);

  private:
    void monteCarloSection(Workbench& wb);
    void dataSection(Workbench& wb);
    void resultLines(Workbench& wb);
    bool startRange(Workbench& wb, const app::FanOptions& draws, bool ensemble);
    // After a Monte Carlo: the business case's range over the same draws (when there is a business case).
    void ensembleRange(Workbench& wb, const app::FanResult& r);

    app::FanCharts m_fan;
    app::FanOptions m_options;
    int m_runsBox = 200, m_seedBox = 1;
    std::string m_message;  // the last start's refusal or the last run's outcome
    ImVec4 m_runButton{0, 0, 0, 0}, m_cancelButton{0, 0, 0, 0};
    std::optional<app::ObservedOverlay> m_observed;
    app::ResultJob<app::BusinessRange> m_range;
    std::string m_rangeMessage;
    ImVec4 m_rangeCancel{0, 0, 0, 0};
    std::string m_dataError;
    TornadoView m_tornado;
};

}  // namespace sdw::ui
