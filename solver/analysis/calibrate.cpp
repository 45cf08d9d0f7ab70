// Calibration with NLopt: DIRECT-L over the box, then BOBYQA from the best point; 95% intervals from the
// Gauss-Newton curvature of the payoff at the optimum. Layer: solver (analysis). No GUI, no Lua.
#include "solver/analysis/calibrate.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <functional>
#include <nlopt.hpp>

#include "solver/analysis/distribution.hpp"

namespace sdw::analysis {
namespace {

constexpr double kFailed = 1e300;  // the payoff of a run that fails: the optimiser steers away from it

using Matrix = std::vector<std::vector<double>>;

// Inverse by Gauss-Jordan with partial pivoting; false when singular.
bool invert(Matrix a, Matrix& inv) {
    const size_t n = a.size();
    inv.assign(n, std::vector<double>(n, 0.0));
    for (size_t i = 0; i < n; ++i) inv[i][i] = 1;
    for (size_t c = 0; c < n; ++c) {
        size_t piv = c;
        for (size_t r = c + 1; r < n; ++r)
            if (std::fabs(a[r][c]) > std::fabs(a[piv][c])) piv = r;
        if (!(std::fabs(a[piv][c]) > 1e-300)) return false;
        std::swap(a[c], a[piv]);
        std::swap(inv[c], inv[piv]);
        const double d = a[c][c];
        for (size_t k = 0; k < n; ++k) {
            a[c][k] /= d;
            inv[c][k] /= d;
        }
        for (size_t r = 0; r < n; ++r) {
            if (r == c) continue;
            const double f = a[r][c];
            for (size_t k = 0; k < n; ++k) {
                a[r][k] -= f * a[c][k];
                inv[r][k] -= f * inv[c][k];
            }
        }
    }
    return true;
}

// The model's value at time t by linear interpolation between saved rows.
double interpolate(const sim::RunResult& r, int col, double t) {
    const size_t rows = r.rows();
    size_t lo = 0, hi = rows - 1;
    if (t <= r.at(0, 0)) return r.at(0, static_cast<size_t>(col));
    if (t >= r.at(hi, 0)) return r.at(hi, static_cast<size_t>(col));
    while (hi - lo > 1) {
        const size_t mid = (lo + hi) / 2;
        (r.at(mid, 0) <= t ? lo : hi) = mid;
    }
    const double t0 = r.at(lo, 0), t1 = r.at(hi, 0), w = (t - t0) / (t1 - t0);
    return (1 - w) * r.at(lo, static_cast<size_t>(col)) + w * r.at(hi, static_cast<size_t>(col));
}

struct Fitter {
    const CalibrationSpec& spec;
    TrialRunner& runner;
    TrialOptions options;
    std::vector<double> weights;  // per series
    size_t evaluations = 0;
    size_t budget = 0;                             // the evaluations planned, for progress
    std::function<void(size_t, size_t)> progress;  // evaluations done of the budget (the caller's)

    bool cancelled() const { return options.cancel && options.cancel->load(); }

    // Model values at every observed point (flattened series by series) for each parameter vector; an empty
    // vector for a run that failed.
    std::vector<std::vector<double>> predict(const std::vector<std::vector<double>>& xs) {
        std::vector<Inputs> trials(xs.size());
        for (size_t j = 0; j < xs.size(); ++j)
            for (size_t i = 0; i < xs[j].size(); ++i)
                trials[j].emplace_back(spec.parameters[i].name, xs[j][i]);
        const auto results = runner.run(trials, options);
        evaluations += xs.size();
        if (progress) progress(std::min(evaluations, budget), budget);
        std::vector<std::vector<double>> out(xs.size());
        for (size_t j = 0; j < results.size(); ++j) {
            if (!results[j].ok() || results[j].rows() == 0) continue;
            for (const auto& s : spec.data) {
                const int col = results[j].column(s.name);
                for (double t : s.times)
                    out[j].push_back(col < 0 ? std::nan("") : interpolate(results[j], col, t));
            }
        }
        return out;
    }

