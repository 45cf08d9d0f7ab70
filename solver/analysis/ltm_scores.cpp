// Link scores from a run of the transformed model: each group link's score from its columns (values now and
// one step before, partial changes), and the variables' composite link scores. Layer: solver (analysis).
#include <algorithm>
#include <cmath>

#include "solver/analysis/ltm_transform.hpp"

namespace sdw::analysis::detail {
namespace {

double sign(double v) {
    return v > 0 ? 1.0 : v < 0 ? -1.0 : 0.0;
}

// |num / dz| * sign(num / dx) for a partial change num; 0 when either does not change, and when the partial
// change overflowed or was not a number.
double partialScore(double num, double dz, double dx) {
    if (dz == 0 || dx == 0) return 0;
    const double score = num * sign(dx) / std::fabs(dz);
    return std::isfinite(score) ? score : 0.0;
}

}  // namespace

BlockScorer::BlockScorer(const ScorePlan& plan, const LoopGraph& g) {
    const size_t groups = g.groups.size();
    // Slot 0 holds zeros: the change of a group the plan has no column for (never read by a planned edge).
    std::vector<size_t> slotOf(2 * groups, 0);
    size_t slots = 1;
    std::vector<size_t> slotOfChange(plan.changes.size(), 0);
    for (size_t k = 0; k < plan.changes.size(); ++k) {  // each change once a block (it is in many links)
        slotOfChange[k] = slots++;
        m_changeList.push_back({slotOfChange[k], &plan.changes[k]});
    }
    for (size_t k = 0; k < groups; ++k) {
        if (plan.levelChange[k] >= 0) slotOf[k] = slotOfChange[static_cast<size_t>(plan.levelChange[k])];
        if (plan.valueChange[k] >= 0)
            slotOf[groups + k] = slotOfChange[static_cast<size_t>(plan.valueChange[k])];
    }
    m_outOf.assign(g.edges.size(), 0);  // an unscored edge reads row 0 of m_out: zeros
    size_t outs = 1;
    for (size_t k = 0; k < g.edges.size(); ++k) {
        const ScorePlan::Edge& edge = plan.edges[k];
        if (edge.kind == ScorePlan::Kind::Unscored) continue;
        m_outOf[k] = outs++;
        const Edge e{m_outOf[k], slotOf[static_cast<size_t>(g.edges[k].from)],
                     slotOf[groups + static_cast<size_t>(g.edges[k].to)], edge.partialChange};
        (edge.kind == ScorePlan::Kind::State  ? m_state
         : edge.kind == ScorePlan::Kind::Sign ? m_sign
                                              : m_partial)
            .push_back(e);
    }
    m_changes.assign(kRows * slots, 0.0);
    m_out.assign(kRows * outs, 0.0);
}

void BlockScorer::score(const double* rows, size_t stride, size_t n) {
    // A change from its terms' columns, 0 when it is within round-off of their size.
    double now[kRows], before[kRows], size[kRows];
    const auto column = [&](int c, size_t r) { return rows[r * stride + static_cast<size_t>(c)]; };
    for (const Change& c : m_changeList) {
        const auto& terms = c.change->terms;
        const auto& sizes = c.change->size;
        double* out = m_changes.data() + kRows * c.slot;
        if (terms.size() == 1 && sizes.size() == 1 && terms[0].now == sizes[0].now) {  // a value's own (most)
            for (size_t r = 0; r < n; ++r) {
                const double a = column(terms[0].now, r), b = column(terms[0].before, r), d = a - b;
                out[r] = std::fabs(d) <= kRoundOff * (std::fabs(a) + std::fabs(b)) ? 0.0 : d;
            }
            continue;
        }
        for (size_t r = 0; r < n; ++r) {
            now[r] = column(terms[0].now, r);
            before[r] = column(terms[0].before, r);
        }
        for (size_t k = 1; k < terms.size(); ++k)
            for (size_t r = 0; r < n; ++r) {
                now[r] += column(terms[k].now, r);
                before[r] += column(terms[k].before, r);
            }
        for (size_t r = 0; r < n; ++r)  // (a stock without flows: 0)
            size[r] = sizes.empty()
                          ? 0.0
                          : std::fabs(column(sizes[0].now, r)) + std::fabs(column(sizes[0].before, r));
        for (size_t k = 1; k < sizes.size(); ++k)
            for (size_t r = 0; r < n; ++r)
                size[r] =
                    size[r] + std::fabs(column(sizes[k].now, r)) + std::fabs(column(sizes[k].before, r));
        for (size_t r = 0; r < n; ++r) {
            const double d = now[r] - before[r];
            out[r] = std::fabs(d) <= kRoundOff * size[r] ? 0.0 : d;
        }
    }
    const auto changes = [this](size_t slot) { return m_changes.data() + kRows * slot; };
    for (const Edge& e : m_state) {  // the input's changes passed on whole
        const double* dx = changes(e.from);
        double* out = m_out.data() + kRows * e.out;
        for (size_t r = 0; r < n; ++r) out[r] = dx[r] != 0 ? 1.0 : 0.0;
    }
    for (const Edge& e : m_sign) {  // all the target reads: its whole change
        const double *dx = changes(e.from), *dz = changes(e.to);
        double* out = m_out.data() + kRows * e.out;
        for (size_t r = 0; r < n; ++r) out[r] = sign(dz[r]) * sign(dx[r]);
    }
    for (const Edge& e : m_partial) {
        const double *dx = changes(e.from), *dz = changes(e.to);
        double* out = m_out.data() + kRows * e.out;
        const double* num = rows + e.partialChange;
        for (size_t r = 0; r < n; ++r) out[r] = partialScore(num[r * stride], dz[r], dx[r]);
    }
}

void varLinkScores(const LoopGraph& g, int varEdge, const BlockScorer& block, size_t n, double* out) {
    std::fill(out, out + n, 0.0);
    double p[BlockScorer::kRows];
    for (const auto& path : g.varEdges[static_cast<size_t>(varEdge)].paths) {
        std::fill(p, p + n, 1.0);
        for (int e : path) {
            const double* s = block.edge(static_cast<size_t>(e));
            for (size_t r = 0; r < n; ++r) p[r] *= s[r];
        }
        for (size_t r = 0; r < n; ++r)
            if (std::isfinite(p[r]) && std::fabs(p[r]) > std::fabs(out[r])) out[r] = p[r];
    }
}

}  // namespace sdw::analysis::detail
