// The business case of a scenario against its baseline, computed by comparing two runs: each payer's cost and
// saving by year, the cumulative saving, the payback year and the net present value. Inputs are each payer's
// cumulative cost ledger under both runs, sampled at the same times; outputs are plain numbers by year, for
// the command line and the workbench alike. Layer: solver (analysis). Depends on sim/ results and the
// standard library.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "solver/sim/simulate.hpp"

namespace sdw::analysis {

// HM Treasury Green Book discount rate: 3.5% a year.
inline constexpr double kGreenBookDiscountRate = 0.035;

// One payer's cumulative cost (a ledger: it only accumulates) under the baseline and under the scenario.
struct PayerLedger {
    std::string payer;
    std::vector<double> baseline;  // at each of BusinessCaseInput::times
    std::vector<double> scenario;
};

struct BusinessCaseInput {
    std::vector<double> times;    // model time of each sample, increasing; the first is the start of year 0
    double timeUnitsPerYear = 1;  // 52.18 for a model in weeks
    double discountRate = kGreenBookDiscountRate;
    std::vector<PayerLedger> payers;
};

struct PayerResult {
    std::string payer;
    // One entry per whole year of the run (year 0 first): cost in that year under each run, the saving
    // (baseline cost less scenario cost: negative while the scenario costs more) and the saving accumulated
    // to the year's end.
    std::vector<double> baselineCost, scenarioCost, saving, cumulativeSaving;
    // The first year from whose end the cumulative saving is never below zero again: year 0 when the scenario
    // saves from the start; none when it has not paid back by the end of the run.
    std::optional<int> paybackYear;
    // Savings discounted to year 0 at the input's rate: sum over years y of saving[y] / (1 + rate)^y.
    double netPresentValue = 0;
};

struct BusinessCase {
    int years = 0;                    // whole years covered
    std::vector<PayerResult> payers;  // in input order
    PayerResult total;                // all payers together ("total")
};

// Computes the business case. On bad input (no payer, series of the wrong length, times not increasing, a
// non-positive year length, less than a whole year of samples) returns nullopt with the reason in `error`.
std::optional<BusinessCase> computeBusinessCase(const BusinessCaseInput& input, std::string& error);

// The ledgers named by `columns` (any spelling) from two runs of the same model, sampled at the baseline's
// times (the scenario's values interpolated there). Returns nullopt with a reason when a column is missing.
std::optional<BusinessCaseInput> ledgersFromRuns(const sim::RunResult& baseline,
                                                 const sim::RunResult& scenario,
                                                 const std::vector<std::string>& columns,
                                                 double timeUnitsPerYear, std::string& error);

// The same ledgers with year 0 starting at time `t` (a business case by financial year starts at the first
// 1 April): samples before `t` are dropped and each ledger's value at `t` is interpolated. Returns the input
// unchanged when `t` is not after its first sample.
BusinessCaseInput startingAt(const BusinessCaseInput& input, double t);

// Linear interpolation of a series sampled at increasing times, clamped at the ends.
double interpolate(const std::vector<double>& times, const std::vector<double>& values, double t);

// Time units a year for a model's time unit ("weeks" 52.18, "months" 12, "days" 365.25, "years" 1, also
// singular and "week"/"wk" forms); 0 when the unit is unknown.
double timeUnitsPerYear(const std::string& timeUnits);

}  // namespace sdw::analysis
