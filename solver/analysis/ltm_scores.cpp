// Link scores from a run of the transformed model: each group link's score from its columns (values now and
// one step before, partial changes), and the variables' composite link scores. Layer: solver (analysis).
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstring>

#include "solver/analysis/ltm_transform.hpp"

namespace sdw::analysis::detail {
namespace {

// Two rows at once (GCC's and Clang's vector extension: one SSE2 register on x86-64), read from and written
// to any double's address (may_alias); lane masks are all ones or all zeros. Each operation is the scalar one
// in each lane: the same bits as one row at a time.
using Two = double __attribute__((vector_size(16), aligned(8), may_alias));
using Mask = long long __attribute__((vector_size(16), aligned(8), may_alias));

Two load(const double* p) {
    return *reinterpret_cast<const Two*>(p);
}
void store(double* p, Two v) {
    *reinterpret_cast<Two*>(p) = v;
}
Mask bitsOf(Two v) {
    Mask m;
    std::memcpy(&m, &v, sizeof m);
    return m;
}
Two twoOf(Mask m) {
    Two v;
    std::memcpy(&v, &m, sizeof v);
    return v;
}
Two abs(Two v) {
    return twoOf(bitsOf(v) & Mask{INT64_MAX, INT64_MAX});
}
// v where the mask is set, +0 elsewhere.
Two keep(Two v, Mask m) {
    return twoOf(bitsOf(v) & m);
}
// The sign of each: 1, -1, or 0 (also for NaN).
Two sign(Two v) {
    const Two zero = {0, 0};
    return keep(Two{1, 1}, v > zero) + keep(Two{-1, -1}, v < zero);
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
    // Rows r and r + 1 at once (r + 1 is r again past the last row: a lane the callers never read).
    size_t r = 0, r1 = 0;
    const auto column = [&](int c) {
        const auto k = static_cast<size_t>(c);
        return Two{rows[r * stride + k], rows[r1 * stride + k]};
    };
    const auto rowPairs = [&](auto&& each) {
        for (r = 0; r < n; r += 2) {
            r1 = r + 1 < n ? r + 1 : r;
            each();
        }
    };
    // A change from its terms' columns, 0 when it is within round-off of their size.
    const Two roundOff = {kRoundOff, kRoundOff};
    for (const Change& c : m_changeList) {
        const auto& terms = c.change->terms;
        const auto& sizes = c.change->size;
        double* out = m_changes.data() + kRows * c.slot;
        if (terms.size() == 1 && sizes.size() == 1 && terms[0].now == sizes[0].now) {  // a value's own (most)
            rowPairs([&] {
                const Two a = column(terms[0].now), b = column(terms[0].before), d = a - b;
                store(out + r, keep(d, ~(abs(d) <= roundOff * (abs(a) + abs(b)))));
            });
            continue;
        }
        rowPairs([&] {
            Two now = column(terms[0].now), before = column(terms[0].before);
            for (size_t k = 1; k < terms.size(); ++k) {
                now += column(terms[k].now);
                before += column(terms[k].before);
            }
            Two size = {0, 0};  // (a stock without flows: 0)
            if (!sizes.empty()) size = abs(column(sizes[0].now)) + abs(column(sizes[0].before));
            for (size_t k = 1; k < sizes.size(); ++k)
                size = size + abs(column(sizes[k].now)) + abs(column(sizes[k].before));
            const Two d = now - before;
            store(out + r, keep(d, ~(abs(d) <= roundOff * size)));
        });
    }
    const auto changes = [this](size_t slot) { return m_changes.data() + kRows * slot; };
    const Two zero = {0, 0}, one = {1, 1};
    for (const Edge& e : m_state) {  // the input's changes passed on whole: 1 while it changes
        const double* dx = changes(e.from);
        double* out = m_out.data() + kRows * e.out;
        rowPairs([&] { store(out + r, keep(one, load(dx + r) != zero)); });
    }
    for (const Edge& e : m_sign) {  // all the target reads: its whole change
        const double *dx = changes(e.from), *dz = changes(e.to);
        double* out = m_out.data() + kRows * e.out;
        rowPairs([&] { store(out + r, sign(load(dz + r)) * sign(load(dx + r))); });
    }
    // |partial change / dz| times the sign of dx: 0 when either change is 0, and when the partial change
    // overflowed or was not a number (x - x is 0 exactly when x is finite).
    for (const Edge& e : m_partial) {
        const double *dx = changes(e.from), *dz = changes(e.to);
        double* out = m_out.data() + kRows * e.out;
        rowPairs([&] {
            const Two x = load(dx + r), z = load(dz + r), score = column(e.partialChange) * sign(x) / abs(z);
            store(out + r, keep(score, (z != zero) & (x != zero) & (score - score == zero)));
        });
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

void edgeLinkScores(const BlockScorer& block, size_t e, size_t n, double* out) {
    const double* v = block.edge(e);
    const Two zero = {0, 0};
    size_t r = 0;
    for (; r + 2 <= n; r += 2) {  // x - x is 0 exactly when x is finite; -0 + 0 is +0, any other x + 0 is x
        const Two x = load(v + r);
        store(out + r, keep(x + zero, x - x == zero));
    }
    for (; r < n; ++r) out[r] = std::isfinite(v[r]) && v[r] != 0 ? v[r] : 0.0;
}

}  // namespace sdw::analysis::detail
