// One-at-a-time swings, Morris screening and Sobol indices. Layer: solver (analysis). No GUI, no Lua.
#include "solver/analysis/sensitivity.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace sdw::analysis {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

double finalOr(const sim::RunResult& r, const std::string& name) {
    if (!r.ok()) return kNaN;
    return r.finalValue(name).value_or(kNaN);
}

bool allFinite(const std::vector<double>& v) {
    return std::all_of(v.begin(), v.end(), [](double x) { return std::isfinite(x); });
}

}  // namespace

double scaledValue(const Distribution& d, double u) {
    if (!std::isfinite(d.lower())) u = std::max(u, 1e-3);
    if (!std::isfinite(d.upper())) u = std::min(u, 1 - 1e-3);
    return d.quantile(u);
}

bool oneAtATime(const std::vector<OatInput>& inputs, const std::vector<std::string>& outcomes,
                TrialRunner& runner, const TrialOptions& options, std::vector<TornadoBar>& bars,
                std::vector<FailedRun>& failures, std::string& error) {
    for (const auto& in : inputs)
        if (auto why = runner.checkInput(in.name); !why.empty()) {
            error = in.name + ": " + why;
            return false;
        }
    if (auto why = checkOutputs(runner, outcomes); !why.empty()) {
        error = why;
        return false;
    }
    std::vector<Inputs> trials(1 + 2 * inputs.size());  // trial 0: the baseline, nothing changed
    for (size_t d = 0; d < inputs.size(); ++d) {
        trials[1 + 2 * d] = {{inputs[d].name, inputs[d].low}};
        trials[2 + 2 * d] = {{inputs[d].name, inputs[d].high}};
    }
    TrialOptions o = options;
    o.vars = outcomes;
    const auto results = runner.run(trials, o);
    for (size_t i = 0; i < results.size(); ++i)
        if (!results[i].ok()) failures.push_back({i, trials[i], failureMessage(results[i])});
    if (!results[0].ok()) {
        error = "the baseline run failed: " + failureMessage(results[0]);
        return false;
    }
    bars.clear();
    for (const auto& out : outcomes) {
        std::vector<TornadoBar> these;
        for (size_t d = 0; d < inputs.size(); ++d) {
            TornadoBar b{inputs[d].name, out, inputs[d].low, inputs[d].high};
            b.baseline = finalOr(results[0], out);
            b.outcomeLow = finalOr(results[1 + 2 * d], out);
            b.outcomeHigh = finalOr(results[2 + 2 * d], out);
            b.swing = std::fabs(b.outcomeHigh - b.outcomeLow);
            these.push_back(b);
        }
        std::stable_sort(these.begin(), these.end(), [](const TornadoBar& a, const TornadoBar& b) {
            return (std::isnan(a.swing) ? -1 : a.swing) > (std::isnan(b.swing) ? -1 : b.swing);
        });
        bars.insert(bars.end(), these.begin(), these.end());
    }
    return true;
}

std::vector<std::vector<MorrisIndex>> morris(size_t k, size_t outcomes, size_t r, size_t p, uint64_t seed,
                                             const PointFunction& f) {
    SplitMix64 rng(seed);
    const double pd = static_cast<double>(p), delta = pd / (2 * (pd - 1));
    std::vector<std::vector<double>> points;
    std::vector<std::vector<size_t>> orders;
    std::vector<std::vector<int>> signs;
    for (size_t t = 0; t < r; ++t) {
        std::vector<double> x(k);
        for (auto& xi : x)
            xi = static_cast<double>(rng.next() % (p / 2)) / (pd - 1);  // leaves room for +delta
        std::vector<size_t> order(k);
        std::iota(order.begin(), order.end(), size_t{0});
        for (size_t i = k; i > 1; --i) std::swap(order[i - 1], order[rng.next() % i]);
        std::vector<int> sign(k);
        for (size_t i = 0; i < k; ++i) {  // start low or high, move across
            if (rng.next() % 2) {
                x[i] += delta;
                sign[i] = -1;
            } else {
                sign[i] = 1;
            }
        }
        points.push_back(x);
        for (size_t step : order) {
            x[step] += sign[step] * delta;
            points.push_back(x);
        }
        orders.push_back(order);
        signs.push_back(sign);
    }
    const auto values = f(points);
    std::vector<std::vector<MorrisIndex>> out(outcomes, std::vector<MorrisIndex>(k));
    std::vector<std::vector<std::vector<double>>> effects(outcomes, std::vector<std::vector<double>>(k));
    for (size_t t = 0; t < r; ++t) {
        const size_t base = t * (k + 1);
        for (size_t s = 0; s < k; ++s) {
            const size_t i = orders[t][s];
            for (size_t o = 0; o < outcomes; ++o) {
                const double ee = (values[base + s + 1][o] - values[base + s][o]) / (signs[t][i] * delta);
                if (std::isfinite(ee)) effects[o][i].push_back(ee);
            }
        }
    }
    for (size_t o = 0; o < outcomes; ++o)
        for (size_t i = 0; i < k; ++i) {
            const auto& e = effects[o][i];
            auto& m = out[o][i];
            m.effects = e.size();
            if (e.empty()) {
                m.mu = m.muStar = m.sigma = kNaN;
                continue;
            }
            const double n = static_cast<double>(e.size());
            for (double v : e) {
                m.mu += v / n;
                m.muStar += std::fabs(v) / n;
            }
            for (double v : e) m.sigma += (v - m.mu) * (v - m.mu);
            m.sigma = e.size() > 1 ? std::sqrt(m.sigma / (n - 1)) : 0;
        }
    return out;
}