    // The payoff of predictions; sse per series on the side.
    double payoff(const std::vector<double>& m, std::vector<double>* sse = nullptr) const {
        if (m.empty()) return kFailed;
        double total = 0;
        size_t k = 0;
        for (size_t s = 0; s < spec.data.size(); ++s) {
            double ss = 0, pois = 0;
            for (double y : spec.data[s].values) {
                const double mu = m[k++];
                if (!std::isfinite(mu)) return kFailed;
                ss += (mu - y) * (mu - y);
                pois += mu > 0 ? mu - y * std::log(mu) : (y > 0 ? kFailed : mu);
            }
            const double n = static_cast<double>(spec.data[s].values.size());
            if (sse) sse->push_back(ss);
            if (spec.payoff == Payoff::SumOfSquares) total += weights[s] * ss;
            if (spec.payoff == Payoff::Normal)
                total += weights[s] * n / 2 * std::log(std::max(ss / n, 1e-300));
            if (spec.payoff == Payoff::Poisson) total += weights[s] * pois;
        }
        return std::min(total, kFailed);
    }

    double evaluate(const std::vector<double>& x) { return payoff(predict({x}).front()); }
};

double objective(const std::vector<double>& x, std::vector<double>& grad, void* data) {
    auto* f = static_cast<Fitter*>(data);
    if (f->cancelled()) throw nlopt::forced_stop();  // NLopt stops the search and throws it back to optimise
    return f->evaluate(x);
}

// Best point by `algorithm` from `start`; keeps the better of start and the result.
std::vector<double> optimise(nlopt::algorithm algorithm, Fitter& f, std::vector<double> start, size_t budget,
                             double& best) {
    const size_t p = start.size();
    nlopt::opt opt(algorithm, static_cast<unsigned>(p));
    std::vector<double> lo, hi;
    for (const auto& q : f.spec.parameters) {
        lo.push_back(q.lo);
        hi.push_back(q.hi);
    }
    opt.set_lower_bounds(lo);
    opt.set_upper_bounds(hi);
    opt.set_min_objective(objective, &f);
    opt.set_maxeval(static_cast<int>(budget));
    opt.set_xtol_rel(1e-10);
    opt.set_ftol_rel(1e-14);
    double value = kFailed;
    try {
        opt.optimize(start, value);
    } catch (const std::exception&) {
        // roundoff or a forced stop: `start` holds the best point so far
        value = f.evaluate(start);
    }
    best = value;
    return start;
}

// 95% intervals from the Gauss-Newton curvature at x.
void intervals(Fitter& f, const std::vector<double>& x, const std::vector<double>& m,
               CalibrationResult& out) {
    const size_t p = x.size(), n = m.size();
    std::vector<std::vector<double>> xs;
    std::vector<double> h(p);
    for (size_t i = 0; i < p; ++i) {
        const auto& q = f.spec.parameters[i];
        h[i] = 1e-4 * std::max(std::fabs(x[i]), 1e-2 * (q.hi - q.lo));
        for (double sign : {1.0, -1.0}) {
            auto y = x;
            y[i] += sign * h[i];
            xs.push_back(y);
        }
    }
    const auto pred = f.predict(xs);  // one batch: every core
    // Weight of each point: the series' weight, over its variance for the likelihoods.
    std::vector<double> sse, w;
    f.payoff(m, &sse);
    size_t k = 0;
    for (size_t s = 0; s < f.spec.data.size(); ++s)
        for (size_t j = 0; j < f.spec.data[s].values.size(); ++j, ++k) {
            const double ns = static_cast<double>(f.spec.data[s].values.size());
            if (f.spec.payoff == Payoff::SumOfSquares) w.push_back(f.weights[s]);
            if (f.spec.payoff == Payoff::Normal) w.push_back(f.weights[s] / std::max(sse[s] / ns, 1e-300));
            if (f.spec.payoff == Payoff::Poisson) w.push_back(f.weights[s] / std::max(m[k], 1e-300));
        }
    Matrix info(p, std::vector<double>(p, 0.0)), cov;
    bool ok = true;
    for (const auto& v : pred) ok = ok && v.size() == n;
    for (size_t a = 0; ok && a < p; ++a)
        for (size_t b = 0; b < p; ++b)
            for (size_t j = 0; j < n; ++j) {
                const double ja = (pred[2 * a][j] - pred[2 * a + 1][j]) / (2 * h[a]);
                const double jb = (pred[2 * b][j] - pred[2 * b + 1][j]) / (2 * h[b]);
                info[a][b] += w[j] * ja * jb;
            }
    double scale = 1, crit = normalQuantile(0.975);
    const double dof = static_cast<double>(n) - static_cast<double>(p);
    if (f.spec.payoff == Payoff::SumOfSquares) {
        scale = dof > 0 ? f.payoff(m) / dof : std::nan("");
        crit = dof > 0 ? studentT(0.95, dof) : std::nan("");
        out.intervalMethod =
            "Hessian (Gauss-Newton J'WJ) of the sum of squares, scaled by the residual variance "
            "SSE/(n-p), Student t with " +
            std::to_string(static_cast<long>(dof)) + " degrees of freedom";
    } else {
        out.intervalMethod =
            f.spec.payoff == Payoff::Normal
                ? "Fisher information (Gauss-Newton) of the normal likelihood, each series' sigma "
                  "estimated from its residuals; estimate +- 1.96 standard errors"
                : "Fisher information of the Poisson likelihood; estimate +- 1.96 standard errors";
    }
    if (!ok || !invert(info, cov)) {
        out.intervalMethod += " (not available: the data do not pin down every parameter)";
        ok = false;
    }
    for (size_t i = 0; i < p; ++i) {
        const double se = ok ? std::sqrt(std::max(cov[i][i] * scale, 0.0)) : std::nan("");
        out.rows.push_back({f.spec.parameters[i].name, x[i], x[i] - crit * se, x[i] + crit * se});
    }
}

}  // namespace

bool calibrate(const CalibrationSpec& spec, TrialRunner& runner, const TrialOptions& options,
               CalibrationResult& out, std::string& error) {
    out = {};
    if (spec.parameters.empty() || spec.data.empty()) {
        error = "give at least one parameter to fit and one observed series";
        return false;
    }
    for (const auto& q : spec.parameters) {
        if (auto why = runner.checkInput(q.name); !why.empty()) {
            error = "fit '" + q.name + "': " + why;
            return false;
        }
        if (!(q.lo < q.hi)) {
            error = "fit '" + q.name + "': the lower bound must be below the upper";
            return false;
        }
    }
    // Observations a fit can use: an infinite one made every run's payoff fail ("no run succeeded"), a series
    // without values (all gaps) a payoff of nothing.
    for (const auto& s : spec.data) {
        if (s.values.empty()) {
            error = "the data's '" + s.name + "' has no observed values (every row is a gap)";
            return false;
        }
        for (size_t k = 0; k < s.values.size(); ++k) {
            std::string bad;
            char at[32];
            std::snprintf(at, sizeof at, "%g", s.times[k]);
            if (!std::isfinite(s.times[k]))
                bad = "the data's '" + s.name + "' has a time that is not a finite number (" + at + ")";
            else if (!std::isfinite(s.values[k]))
                bad = "the data's '" + s.name + "' at time " + at + " is " +
                      (std::isnan(s.values[k]) ? "not a number" : "infinite") +
                      ": give a finite value, or leave the cell empty for a gap";
            if (!bad.empty()) {
                error = bad;
                return false;
            }
        }
    }
    Fitter f{spec, runner, options, {}, 0, 0, {}};
    f.options.vars.clear();
    f.options.progress = nullptr;  // runs are made one or a few at a time: progress counts evaluations
    f.progress = options.progress;
    for (const auto& s : spec.data) {
        f.options.vars.push_back(s.name);
        const auto it = spec.weights.find(model::canonicalName(s.name));
        f.weights.push_back(it == spec.weights.end() ? 1.0 : it->second);
        out.points += s.values.size();
    }
    std::vector<double> x, start;
    for (const auto& q : spec.parameters) {
        x.push_back(0.5 * (q.lo + q.hi));
        const auto v = runner.baseValue(q.name);
        start.push_back(v && *v >= q.lo && *v <= q.hi ? *v : std::nan(""));
    }
    const bool startInside =
        std::all_of(start.begin(), start.end(), [](double v) { return std::isfinite(v); });
    out.payoffAtStart = startInside ? f.evaluate(start) : std::nan("");
    // The data must be inside the run: a run at the midpoint says where the run goes and names what it lacks.
    TrialOptions all = f.options;
    all.vars.clear();
    const auto probe = f.runner.run({{}}, all);
    f.evaluations += 1;
    if (f.cancelled()) {
        error = "cancelled";
        return false;
    }
    if (!probe[0].ok()) {
        error = "the model does not run: " + failureMessage(probe[0]);
        return false;
    }
    for (const auto& s : spec.data) {
        if (probe[0].column(s.name) < 0) {
            const auto why = f.runner.checkOutput(s.name);
            error = "the data has a column '" + s.name +
                    "': " + (why.empty() ? "the model reports no variable of that name" : why);
            return false;
        }
        for (double t : s.times)
            if (t < probe[0].start - 1e-9 || t > probe[0].stop + 1e-9) {
                const auto num = [](double v) {
                    char buf[32];
                    std::snprintf(buf, sizeof buf, "%g", v);
                    return std::string(buf);
                };
                error = "'" + s.name + "' has a value at time " + num(t) + ", outside the run (" +
                        num(probe[0].start) + " to " + num(probe[0].stop) + ")";
                return false;
            }
    }
    const size_t p = spec.parameters.size();
    const size_t global = spec.globalEvaluations ? spec.globalEvaluations : 150 * p,
                 local = spec.localEvaluations ? spec.localEvaluations : 200 * p;
    f.budget = f.evaluations + global + local + 1 + 2 * p;  // + the optimum's run and the intervals' 2p
    double best = kFailed;
    x = optimise(nlopt::GN_DIRECT_L, f, x, global, best);
    if (startInside && out.payoffAtStart < best) x = start;  // never worse than where we began
    if (!f.cancelled()) x = optimise(nlopt::LN_BOBYQA, f, x, local, best);
    if (f.cancelled()) {
        error = "cancelled";
        return false;
    }
    const auto m = f.predict({x}).front();
    out.payoff = f.payoff(m);
    if (out.payoff >= kFailed) {
        error = "no run with the parameters in their bounds succeeded";
        return false;
    }
    intervals(f, x, m, out);
    std::vector<double> sse;
    f.payoff(m, &sse);
    for (size_t s = 0; s < spec.data.size(); ++s)
        out.rmse.emplace_back(spec.data[s].name,
                              std::sqrt(sse[s] / static_cast<double>(spec.data[s].values.size())));
    for (size_t i = 0; i < p; ++i) {
        const double span = spec.parameters[i].hi - spec.parameters[i].lo;
        out.atBound = out.atBound || x[i] - spec.parameters[i].lo < 1e-6 * span ||
                      spec.parameters[i].hi - x[i] < 1e-6 * span;
    }
    out.evaluations = f.evaluations;
    return true;
}

std::vector<SeriesWeight> resolveWeights(const model::Model& model, CalibrationSpec& spec) {
    std::vector<SeriesWeight> out;
    for (const auto& s : spec.data) {
        const std::string key = model::canonicalName(s.name);
        SeriesWeight w{s.name};
        if (const auto it = spec.weights.find(key); it != spec.weights.end()) {
            w.weight = it->second;
            w.source = SeriesWeight::Source::Given;
        } else if (const auto* v = model.find(s.name); v && v->calibrationWeight) {
            w.weight = spec.weights[key] = *v->calibrationWeight;
            w.source = SeriesWeight::Source::Model;
        }
        out.push_back(w);
    }
    return out;
}

std::string weightsText(const std::vector<SeriesWeight>& weights, const std::string& given) {
    std::string out;
    char number[32];
    for (const auto& w : weights) {
        std::snprintf(number, sizeof number, "%g", w.weight);
        const char* from = w.source == SeriesWeight::Source::Model     ? "saved in the model"
                           : w.source == SeriesWeight::Source::Default ? "default"
                                                                       : given.c_str();
        out += (out.empty() ? "" : ", ") + w.series + " " + number + " (" + from + ")";
    }
    return out;
}

}  // namespace sdw::analysis
