// Calibration: fit named constants to observed series with NLopt (a global search, DIRECT-L, then a local
// polish, BOBYQA, both within bounds), under a sum-of-squares, normal or Poisson payoff, with 95% intervals
// from the curvature of the payoff at the optimum (Gauss-Newton, with the residual variance for sums of
// squares). Observed data: a CSV with a Time column and columns named like model variables, gaps allowed.
// Layer: solver (analysis). No GUI, no Lua.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "solver/analysis/trials.hpp"
#include "solver/model/model.hpp"

namespace sdw::analysis {

// One observed series: the times (model units) where it has a value, and the values.
struct ObservedSeries {
    std::string name;
    std::vector<double> times, values;
};

// Reads a data CSV: a first column "Time" (any case), then one column per variable; an empty cell (or NA) is
// a gap. nullopt with `error` naming the line and column of a bad cell.
std::optional<std::vector<ObservedSeries>> readObservedCsv(const std::string& text, std::string& error);

enum class Payoff { SumOfSquares, Normal, Poisson };
std::optional<Payoff> parsePayoff(const std::string& name);  // "sse", "normal", "poisson"

struct FitParameter {
    std::string name;
    double lo = 0, hi = 1;
};

struct CalibrationSpec {
    std::vector<FitParameter> parameters;
    std::vector<ObservedSeries> data;
    Payoff payoff = Payoff::SumOfSquares;
    std::map<std::string, double> weights;  // by series name (canonical); default 1
    size_t globalEvaluations = 0;           // 0: 150 per parameter
    size_t localEvaluations = 0;            // 0: 200 per parameter
};

struct FitRow {
    std::string parameter;
    double value = 0, low95 = 0, high95 = 0;
};

struct CalibrationResult {
    std::vector<FitRow> rows;
    double payoff = 0;         // at the optimum
    double payoffAtStart = 0;  // at the model's own values (NaN when they lie outside the bounds or fail)
    size_t evaluations = 0;    // model runs, intervals included
    size_t points = 0;         // observed values fitted
    std::string intervalMethod;
    std::vector<std::pair<std::string, double>> rmse;  // per series, at the optimum
    bool atBound = false;                              // some parameter ended on its bound
};

// Each observed series' weight in the fit and where it came from: `spec.weights` (given: --weight, weights=),
// else the model's own <sdw:calibration weight> on that variable (saved by the workbench's Calibrate tab),
// else 1. Fills spec.weights with the model's, so the fit uses them.
struct SeriesWeight {
    std::string series;
    double weight = 1;
    enum class Source { Given, Model, Default } source = Source::Default;
};
std::vector<SeriesWeight> resolveWeights(const model::Model& model, CalibrationSpec& spec);
// "y1 1 (default), y2 3 (saved in the model), y3 0 (--weight)": `given` names the option that gives them.
std::string weightsText(const std::vector<SeriesWeight>& weights, const std::string& given);

// Fits. False with `error` when the spec is wrong (unknown series, data outside the run, bounds) or no run
// succeeds.
bool calibrate(const CalibrationSpec& spec, TrialRunner& runner, const TrialOptions& options,
               CalibrationResult& out, std::string& error);

}  // namespace sdw::analysis