std::vector<std::vector<SobolIndex>> sobol(size_t k, size_t outcomes, size_t n, uint64_t seed,
                                           const PointFunction& f) {
    const auto base = randomPoints(n, 2 * k, seed);  // A: columns 0..k-1, B: k..2k-1
    std::vector<std::vector<double>> points;
    points.reserve(n * (k + 2));
    for (size_t j = 0; j < n; ++j) {
        std::vector<double> a(base[j].begin(), base[j].begin() + static_cast<std::ptrdiff_t>(k));
        std::vector<double> b(base[j].begin() + static_cast<std::ptrdiff_t>(k), base[j].end());
        points.push_back(a);
        points.push_back(b);
        for (size_t i = 0; i < k; ++i) {
            auto ab = a;
            ab[i] = b[i];
            points.push_back(ab);
        }
    }
    const auto values = f(points);
    std::vector<std::vector<SobolIndex>> out(outcomes, std::vector<SobolIndex>(k));
    for (size_t o = 0; o < outcomes; ++o) {
        std::vector<size_t> rows;
        for (size_t j = 0; j < n; ++j) {
            bool ok = true;
            for (size_t c = 0; c < k + 2; ++c) ok = ok && std::isfinite(values[j * (k + 2) + c][o]);
            if (ok) rows.push_back(j);
        }
        const double m = static_cast<double>(rows.size());
        double mean = 0, var = 0;
        for (size_t j : rows) mean += (values[j * (k + 2)][o] + values[j * (k + 2) + 1][o]) / (2 * m);
        for (size_t j : rows)
            for (size_t c : {0, 1}) var += std::pow(values[j * (k + 2) + c][o] - mean, 2) / (2 * m - 1);
        for (size_t i = 0; i < k; ++i) {
            double first = 0, total = 0;
            for (size_t j : rows) {
                const double fa = values[j * (k + 2)][o], fb = values[j * (k + 2) + 1][o];
                const double fab = values[j * (k + 2) + 2 + i][o];
                first += fb * (fab - fa) / m;                // Saltelli 2010
                total += (fa - fab) * (fa - fab) / (2 * m);  // Jansen 1999
            }
            out[o][i] = var > 0 ? SobolIndex{first / var, total / var} : SobolIndex{kNaN, kNaN};
        }
    }
    return out;
}

std::vector<std::vector<double>> ModelScorer::operator()(const std::vector<std::vector<double>>& points) {
    std::vector<Inputs> trials(points.size());
    for (size_t j = 0; j < points.size(); ++j)
        for (size_t i = 0; i < m_inputs.size(); ++i)
            trials[j].emplace_back(m_inputs[i].name, scaledValue(m_inputs[i].distribution, points[j][i]));
    TrialOptions o = m_options;
    o.vars = m_outcomes;
    const auto results = m_runner.run(trials, o);
    std::vector<std::vector<double>> out(points.size(), std::vector<double>(m_outcomes.size(), kNaN));
    for (size_t j = 0; j < results.size(); ++j) {
        if (!results[j].ok()) {
            m_failures.push_back({m_runs + j, trials[j], failureMessage(results[j])});
            continue;
        }
        for (size_t c = 0; c < m_outcomes.size(); ++c) out[j][c] = finalOr(results[j], m_outcomes[c]);
        if (!allFinite(out[j])) out[j].assign(m_outcomes.size(), kNaN);
    }
    m_runs += points.size();
    return out;
}

}  // namespace sdw::analysis
