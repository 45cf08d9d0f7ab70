// Monte Carlo runs and percentile bands. Layer: solver (analysis). No GUI, no Lua.
#include "solver/analysis/monte_carlo.hpp"

#include <charconv>
#include <cmath>

namespace sdw::analysis {

std::string percentileColumn(const std::string& var, double p) {
    char buf[32];
    auto r = std::to_chars(buf, buf + sizeof buf, p);
    return var + "[p" + std::string(buf, r.ptr) + "]";
}

bool drawSamples(const MonteCarloSpec& spec, std::vector<Inputs>& samples, std::string& error) {
    const size_t d = spec.inputs.size();
    auto points =
        spec.latin ? latinHypercube(spec.runs, d, spec.seed) : randomPoints(spec.runs, d, spec.seed);
    if (!correlateRanks(points, spec.correlations, spec.seed, error)) return false;
    samples.assign(spec.runs, {});
    for (size_t i = 0; i < spec.runs; ++i)
        for (size_t k = 0; k < d; ++k)
            samples[i].emplace_back(spec.inputs[k].name, spec.inputs[k].distribution.quantile(points[i][k]));
    return true;
}

bool runMonteCarlo(const MonteCarloSpec& spec, TrialRunner& runner, const TrialOptions& options,
                   MonteCarloResult& out, std::string& error) {
    out = {};
    for (const auto& in : spec.inputs)
        if (auto why = runner.checkInput(in.name); !why.empty()) {
            error = "--vary " + in.name + ": " + why;
            return false;
        }
    if (auto why = checkOutputs(runner, spec.vars); !why.empty()) {
        error = "--vars " + why;
        return false;
    }
    if (!drawSamples(spec, out.samples, error)) return false;
    TrialOptions o = options;
    o.vars = spec.vars;
    o.distinctSeeds = true;
    out.runs = runner.run(out.samples, o);
    return summariseRuns(spec, out, error);
}

bool summariseRuns(const MonteCarloSpec& spec, MonteCarloResult& out, std::string& error) {
    out.failures.clear();
    out.columns.clear();
    out.data.clear();
    std::vector<size_t> ok;
    for (size_t i = 0; i < out.runs.size(); ++i) {
        if (out.runs[i].ok())
            ok.push_back(i);
        else
            out.failures.push_back({i, out.samples[i], failureMessage(out.runs[i])});
    }
    out.okRuns = ok.size();
    if (ok.empty()) {
        error = "every run failed" + (out.failures.empty() ? "" : ": " + out.failures.front().message);
        return false;
    }
    const sim::RunResult& first = out.runs[ok.front()];
    const size_t rows = first.rows();
    // Columns of the summarised variables (an arrayed variable brings each element).
    std::vector<size_t> cols;
    for (size_t c = 1; c < first.cols(); ++c) cols.push_back(c);
    out.columns = {"Time"};
    for (size_t c : cols)
        for (double p : spec.percentiles) out.columns.push_back(percentileColumn(first.names[c], p));
    out.data.reserve(rows * out.columns.size());
    std::vector<double> values(ok.size());
    for (size_t row = 0; row < rows; ++row) {
        out.data.push_back(first.at(row, 0));
        for (size_t c : cols) {
            for (size_t k = 0; k < ok.size(); ++k) {
                const auto& r = out.runs[ok[k]];
                values[k] = row < r.rows() ? r.at(row, c) : std::nan("");
            }
            for (double p : spec.percentiles) {
                auto copy = values;
                out.data.push_back(percentile(copy, p));
            }
        }
    }
    return true;
}

}  // namespace sdw::analysis
