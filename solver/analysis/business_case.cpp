// Business case by comparing runs: yearly costs and savings by payer, payback year, net present value.
// Layer: solver (analysis). Depends on sim/ results and the standard library.
#include "solver/analysis/business_case.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>

namespace sdw::analysis {
namespace {

void finish(PayerResult& r, double rate) {
    double sum = 0;
    r.cumulativeSaving.clear();
    r.netPresentValue = 0;
    for (size_t y = 0; y < r.saving.size(); ++y) {
        sum += r.saving[y];
        r.cumulativeSaving.push_back(sum);
        r.netPresentValue += r.saving[y] / std::pow(1 + rate, static_cast<double>(y));
    }
    r.paybackYear.reset();
    for (size_t y = r.cumulativeSaving.size(); y-- > 0;) {
        if (r.cumulativeSaving[y] < 0) break;
        r.paybackYear = static_cast<int>(y);
    }
}

}  // namespace

std::optional<BusinessCase> computeBusinessCase(const BusinessCaseInput& in, std::string& error) {
    const auto& t = in.times;
    if (in.payers.empty()) {
        error = "no payer ledger to compare";
        return std::nullopt;
    }
    if (!(in.timeUnitsPerYear > 0) || !std::isfinite(in.timeUnitsPerYear)) {
        error = "the length of a year in the model's time unit must be a positive number";
        return std::nullopt;
    }
    if (!std::isfinite(in.discountRate) || in.discountRate <= -1) {
        error = "the discount rate must be a number above -100%";
        return std::nullopt;
    }
    for (size_t i = 1; i < t.size(); ++i)
        if (!(t[i] > t[i - 1])) {
            error = "the sample times must increase";
            return std::nullopt;
        }
    for (const auto& p : in.payers)
        if (p.baseline.size() != t.size() || p.scenario.size() != t.size()) {
            error = "the ledger of '" + p.payer + "' does not have one value for each sample time";
            return std::nullopt;
        }
    if (t.size() < 2) {
        error = "at least two sample times are needed";
        return std::nullopt;
    }
    const int years = static_cast<int>(std::floor((t.back() - t.front()) / in.timeUnitsPerYear + 1e-9));
    if (years < 1) {
        error = "the runs cover less than a whole year";
        return std::nullopt;
    }
    BusinessCase bc;
    bc.years = years;
    bc.total.payer = "total";
    bc.total.baselineCost.assign(static_cast<size_t>(years), 0);
    bc.total.scenarioCost.assign(static_cast<size_t>(years), 0);
    bc.total.saving.assign(static_cast<size_t>(years), 0);
    for (const auto& p : in.payers) {
        PayerResult r;
        r.payer = p.payer;
        for (int y = 0; y < years; ++y) {
            const double a = t.front() + y * in.timeUnitsPerYear, b = a + in.timeUnitsPerYear;
            const double base = interpolate(t, p.baseline, b) - interpolate(t, p.baseline, a);
            const double scen = interpolate(t, p.scenario, b) - interpolate(t, p.scenario, a);
            r.baselineCost.push_back(base);
            r.scenarioCost.push_back(scen);
            r.saving.push_back(base - scen);
            const auto k = static_cast<size_t>(y);
            bc.total.baselineCost[k] += base;
            bc.total.scenarioCost[k] += scen;
            bc.total.saving[k] += base - scen;
        }
        finish(r, in.discountRate);
        bc.payers.push_back(std::move(r));
    }
    finish(bc.total, in.discountRate);
    return bc;
}

std::optional<BusinessCaseInput> ledgersFromRuns(const sim::RunResult& baseline,
                                                 const sim::RunResult& scenario,
                                                 const std::vector<std::string>& columns,
                                                 double timeUnitsPerYear, std::string& error) {
    BusinessCaseInput in;
    in.timeUnitsPerYear = timeUnitsPerYear;
    in.times = baseline.series("Time");
    const auto scenarioTimes = scenario.series("Time");
    if (in.times.empty() || scenarioTimes.empty()) {
        error = "a run has no saved rows";
        return std::nullopt;
    }
    for (const auto& c : columns) {
        PayerLedger p;
        p.payer = c;
        p.baseline = baseline.series(c);
        const auto s = scenario.series(c);
        if (p.baseline.empty() || s.empty()) {
            error = "the runs have no column '" + c + "'";
            return std::nullopt;
        }
        for (double time : in.times) p.scenario.push_back(interpolate(scenarioTimes, s, time));
        in.payers.push_back(std::move(p));
    }
    return in;
}

double interpolate(const std::vector<double>& times, const std::vector<double>& values, double t) {
    if (t <= times.front()) return values.front();
    if (t >= times.back()) return values.back();
    const auto it = std::upper_bound(times.begin(), times.end(), t);
    const size_t i = static_cast<size_t>(it - times.begin());
    const double t0 = times[i - 1], t1 = times[i];
    const double f = t1 > t0 ? (t - t0) / (t1 - t0) : 0;
    return values[i - 1] + f * (values[i] - values[i - 1]);
}

BusinessCaseInput startingAt(const BusinessCaseInput& in, double t) {
    if (in.times.empty() || !(t > in.times.front())) return in;
    BusinessCaseInput out = in;
    out.times = {t};
    for (double s : in.times)
        if (s > t) out.times.push_back(s);
    for (size_t k = 0; k < in.payers.size(); ++k) {
        auto& p = out.payers[k];
        p.baseline = {interpolate(in.times, in.payers[k].baseline, t)};
        p.scenario = {interpolate(in.times, in.payers[k].scenario, t)};
        for (size_t i = 0; i < in.times.size(); ++i)
            if (in.times[i] > t) {
                p.baseline.push_back(in.payers[k].baseline[i]);
                p.scenario.push_back(in.payers[k].scenario[i]);
            }
    }
    return out;
}

double timeUnitsPerYear(const std::string& timeUnits) {
    std::string u;
    for (char c : timeUnits)
        if (!std::isspace(static_cast<unsigned char>(c))) u += static_cast<char>(std::tolower(c));
    if (u == "week" || u == "weeks" || u == "wk" || u == "wks") return 365.25 / 7;
    if (u == "month" || u == "months" || u == "mo") return 12;
    if (u == "day" || u == "days" || u == "d") return 365.25;
    if (u == "year" || u == "years" || u == "yr" || u == "yrs" || u == "a") return 1;
    if (u == "quarter" || u == "quarters") return 4;
    return 0;
}

}  // namespace sdw::analysis
