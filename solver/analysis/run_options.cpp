// Checks of run options: save intervals and misspelt names. Layer: solver (analysis). Standard library only.
#include "solver/analysis/run_options.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>

namespace sdw::analysis {
namespace {

std::string num(double v) {
    char buf[32];
    auto r = std::to_chars(buf, buf + sizeof buf, v);
    return std::string(buf, r.ptr);
}

size_t editDistance(const std::string& a, const std::string& b) {
    std::vector<size_t> prev2(b.size() + 1), prev(b.size() + 1), cur(b.size() + 1);
    for (size_t j = 0; j <= b.size(); ++j) prev[j] = j;
    for (size_t i = 1; i <= a.size(); ++i) {
        cur[0] = i;
        for (size_t j = 1; j <= b.size(); ++j) {
            const bool same = std::tolower(static_cast<unsigned char>(a[i - 1])) ==
                              std::tolower(static_cast<unsigned char>(b[j - 1]));
            cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (same ? 0 : 1)});
            // a swap of two neighbours ("stpo" for "stop") counts as one edit
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                cur[j] = std::min(cur[j], prev2[j - 2] + 1);
        }
        prev2 = prev;
        prev = cur;
    }
    return prev[b.size()];
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

std::string nearestName(const std::string& word, const std::vector<std::string>& candidates) {
    std::string best;
    size_t bestDistance = std::max<size_t>(1, word.size() / 3) + 1;
    for (const auto& c : candidates) {
        const size_t d = editDistance(word, c);
        if (d < bestDistance) {
            bestDistance = d;
            best = c;
        }
    }
    return best;
}

}  // namespace sdw::analysis
