// The business case of a scenario against the baseline, as a strategy lead reads it: each payer's saving by
// financial year, the cumulative total, the payback year and the net present value at a discount rate the
// user sets; exported as CSV (with provenance) or as a PNG for a board paper. The figures are
// app::businessCaseReport's, the same text `sdw run --compare` prints. Layer: workbench/ui/panels (ImGui).
// No Lua.
#pragma once

#include <imgui.h>

#include <memory>
#include <string>

#include "workbench/app/comparison.hpp"
#include "workbench/ui/panels/panel.hpp"

namespace sdw::ui {

class BusinessCasePanel : public Panel {
  public:
    Slot slot() const override { return Slot::Results; }
    std::string title(const Workbench&) const override { return "Business case"; }
    void draw(Workbench& wb) override;
    void modelReplaced(Workbench&) override;

    // The report the panel shows (recomputed when the runs or the rate change); nullptr before a baseline.
    const app::BusinessCaseReport* report(Workbench& wb);
    // The rate a year (0.035 = 3.5%); a value outside 0..1 is refused with a message.
    bool setDiscountRate(double rate);
    double discountRate() const { return m_rate; }
    // Which run is the scenario: 0 the current run, k >= 1 the k-th kept run after the baseline.
    void chooseScenario(size_t k) { m_choice = k; }
    bool exportCsv(Workbench& wb, const std::string& path);
    void exportPng(Workbench& wb, const std::string& path);  // the panel as drawn, after this frame
    ImVec4 rect() const { return m_rect; }
    ImVec4 rateBox() const { return m_rateBox; }  // where the rate's box was last drawn (x0, y0, x1, y1)
    const std::string& rateError() const { return m_rateError; }
    // Whether the year table (0) and the summary (1) fitted the width they had in the last frame.
    bool tableFits(int which) const { return m_tableNeeds[which] <= m_tableRoom[which]; }

  private:
    void header(Workbench& wb);
    void yearTable(const app::BusinessCaseReport& r);
    void summaryTable(const app::BusinessCaseReport& r);
    void cumulativeBars(const app::BusinessCaseReport& r, ImVec2 size);

    double m_rate = 0.035;
    float m_ratePercent = 3.5f;  // the box's value
    std::string m_rateError;
    size_t m_choice = 0;
    // The report of the runs and rate last asked for.
    app::BusinessCaseReport m_report;
    std::shared_ptr<const sim::RunResult> m_baseRun, m_scenarioRun;
    double m_reportRate = -1;
    ImVec4 m_rect{0, 0, 0, 0}, m_rateBox{0, 0, 0, 0};
    float m_tableNeeds[2] = {0, 0}, m_tableRoom[2] = {0, 0};
};

}  // namespace sdw::ui
