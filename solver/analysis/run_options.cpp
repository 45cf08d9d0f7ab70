// Checks of run options: save intervals. Layer: solver (analysis). Standard library only.
#include "solver/analysis/run_options.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>

namespace sdw::analysis {
namespace {

std::string num(double v) {
    char buf[32];
    auto r = std::to_chars(buf, buf + sizeof buf, v);
    return std::string(buf, r.ptr);
}

}  // namespace

std::string checkSaveper(double dt, double saveper) {
    if (!(dt > 0) || !std::isfinite(dt)) return "dt must be a positive number (got " + num(dt) + ")";
    if (!(saveper > 0) || !std::isfinite(saveper))
        return "saveper must be a positive number (got " + num(saveper) + ")";
    const double ratio = saveper / dt;
    const double whole = std::round(ratio);
    if (whole >= 1 && std::fabs(ratio - whole) <= 1e-9 * std::max(1.0, ratio)) return "";
    const double below = std::max(1.0, std::floor(ratio)) * dt, above = std::max(1.0, std::ceil(ratio)) * dt;
    std::string hint = below == above ? num(below) : num(below) + " or " + num(above);
    return "saveper " + num(saveper) + " is not a whole multiple of dt " + num(dt) + " (try " + hint + ")";
}

std::string checkSaveperOverride(std::optional<double> dt, std::optional<double> saveper, double modelDt,
                                 std::optional<double> modelSaveper) {
    if (!dt && !saveper) return "";
    const double step = dt.value_or(modelDt);
    return checkSaveper(step, saveper.value_or(modelSaveper.value_or(step)));
}

}  // namespace sdw::analysis
