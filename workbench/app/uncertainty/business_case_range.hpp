// The business case's range: the same Monte Carlo draws of the model's uncertain inputs run twice, once as
// the kept baseline was run and once as the current run (sliders, levers), each pair giving a business case;
// the 5th, 50th and 95th percentiles of the net present value and of the cumulative saving, and the share of
// draws that save money. After a Monte Carlo of the How sure tab, the range is that ensemble's draws (the
// same runs and seed). Layer: workbench/app. No ImGui, GLFW, GL or Lua.
#pragma once

#include <optional>
#include <string>

#include "workbench/app/uncertainty/analysis_job.hpp"
#include "workbench/app/uncertainty/fan_charts.hpp"

namespace sdw::app {

struct BusinessRangeSetup {
    TrialBase baseline, scenario;   // the kept baseline's settings, and the current run's
    analysis::MonteCarloSpec spec;  // the model's own distributions; vars: the business case ledgers
    std::vector<std::string> ledgers;
    double discountRate = 0.035;
};

struct BusinessRange {
    size_t runs = 0, pairs = 0;                      // draws, and pairs whose both runs succeeded
    double npv5 = 0, npv50 = 0, npv95 = 0;           // total net present value, pounds
    double saving5 = 0, saving50 = 0, saving95 = 0;  // total cumulative saving at the end, pounds
    double npv10 = 0, npv90 = 0, saving10 = 0,
           saving90 = 0;     // P10 and P90 (the range a business case quotes)
    bool ensemble = false;   // made for a Monte Carlo ensemble: the same draws (runs, seed) as its fan charts
    double shareSaving = 0;  // share of pairs with a positive net present value
    BusinessRangeSetup setup;
};

// Nullopt with a reason: no kept baseline, a baseline with levers or a scenario on (its settings cannot be
// run again here), no business case ledgers, no constant with a range.
std::optional<BusinessRangeSetup> businessRangeSetupFor(const Session& s, const FanOptions& o, double rate,
                                                        std::string& error);
bool runBusinessRange(const BusinessRangeSetup& setup, const analysis::TrialOptions& options,
                      BusinessRange& out, std::string& error);

// The range in words for the Business case tab, P10 to P90 in pounds, saying where it comes from: "Monte
// Carlo ensemble of 400 draws (seed 3; How sure tab): cumulative saving by the end £55 to £95 (P10 to P90,
// median £75); net present value at 3.5% £0.45k to ...; saves money in 100% of draws".
std::string rangeSummary(const BusinessRange& r);

}  // namespace sdw::app
