// Loop views for a loops panel and an animated diagram (see loop_view.hpp). Layer: solver (analysis).
// No GUI, no Lua.
#include "solver/analysis/loop_view.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>

namespace sdw::analysis {

std::vector<LoopLink> loopLinks(const Loop& loop) {
    std::vector<LoopLink> out;
    const size_t n = loop.variables.size();
    for (size_t k = 0; k < n; ++k)
        out.push_back(
            {loop.variables[k], loop.variables[(k + 1) % n], k < loop.signs.size() ? loop.signs[k] : '?'});
    return out;
}

const Loop* findLoop(const LoopList& list, const std::string& idOrName) {
    const auto sameId = [&](const std::string& id) {
        return id.size() == idOrName.size() &&
               std::equal(id.begin(), id.end(), idOrName.begin(),
                          [](char a, char b) { return std::toupper(static_cast<unsigned char>(b)) == a; });
    };
    for (const Loop& l : list.loops)
        if (sameId(l.id)) return &l;
    for (const Loop& l : list.loops)
        if (!l.name.empty() && l.name == idOrName) return &l;
    return nullptr;
}

std::vector<const Loop*> namedLoops(const LoopList& list) {
    std::vector<const Loop*> out;
    for (const Loop& l : list.loops)
        if (!l.name.empty()) out.push_back(&l);
    return out;
}

size_t rowAt(const LoopScores& scores, double time) {
    const auto it = std::upper_bound(scores.times.begin(), scores.times.end(), time);
    return it == scores.times.begin() ? 0 : static_cast<size_t>(it - scores.times.begin()) - 1;
}

std::optional<size_t> dominantAt(const LoopScores& scores, size_t row) {
    if (row >= scores.times.size()) return std::nullopt;
    const double t = scores.times[row];
    for (const DominancePeriod& p : dominance(scores))
        if (p.start <= t && t <= p.end) return p.loop;
    return std::nullopt;
}

std::vector<double> linkWeights(const LoopScores& scores, size_t row) {
    std::vector<double> w(scores.links.size(), 0.0);
    double top = 0;
    for (size_t k = 0; k < w.size(); ++k) {
        const double v = row < scores.links[k].score.size() ? std::fabs(scores.links[k].score[row]) : 0.0;
        w[k] = std::isfinite(v) ? v : 0.0;
        top = std::max(top, w[k]);
    }
    if (top > 0)
        for (double& v : w) v /= top;
    return w;
}

}  // namespace sdw::analysis
