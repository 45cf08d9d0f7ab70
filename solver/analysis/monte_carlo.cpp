// Monte Carlo runs and percentile bands. Layer: solver (analysis). No GUI, no Lua.
#include "solver/analysis/monte_carlo.hpp"

#include <algorithm>
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

namespace {

// A run's kept values: rows x cols, row-major (a RunResult's data, or its slice of a batch's buffer).
struct RunView {
    const double* data = nullptr;
    size_t rows = 0;
};

// Rows a worker summarises at a time: each run's values for them are read as one contiguous piece.
constexpr size_t kBlockRows = 16;

// The bands of the ok runs (`views`, in run order), Time from the first: rows in blocks over `threads`
// workers, each row's numbers the same whichever worker made them.
void bands(const MonteCarloSpec& spec, const std::vector<RunView>& views, size_t rows, size_t cols,
           unsigned threads, MonteCarloResult& out) {
    const size_t width = out.columns.size(), n = views.size(), p = spec.percentiles.size();
    out.data.assign(rows * width, 0.0);
    const size_t blocks = (rows + kBlockRows - 1) / kBlockRows;
    parallelFor(blocks, threads, [&](size_t b) {
        const size_t r0 = b * kBlockRows, r1 = std::min(rows, r0 + kBlockRows);
        std::vector<double> values((r1 - r0) * n), copy(n);
        for (size_t c = 1; c < cols; ++c) {
            for (size_t k = 0; k < n; ++k)  // run by run: each run's rows r0..r1 lie together
                for (size_t row = r0; row < r1; ++row)
                    values[(row - r0) * n + k] =
                        row < views[k].rows ? views[k].data[row * cols + c] : std::nan("");
            for (size_t row = r0; row < r1; ++row) {
                double* at = out.data.data() + row * width + 1 + (c - 1) * p;
                const double* v = values.data() + (row - r0) * n;
                for (size_t q = 0; q < p; ++q) {
                    copy.assign(v, v + n);
                    at[q] = percentile(copy, spec.percentiles[q]);
                }
            }
        }
        for (size_t row = r0; row < r1; ++row) out.data[row * width] = views.front().data[row * cols];
    });
}

// Failures, columns and bands of runs already made (`out.runs` statuses, `views` their values by run).
bool summarise(const MonteCarloSpec& spec, const std::vector<std::string>& names,
               const std::vector<RunView>& views, unsigned threads, MonteCarloResult& out,
               std::string& error) {
    out.failures.clear();
    out.columns.clear();
    out.data.clear();
    std::vector<RunView> ok;
    for (size_t i = 0; i < out.runs.size(); ++i) {
        if (out.runs[i].ok())
            ok.push_back(views[i]);
        else
            out.failures.push_back({i, out.samples[i], failureMessage(out.runs[i])});
    }
    out.okRuns = ok.size();
    if (ok.empty()) {
        error = "every run failed" + (out.failures.empty() ? "" : ": " + out.failures.front().message);
        return false;
    }
    out.columns = {"Time"};  // then each summarised variable's bands (an arrayed variable: each element's)
    for (size_t c = 1; c < names.size(); ++c)
        for (double p : spec.percentiles) out.columns.push_back(percentileColumn(names[c], p));
    bands(spec, ok, ok.front().rows, names.size(), threads, out);
    return true;
}

// The runs' statuses from a batch, with each run's last row (its final values); the series stay in the batch.
std::vector<sim::RunResult> statuses(const sim::BatchResult& batch) {
    std::vector<sim::RunResult> out(batch.runs.size());
    for (size_t i = 0; i < out.size(); ++i) {
        sim::RunResult& r = out[i];
        r.status = batch.runs[i].status;
        r.diagnostics = batch.runs[i].diagnostics;
        r.engine = batch.runs[i].engine;
        r.names = batch.names;
        r.start = batch.start;
        r.stop = batch.stop;
        r.dt = batch.dt;
        r.saveper = batch.saveper;
        r.method = batch.method;
        if (const size_t rows = batch.runs[i].rows; rows > 0) {
            const double* last = batch.run(i) + (rows - 1) * batch.cols();
            r.data.assign(last, last + batch.cols());
        }
    }
    return out;
}

}  // namespace

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
    o.seed = spec.seed;  // trial i's own noise from (seed, i): analysis::trialSeed
    if (auto batch = runner.runAsOneBatch(out.samples, o); batch && batch->ok()) {
        out.runs = statuses(*batch);
        std::vector<RunView> views(batch->runs.size());
        for (size_t i = 0; i < views.size(); ++i) views[i] = {batch->run(i), batch->runs[i].rows};
        return summarise(spec, batch->names, views, options.threads, out, error);
    }
    out.runs = runner.run(out.samples, o);
    return summariseRuns(spec, out, error);
}

bool summariseRuns(const MonteCarloSpec& spec, MonteCarloResult& out, std::string& error) {
    std::vector<RunView> views(out.runs.size());
    const sim::RunResult* first = nullptr;
    for (size_t i = 0; i < views.size(); ++i) {
        views[i] = {out.runs[i].data.data(), out.runs[i].rows()};
        if (!first && out.runs[i].ok()) first = &out.runs[i];
    }
    return summarise(spec, first ? first->names : std::vector<std::string>{}, views, 0, out, error);
}

}  // namespace sdw::analysis
