// Link scores from a run of the transformed model: each group link's score from its columns (changes over
// one step, partial changes), and the variables' composite link scores. Layer: solver (analysis).
#include <cmath>

#include "solver/analysis/ltm_transform.hpp"

namespace sdw::analysis::detail {
namespace {

double sign(double v) {
    return v > 0 ? 1.0 : v < 0 ? -1.0 : 0.0;
}

// A change from its column, 0 when it is within round-off of its terms' size.
double change(const double* row, int c, int scale) {
    const double d = row[c];
    return std::fabs(d) <= kRoundOff * row[scale] ? 0.0 : d;
}

// |num / dz| * sign(num / dx) for a partial change num; 0 when either does not change, and when the partial
// change overflowed or was not a number.
double partialScore(double num, double dz, double dx) {
    if (dz == 0 || dx == 0) return 0;
    const double score = num * sign(dx) / std::fabs(dz);
    return std::isfinite(score) ? score : 0.0;
}

}  // namespace

RowScorer::RowScorer(const ScorePlan& plan, const LoopGraph& g) {
    const size_t groups = g.groups.size();
    for (size_t k = 0; k < groups; ++k) {  // each group's changes once a row (it is in many links)
        if (plan.levelChange[k] > 0) m_changeList.push_back({k, plan.levelChange[k], plan.levelScale[k]});
        if (plan.valueChange[k] > 0)
            m_changeList.push_back({groups + k, plan.valueChange[k], plan.valueScale[k]});
    }
    for (size_t k = 0; k < g.edges.size(); ++k) {
        const ScorePlan::Edge& edge = plan.edges[k];
        if (edge.kind == ScorePlan::Kind::Unscored) continue;
        m_edges.push_back({k, edge.kind, static_cast<size_t>(g.edges[k].from),
                           groups + static_cast<size_t>(g.edges[k].to), edge.partialChange});
    }
    m_changes.assign(2 * groups, 0.0);
    m_out.assign(g.edges.size(), 0.0);
}

void RowScorer::score(const double* row) {
    for (const Change& c : m_changeList) m_changes[c.slot] = change(row, c.column, c.scale);
    for (const Edge& e : m_edges) {
        const double dx = m_changes[e.from];
        double& out = m_out[e.edge];
        if (e.kind == ScorePlan::Kind::State)  // the input's changes passed on whole
            out = dx != 0 ? 1.0 : 0.0;
        else if (e.kind == ScorePlan::Kind::Sign)  // all the target reads: its whole change
            out = sign(m_changes[e.to]) * sign(dx);
        else
            out = partialScore(row[e.partialChange], m_changes[e.to], dx);
    }
}

double varLinkScore(const LoopGraph& g, int varEdge, const std::vector<double>& group) {
    double best = 0;
    for (const auto& path : g.varEdges[static_cast<size_t>(varEdge)].paths) {
        double p = 1;
        for (int e : path) p *= group[static_cast<size_t>(e)];
        if (std::isfinite(p) && std::fabs(p) > std::fabs(best)) best = p;
    }
    return best;
}

}  // namespace sdw::analysis::detail
