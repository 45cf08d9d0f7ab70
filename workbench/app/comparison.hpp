// A scenario comparison and its business case as a strategy lead reads them, for every face of sdw (the CLI's
// `sdw run --compare` and the workbench's panels): values in their units and pounds, changes with their
// percentage and whether they are better or worse by the measure's own direction, times as dates, the
// business case by financial year. Layer: workbench/app. Depends on solver/; no ImGui, GLFW, GL or Lua.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "solver/analysis/business_case.hpp"
#include "solver/model/model.hpp"
#include "solver/sim/simulate.hpp"
#include "workbench/app/calendar.hpp"

namespace sdw::app {

// Rows of text cells, the first row the header; a face lays them out (the CLI pads columns, the workbench
// draws a table).
struct TextTable {
    std::vector<std::vector<std::string>> rows;
};
// Columns padded to their widest cell: the first column left-aligned, the others right-aligned.
std::string renderText(const TextTable& table);

// A change read by the measure's direction: "better", "worse", "no change", or "" when the model does not
// say which way is better.
std::string verdict(double change, double baseline, model::Better better);
// "-£19.2m (-6.6%) better", "no change".
std::string describeChange(double change, double baseline, const std::string& units, model::Better better);

// A column's value at model time t, interpolated between saved rows; nullopt without the column.
std::optional<double> valueAt(const sim::RunResult& run, const std::string& name, double t);
// "1 Jan 2030 (week 261)" with a calendar, else "time 261"; the model's time unit in singular.
std::string describeTime(const model::SimSpecs& specs, double t);
// A variable's value at a time as the Properties panel reads it: "Value on 1 Jan 2031 (week 313): 435,000
// people" (with a calendar; else "Value at week 313: ..."); "none (NaN)" when it has no value.
std::string describeValueAt(const model::SimSpecs& specs, double t, double value, const std::string& units);
// The model time named by --at: with a calendar "2030" (1 January), "2030/31" (1 April 2030) or
// "2030-04-01"; else a model time ("261"). nullopt with a reason when the text is none of these.
std::optional<double> parseTimeChoice(const model::SimSpecs& specs, const std::string& text,
                                      std::string& error);

// The comparison table: a row per measure with its baseline value at t and each scenario's change.
TextTable comparisonTable(const model::Project& project, const std::vector<sim::RunResult>& results,
                          const std::vector<std::string>& measures, double t);

// One scenario's business case against the baseline, read by financial year when the model has a calendar
// (years from the first 1 April of the run; the months before it are named in `note`), else by year of the
// run; money in pounds from the ledgers' units.
struct BusinessCaseReport {
    std::optional<analysis::BusinessCase> result;
    std::string error;                      // why there is no result
    std::string note;                       // how the years are counted
    TextTable table;                        // year, each payer's saving, total, cumulative total
    std::vector<std::string> payback, npv;  // "Council: 2027/28" per payer, then the total
    std::vector<std::string> years;         // "2025/26" (or "year 1") for each year of `result`
    std::vector<std::string> payers;        // "Council" for each payer of `result` (payerName)
    std::vector<std::string> payerColumns;  // "council spend": its columns' names in a machine's file
    double poundsPerUnit = 0;               // pounds one ledger unit is worth; 0 when they are not money
    std::string paybackOf(const analysis::PayerResult& payer) const;  // "2027/28", "no change", ...
};
// A payer as a person reads it, from its ledger's name (without "ledger" and a trailing spend or cost):
// "ledger_council_spend" is "Council", "ledger_nhs_cost" "NHS", "ledger_self_funder_spend" "People paying for
// their own care"; any other is its name, capitalised.
std::string payerName(const std::string& ledger);
// The model's cost ledgers a business case reads: the members of its "Business case" group, one per payer.
inline constexpr const char* kBusinessCaseGroup = "Business case";
std::vector<std::string> businessCaseLedgers(const model::Model& model);
// How a net present value's rate reads: "3.5% a year (the HM Treasury Green Book rate; ...)".
std::string discountRateNote(double rate);

BusinessCaseReport businessCaseReport(const model::Project& project, const sim::RunResult& baseline,
                                      const sim::RunResult& scenario, const std::vector<std::string>& ledgers,
                                      double discountRate = analysis::kGreenBookDiscountRate);

}  // namespace sdw::app
