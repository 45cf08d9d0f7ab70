// Loops that Matter over a run: the model compiled with link-score elements (ltm_transform), run once, then
// loop scores (products of link scores) and relative loop scores at each saved time; for a model with too
// many loops to list, the strongest loops found at each saved time join its independent loop set.
// Layer: solver (analysis). No GUI, no Lua.
#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <mutex>
#include <string_view>

#include "solver/analysis/loops_internal.hpp"
#include "solver/analysis/ltm_transform.hpp"
#include "solver/compile/pipeline.hpp"

namespace sdw::analysis {
namespace {

using namespace detail;

// Steps of one strongest-path walk (from one stock's variable at one saved time).
constexpr size_t kWalkBudget = 200'000;
// Saved times the strongest-path search looks at, evenly spread over the run (all of them in a shorter run).
constexpr size_t kSearchTimes = 200;

// A saved time is searched again only when some link's score has moved by more than this factor (or to or
// from 0) since the time searched last: the walk follows the strongest links, and scores that hardly move
// lead it along the same paths (the county model's baseline: the same loops from 70 of its 200 times).
constexpr double kSearchMove = 4;

// Loops found by the strongest-path search at up to kSearchTimes saved times, evenly spread, that `known`
// lacks, in cycleLess order. A time at which no link's score has moved much since the time searched before
// (see kSearchMove) is not searched.
std::vector<Cycle> discovered(const LoopGraph& g, const std::vector<bool>& start,
                              const std::vector<std::vector<double>>& links, size_t rows,
                              const std::vector<Cycle>& known, size_t& searches, size_t& times) {
    CycleSet found;
    std::vector<double> weight(links.size(), 0.0), searched;
    const size_t stride = std::max<size_t>(1, (rows + kSearchTimes - 1) / kSearchTimes);
    for (size_t row = 0; row < rows; row += stride) {
        ++times;
        for (size_t k = 0; k < links.size(); ++k)
            weight[k] = links[k].empty() ? 0.0 : std::fabs(links[k][row]);
        if (!scoresMoved(weight, searched, kSearchMove)) continue;
        strongestLoopsInto(g, weight, start, kWalkBudget, found);
        searched = weight;
        ++searches;
    }
    for (const Cycle& c : known) found.erase(c);
    std::vector<Cycle> out(found.begin(), found.end());
    std::sort(out.begin(), out.end(), cycleLess);
    return out;
}

// Each loop's links, as var edges in the loop's order.
using LinkLists = std::vector<std::vector<size_t>>;
LinkLists linksOf(const LoopGraph& g, const std::vector<Cycle>& cycles) {
    LinkLists out(cycles.size());
    for (size_t l = 0; l < cycles.size(); ++l) {
        const Cycle& c = cycles[l];
        for (size_t k = 0; k < c.size(); ++k)
            out[l].push_back(static_cast<size_t>(g.varEdge(c[k], c[(k + 1) % c.size()])));
    }
    return out;
}

// Each loop's factors: its links' score series (`links`, by var edge; sized already), in the loop's order.
using Factors = std::vector<const double*>;
std::vector<Factors> seriesOf(const LinkLists& loops, const std::vector<std::vector<double>>& links) {
    std::vector<Factors> out(loops.size());
    for (size_t l = 0; l < loops.size(); ++l)
        for (size_t k : loops[l]) out[l].push_back(links[k].data());
    return out;
}

// Rows multiplied at once: each product is a chain of dependent multiplications, so one row at a time waits
// on every one of them (most of the county model's scoring time); eight rows' chains side by side, in
// registers, do not wait on each other.
constexpr size_t kLanes = 8;
// Rows a block of every loop's products holds (peakShares): small enough to stay in the cache.
constexpr size_t kBlock = 256;

#if defined(__x86_64__) && defined(__GNUC__)
// Where the processor has AVX2 (checked once, at the first product): 32 rows at once, eight four-row
// registers, each lane the same multiplications in the same order (the same bits). The county model's
// products take about 40% less time than eight rows at a time in SSE2 registers (a micro-benchmark of its
// 5,000 factors a row: 0.065 ms against 0.104 ms per 17 blocks of 1,500 factors).
constexpr size_t kWideLanes = 32;
using Four = double __attribute__((vector_size(32), aligned(8), may_alias));
using FourBits = long long __attribute__((vector_size(32), aligned(8), may_alias));
__attribute__((target("avx2"))) void wideLanes(const Factors& factors, size_t first, double* out) {
    Four p0 = {1, 1, 1, 1}, p1 = p0, p2 = p0, p3 = p0, p4 = p0, p5 = p0, p6 = p0, p7 = p0;  // in registers
    for (const double* f : factors) {
        const Four* r = reinterpret_cast<const Four*>(f + first);
        p0 *= r[0], p1 *= r[1], p2 *= r[2], p3 *= r[3], p4 *= r[4], p5 *= r[5], p6 *= r[6], p7 *= r[7];
    }
    Four* o = reinterpret_cast<Four*>(out);
    o[0] = p0, o[1] = p1, o[2] = p2, o[3] = p3, o[4] = p4, o[5] = p5, o[6] = p6, o[7] = p7;
}
// SDW_NO_AVX2 (set, not 0) keeps the SSE2 paths, so that tests run them on a processor with AVX2 too.
bool wide() {
    // Not a namespace-scope constant: a static initialiser may run before the processor's features are read.
    static const bool avx2 = [] {
        const char* off = std::getenv("SDW_NO_AVX2");
        __builtin_cpu_init();
        return (!off || std::string_view(off) == "0") && __builtin_cpu_supports("avx2");
    }();
    return avx2;
}
#endif

// A loop's score at saved rows [first, first + n): the product of its links' scores, multiplied in the loop's
// order from 1 as one row at a time would (the same numbers to the last bit).
void product(const Factors& factors, size_t first, size_t n, double* out) {
    size_t i = 0;
#if defined(__x86_64__) && defined(__GNUC__)
    if (n >= kWideLanes && wide())
        for (; i + kWideLanes <= n; i += kWideLanes) wideLanes(factors, first + i, out + i);
#endif
    for (; i + kLanes <= n; i += kLanes) {
        double p0 = 1, p1 = 1, p2 = 1, p3 = 1, p4 = 1, p5 = 1, p6 = 1, p7 = 1;  // in registers
        for (const double* f : factors) {
            const double* r = f + first + i;
            p0 *= r[0], p1 *= r[1], p2 *= r[2], p3 *= r[3], p4 *= r[4], p5 *= r[5], p6 *= r[6], p7 *= r[7];
        }
        const double p[kLanes] = {p0, p1, p2, p3, p4, p5, p6, p7};
        std::copy(p, p + kLanes, out + i);
    }
    for (; i < n; ++i) {
        double p = 1;
        for (const double* f : factors) p *= f[first + i];
        out[i] = p;
    }
}

std::vector<double> loopScore(const Factors& factors, size_t rows) {
    std::vector<double> s(rows);
    product(factors, 0, rows, s.data());
    return s;
}

// Rows [from, from + m) (m <= kBlock), W rows a vector (a vector division takes about as long as one of a
// single row): each score over the total where it is a positive number, over 1 and then masked to 0 where it
// is not.
// (GCC ignores a vector_size that depends on a template parameter: the vector types are the parameters.)
template <class Rows, class Bits>
__attribute__((always_inline)) inline void sharesOf(const std::vector<std::vector<double>>& score,
                                                    std::vector<std::vector<double>>& rel, size_t from,
                                                    size_t m) {
    constexpr size_t W = sizeof(Rows) / sizeof(double);
    static_assert(W > 1 && sizeof(Bits) == sizeof(Rows));
    double total[kBlock];
    long long keep[kBlock];
    std::fill(total, total + m, 0.0);
    for (const auto& s : score)
        for (size_t i = 0; i < m; ++i) total[i] += std::fabs(s[from + i]);
    for (size_t i = 0; i < m; ++i) {
        const bool positive = total[i] > 0 && std::isfinite(total[i]);
        keep[i] = positive ? -1 : 0;
        total[i] = positive ? total[i] : 1.0;
    }
    for (size_t l = 0; l < score.size(); ++l) {
        const double* s = score[l].data() + from;
        double* out = rel[l].data() + from;
        size_t i = 0;
        for (; i + W <= m; i += W) {
            Rows a, t;
            Bits k;
            std::memcpy(&a, s + i, sizeof a);
            std::memcpy(&t, total + i, sizeof t);
            std::memcpy(&k, keep + i, sizeof k);
            const Rows q = a / t;
            Bits bits;
            std::memcpy(&bits, &q, sizeof bits);
            bits &= k;
            std::memcpy(out + i, &bits, sizeof bits);
        }
        for (; i < m; ++i) out[i] = keep[i] ? s[i] / total[i] : 0.0;
    }
}

void shares(const std::vector<std::vector<double>>& score, std::vector<std::vector<double>>& rel, size_t from,
            size_t m) {
    using Two = double __attribute__((vector_size(16)));
    using TwoBits = long long __attribute__((vector_size(16)));
    sharesOf<Two, TwoBits>(score, rel, from, m);
}

#if defined(__x86_64__) && defined(__GNUC__)
__attribute__((target("avx2"))) void wideShares(const std::vector<std::vector<double>>& score,
                                                std::vector<std::vector<double>>& rel, size_t from,
                                                size_t m) {
    sharesOf<Four, FourBits>(score, rel, from, m);
}
#endif

// Each score divided by the sum of the scores' magnitudes at that time (all 0 when nothing changes), over
// rows [first, first + n) of `rel` (sized already): the totals summed loop after loop, the same bits as row
// by row.
void relativeBlock(const std::vector<std::vector<double>>& score, std::vector<std::vector<double>>& rel,
                   size_t first, size_t n) {
    for (size_t from = first, end = first + n; from < end; from += kBlock) {
        const size_t m = std::min(kBlock, end - from);
#if defined(__x86_64__) && defined(__GNUC__)
        if (wide()) {
            wideShares(score, rel, from, m);
            continue;
        }
#endif
        shares(score, rel, from, m);
    }
}

std::vector<std::vector<double>> relativeScores(const std::vector<std::vector<double>>& score, size_t rows) {
    std::vector<std::vector<double>> rel(score.size(), std::vector<double>(rows));
    relativeBlock(score, rel, 0, rows);
    return rel;
}

// Each loop's largest share in magnitude at any saved time, a block of rows at a time, without the table of
// every loop's score (a thousand loops over two thousand saved times: 17 MB written only to be cut to the
// strongest).
std::vector<double> peakShares(const std::vector<Factors>& factors, size_t rows) {
    const size_t loops = factors.size();
    std::vector<double> block(loops * kBlock), inverse(kBlock), peak(loops, 0.0);
    for (size_t first = 0; first < rows; first += kBlock) {
        const size_t n = std::min(kBlock, rows - first);
        std::fill(inverse.begin(), inverse.end(), 0.0);
        for (size_t l = 0; l < loops; ++l) {
            double* s = block.data() + l * n;
            product(factors[l], first, n, s);
            for (size_t i = 0; i < n; ++i) inverse[i] += std::fabs(s[i]);
        }
        for (double& t : inverse) t = t > 0 && std::isfinite(t) ? 1 / t : 0.0;
        for (size_t l = 0; l < loops; ++l) {
            const double* s = block.data() + l * n;
            for (size_t i = 0; i < n; ++i) peak[l] = std::max(peak[l], std::fabs(s[i]) * inverse[i]);
        }
    }
    return peak;
}

// The `keep` loops with the largest share at any saved time, and every pinned loop (a named one), in id
// order.
std::vector<size_t> strongest(std::vector<double> peak, const std::vector<bool>& pinned, size_t keep) {
    std::vector<size_t> order(peak.size());
    for (size_t l = 0; l < peak.size(); ++l) {
        order[l] = l;
        if (pinned[l]) peak[l] = HUGE_VAL;
    }
    std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) { return peak[a] > peak[b]; });
    size_t pins = 0;
    for (bool b : pinned) pins += b ? 1 : 0;
    order.resize(std::min(keep + pins, order.size()));
    std::sort(order.begin(), order.end());
    return order;
}

}  // namespace

// A model compiled to score the links `scored` marks (by var edge): its plan, and its native code kept (each
// scored run shares it, a sibling each, so runs on several threads may share it too; building it again
// every run was a fifth of a county scoring).
struct ScoringModel {
    std::vector<bool> scored;
    ScorePlan plan;
    std::shared_ptr<const compile::CompiledModel> compiled;
    std::unique_ptr<sim::Simulator> simulator;
};

// The loops a model's scorings score, and the model that scores them. A model whose loops are all scored:
// all of them, listed once when it is prepared, scored by that model. One with too many: the loops its first
// scored run kept (the strongest and the named, as listed then) and, from its second scored run on, a model
// scoring only their links.
struct Focus {
    LinkLists factors;                    // by loop: its links' var edges, in the loop's order
    SharedLoops loops;                    // shared with each scoring's LoopScores
    std::vector<std::string> staleNames;  // as LoopList's
    std::string rule;
    bool reused = true;  // the loops an earlier run kept (false: every loop of the model, always scored)
    std::unique_ptr<ScoringModel> own;      // built at the second scored run
    const ScoringModel* scoring = nullptr;  // `own`, or for a model whose loops are all scored, its model
    // Its runs go through the native code's whole Euler loop, several times faster than a run stopping at
    // each saved row, handing their rows over a block at a time (RunSpec::blockObserver); a finished run's
    // simulator (and the buffers it keeps) waits here for the next, so that memory is touched once.
    struct Run {
        std::unique_ptr<sim::Simulator> simulator;
        sim::RunResult result;
    };
    std::mutex mutex;
    std::vector<std::unique_ptr<Run>> idle;
};

class ScoredModel {
  public:
    ExpandedModel base;   // as expanded, before the scoring elements (a focus model is made from it)
    ExpandedModel model;  // with the scoring elements for every link on a loop
    LoopGraph graph;
    FoundCycles found;
    ScoringModel all;  // every link inside a strongly connected part (on some loop)
    LoopOptions options;
    model::Project project;  // what the focus model is compiled with
    model::Project names;    // the project's main model's kept elements, for the loop names it stores
    // Made when the model is prepared if its loops are all scored, else by its first scored run; guarded by
    // `mutex`.
    mutable std::mutex mutex;
    mutable std::shared_ptr<Focus> focus;
    bool cuts() const { return !found.complete || found.cycles.size() > options.maxScored; }
};

namespace {

// Adds to `model` the link-score elements for the links `s.scored` marks and compiles it into `s`.
bool compileScoring(ScoringModel& s, ExpandedModel& model, const LoopGraph& g, const model::Project& project,
                    const LoopOptions& options, diag::Diagnostics& diags) {
    s.plan = addScoreColumns(model, g, s.scored);
    compile::CompileOptions co = options.compile;
    co.checkUnits = false;  // the scoring elements have no units; the model's own were checked
    diag::Diagnostics local;
    compile::detail::Reporter report(local);
    const auto compiled = compile::detail::compileExpanded(model, project, co, report);
    if (!compiled) {
        diags.append(local);
        return false;
    }
    // The scoring columns are left out of the run's NaN check (a partial value may divide by a value from
    // the step before): a score that is not a number reads 0, and never stops the run.
    auto unchecked = std::make_shared<compile::CompiledModel>(*compiled);
    for (const auto& name : s.plan.unchecked)
        std::erase(unchecked->m_checkSlots, static_cast<uint32_t>(unchecked->findSlot(name)));
    s.compiled = std::move(unchecked);
    s.simulator = std::make_unique<sim::Simulator>(*s.compiled);
    return true;
}

void keep(Focus& f, const LoopGraph& g, const std::vector<Cycle>& cycles, SharedLoops loops);

// The scoring model: link-score elements for every link inside a strongly connected part of the variables'
// graph (every link on some loop), added after the loops are found.
bool prepare(ScoredModel& p, const model::Project& project, diag::Diagnostics& diags) {
    std::optional<ExpandedModel> m = expandForLoops(project, diags, p.options);
    if (!m) return false;
    p.model = std::move(*m);
    {
        const Resolver resolver(p.model);
        p.graph = buildLoopGraph(p.model, resolver);
    }
    p.found = findCycles(p.graph, p.options);
    addNamedCycles(p.found, p.model, p.graph, project);
    const std::vector<int> comp = components(p.graph);
    p.all.scored.resize(p.graph.varEdges.size());
    for (size_t k = 0; k < p.all.scored.size(); ++k) {
        const VarEdge& ve = p.graph.varEdges[k];
        p.all.scored[k] = comp[static_cast<size_t>(p.graph.nodeOf[static_cast<size_t>(ve.from)])] ==
                          comp[static_cast<size_t>(p.graph.nodeOf[static_cast<size_t>(ve.to)])];
    }
    if (p.cuts()) {
        p.base = p.model;
        p.project = project;
    }
    if (!compileScoring(p.all, p.model, p.graph, project, p.options, diags)) return false;
    for (int e : p.all.plan.redrawn)
        diags.warning(
            diag::code::kRandomScores, p.model.element(e).display,
            "draws random numbers: loop scores through it are approximate (scoring draws them again), and "
            "the scored run does not draw the numbers `sdw run` draws with the same seed");
    p.names.models.push_back(model::Model{});
    p.names.main().extraXml = project.main().extraXml;
    if (!p.cuts()) {  // every loop scored in every run: listed once, scored from the native loop's table
        auto every = std::make_shared<Focus>();
        LoopList list;
        list.loops = makeLoops(p.model, p.graph, p.found.cycles, 1);
        applyNames(list, p.names);
        keep(*every, p.graph, p.found.cycles, std::move(list.loops));
        every->staleNames = std::move(list.staleNames);
        every->rule = p.found.rule;
        every->reused = false;
        every->scoring = &p.all;
        p.focus = std::move(every);
    }
    return true;
}

// Keeps the `keep` loops with the largest share at any saved time, and the loops the model names, scored;
// the shares are then of these loops' total, so that each row's magnitudes still sum to 1.
void keepStrongest(LoopScores& out, std::vector<Loop>& loops, std::vector<Cycle>& cycles,
                   const std::vector<Factors>& factors, size_t keep, size_t rows) {
    out.rule += "; shown are the " + std::to_string(keep) +
                " with the largest share at any saved time and every loop the model names, their shares of "
                "these loops' total";
    std::vector<bool> pinned;
    for (const Loop& l : loops) pinned.push_back(!l.name.empty());
    std::vector<Loop> keptLoops;
    std::vector<Cycle> keptCycles;
    for (size_t l : strongest(peakShares(factors, rows), pinned, keep)) {
        keptLoops.push_back(loops[l]);
        keptCycles.push_back(cycles[l]);
        out.score.push_back(loopScore(factors[l], rows));
    }
    loops = std::move(keptLoops);
    cycles = std::move(keptCycles);
}

// Link scores from a run's saved rows, a block of rows at a time: each row becomes every scored link's score
// at that time. A run whose table is too large to keep gives its rows one at a time as it saves them (so the
// run keeps no table of its scoring columns: the county model's first scoring has 3,000, 50 MB).
class LinkCollector : public sim::RowObserver {
  public:
    LinkCollector(const ScoringModel& s, const LoopGraph& g)
        : m_g(g), m_block(s.plan, g), links(g.varEdges.size()) {
        // Most links are one group edge (no SMOOTH or DELAY between): the link's score is that edge's, as
        // varLinkScores's product of one factor gives it (0 when not finite), without walking its paths.
        for (size_t k = 0; k < links.size(); ++k) {
            if (!s.scored[k]) continue;
            const auto& paths = g.varEdges[k].paths;
            m_scored.push_back({k, paths.size() == 1 && paths[0].size() == 1 ? paths[0][0] : -1});
        }
    }

    // Room for `rows` saved times (before collect(); the series do not move after it).
    void resize(size_t rows) {
        times.resize(rows);
        for (const Scored& s : m_scored) links[s.varEdge].resize(rows);
    }

    void onRow(const double* row, size_t) override {
        const size_t r = times.size();
        times.push_back(0.0);
        for (const Scored& s : m_scored) links[s.varEdge].push_back(0.0);
        score(row, 0, r, 1);
    }

    // Rows [first, first + n) of the run (n <= BlockScorer::kRows; resize()d for), from `rows` (`stride`
    // values a row).
    void score(const double* rows, size_t stride, size_t first, size_t n) {
        for (size_t r = 0; r < n; ++r) times[first + r] = rows[r * stride];
        m_block.score(rows, stride, n);
        for (const Scored& s : m_scored) {
            double* out = links[s.varEdge].data() + first;
            if (s.single < 0) {
                varLinkScores(m_g, static_cast<int>(s.varEdge), m_block, n, out);
                continue;
            }
            edgeLinkScores(m_block, static_cast<size_t>(s.single), n, out);
        }
    }

  private:
    struct Scored {
        size_t varEdge;
        int single;  // its one group edge, or -1: several, or a path through a SMOOTH's or DELAY's stocks
    };
    const LoopGraph& m_g;
    BlockScorer m_block;
    std::vector<Scored> m_scored;

  public:
    std::vector<double> times;
    std::vector<std::vector<double>> links;  // by var edge, by saved time; empty for the unscored
};

// A scoring run, its link scores collected as it goes; false (diags say why) when it fails.
bool runScored(const ScoringModel& s, sim::RunSpec spec, LinkCollector& collector, diag::Diagnostics& diags) {
    spec.vars = s.plan.columns;
    if (spec.vars.empty()) spec.vars.push_back("time");
    spec.finalOnly = true;
    spec.rowObserver = &collector;
    sim::RunResult r = s.simulator->sibling()->run(spec);
    if (!r.ok()) diags.append(r.diagnostics);
    return r.ok();
}

// The run's times and link scores, and the list's counts, into `out`.
void finish(const ScoredModel& p, LinkCollector& run, LoopScores& out) {
    for (size_t k = 0; k < run.links.size(); ++k) {
        if (run.links[k].empty()) continue;
        const VarEdge& ve = p.graph.varEdges[k];
        out.links.push_back({p.model.symbols.var(ve.from).display, p.model.symbols.var(ve.to).display,
                             std::move(run.links[k])});
    }
    out.list.complete = p.found.complete;
    out.list.rule = out.rule;
    out.list.variables = p.graph.nodes.size();
    out.list.links = p.graph.varEdges.size();
}

// Scores from a run of every link on a loop (a model whose loops are cut to the strongest, its first
// scoring); `kept` gets the cycles scored, in the list's order.
LoopScores scoresOf(const ScoredModel& p, LinkCollector& run, std::vector<Cycle>& kept) {
    LoopScores out;
    const size_t rows = run.times.size();
    out.times = std::move(run.times);
    auto& links = run.links;
    std::vector<Cycle> cycles = p.found.cycles;
    std::vector<Loop> loops = makeLoops(p.model, p.graph, cycles, 1);
    out.rule = p.found.rule;
    if (!p.found.complete) {
        size_t searches = 0, times = 0;
        const auto extra =
            discovered(p.graph, stockNodes(p.model, p.graph), links, rows, cycles, searches, times);
        for (Loop& l : makeLoops(p.model, p.graph, extra, cycles.size() + 1)) loops.push_back(std::move(l));
        cycles.insert(cycles.end(), extra.begin(), extra.end());
        out.rule += ", and " + std::to_string(extra.size()) +
                    " more found by the strongest-path search (Eberlein and Schoenberg 2020) at " +
                    std::to_string(searches) + " of " + std::to_string(times) +
                    " saved times spread over the run (a time is searched when some link's score has moved "
                    "more than fourfold since the time searched before); shares are of these loops' total";
    }
    out.list.loops = std::move(loops);
    applyNames(out.list, p.names);
    const std::vector<Factors> factors = seriesOf(linksOf(p.graph, cycles), links);
    if (out.list.loops.size() > p.options.maxScored)
        keepStrongest(out, out.list.loops.edit(), cycles, factors, p.options.maxScored, rows);
    else
        for (const Factors& f : factors) out.score.push_back(loopScore(f, rows));
    out.relative = relativeScores(out.score, rows);
    kept = std::move(cycles);
    finish(p, run, out);
    return out;
}

// Scores of the loops a focus keeps, from a run of the model scoring only their links.
LoopScores focusScoresOf(const ScoredModel& p, const Focus& f, LinkCollector& run,
                         std::vector<std::vector<double>> score, std::vector<std::vector<double>> relative) {
    LoopScores out;
    out.times = std::move(run.times);
    out.list.loops = f.loops;
    out.list.staleNames = f.staleNames;
    out.rule = f.rule;
    out.reused = f.reused;
    out.score = std::move(score);
    out.relative = std::move(relative);
    finish(p, run, out);
    return out;
}

// The loops `f` scores: `loops` (as listed) and each one's links (from `cycles`, in the same order).
void keep(Focus& f, const LoopGraph& g, const std::vector<Cycle>& cycles, SharedLoops loops) {
    f.loops = std::move(loops);
    f.factors = linksOf(g, cycles);
}

// The model scoring only the links on the loops `f` keeps; null (diags say why) when it does not compile.
std::unique_ptr<ScoringModel> focusModel(const ScoredModel& p, const Focus& f, diag::Diagnostics& diags) {
    auto s = std::make_unique<ScoringModel>();
    s->scored.assign(p.graph.varEdges.size(), false);
    for (const auto& edges : f.factors)
        for (size_t k : edges) s->scored[k] = true;
    ExpandedModel model = p.base;
    if (!compileScoring(*s, model, p.graph, p.project, p.options, diags)) return nullptr;
    return s;
}

// A run of the model scoring only the loops `f` keeps, its rows handed over a block at a time and scored
// as they come.
std::optional<LoopScores> focusScores(const ScoredModel& p, Focus& f, sim::RunSpec spec,
                                      diag::Diagnostics& diags) {
    std::unique_ptr<Focus::Run> run;
    {
        std::lock_guard lock(f.mutex);
        if (!f.idle.empty()) {
            run = std::move(f.idle.back());
            f.idle.pop_back();
        }
    }
    if (!run) {
        run = std::make_unique<Focus::Run>();
        run->simulator = f.scoring->simulator->sibling();
    }
    spec.vars = f.scoring->plan.columns;
    if (spec.vars.empty()) spec.vars.push_back("time");
    spec.finalOnly = false;
    spec.rowObserver = nullptr;
    size_t columns = 0, rows = 0;
    if (sim::RunResult info; !run->simulator->shape(spec, columns, rows, info)) {
        diags.append(info.diagnostics);
        return std::nullopt;
    }
    // Too large a table to keep: link scores from each row as the run saves it.
    if (rows * columns > p.options.maxTableValues) {
        LinkCollector collector(*f.scoring, p.graph);
        if (!runScored(*f.scoring, spec, collector, diags)) return std::nullopt;
        std::vector<std::vector<double>> score;
        for (const Factors& factors : seriesOf(f.factors, collector.links))
            score.push_back(loopScore(factors, collector.times.size()));
        auto relative = relativeScores(score, collector.times.size());
        return focusScoresOf(p, f, collector, std::move(score), std::move(relative));
    }
    // The run hands its rows over a block at a time as it writes them; each block's link scores, then every
    // loop's products and shares over those rows, while they are all in the cache (the whole run's table
    // written, then read back, was a tenth of a county re-scoring; loop after loop over the whole run, the
    // links' scores were read back from memory: 0.8 ms).
    LinkCollector collector(*f.scoring, p.graph);
    collector.resize(rows);
    const std::vector<Factors> factors = seriesOf(f.factors, collector.links);
    std::vector<std::vector<double>> score(f.factors.size(), std::vector<double>(rows)),
        relative(f.factors.size(), std::vector<double>(rows));
    struct Blocks : sim::RowBlockObserver {
        LinkCollector& collector;
        const std::vector<Factors>& factors;
        std::vector<std::vector<double>>&score, &relative;
        size_t seen = 0;
        Blocks(LinkCollector& c, const std::vector<Factors>& f, std::vector<std::vector<double>>& s,
               std::vector<std::vector<double>>& r)
            : collector(c), factors(f), score(s), relative(r) {}
        void onRows(const double* rows, size_t first, size_t n, size_t cols) override {
            if (first != seen || first + n > collector.times.size()) return;  // not the rows sized for
            collector.score(rows, cols, first, n);
            for (size_t l = 0; l < factors.size(); ++l)
                product(factors[l], first, n, score[l].data() + first);
            relativeBlock(score, relative, first, n);
            seen = first + n;
        }
    } blocks(collector, factors, score, relative);
    spec.blockObserver = &blocks;
    spec.blockRows = BlockScorer::kRows;
    run->simulator->run(spec, run->result);
    if (!run->result.ok()) {
        diags.append(run->result.diagnostics);
        return std::nullopt;
    }
    if (blocks.seen != rows) {
        diags.error(diag::code::kUnsupported, "loops",
                    "internal error while scoring loops: the run saved " + std::to_string(blocks.seen) +
                        " rows, not " + std::to_string(rows));
        return std::nullopt;
    }
    {
        std::lock_guard lock(f.mutex);
        f.idle.push_back(std::move(run));
    }
    return focusScoresOf(p, f, collector, std::move(score), std::move(relative));
}

}  // namespace

std::shared_ptr<const ScoredModel> prepareScores(const model::Project& project, diag::Diagnostics& diags,
                                                 const LoopOptions& options) {
    try {
        auto p = std::make_shared<ScoredModel>();
        p->options = options;
        if (!prepare(*p, project, diags)) return nullptr;
        return p;
    } catch (const std::exception& e) {
        diags.error(diag::code::kUnsupported, project.name,
                    std::string("internal error while preparing loop scores: ") + e.what());
        return nullptr;
    }
}

const compile::CompiledModel& compiledWithScores(const ScoredModel& scored) {
    return *scored.all.compiled;
}

// A model whose loops are all scored: every run scores them all (the focus made when it was prepared). One
// whose loops are cut to the strongest
// (too many to list, or to score): its first scored run finds and keeps them, as `scoresOf` says; the runs
// after it score the same loops (the Loops tab's re-scoring at each slider move: the same loops, ids and
// names, the strongest of the first run's settings), in a model that scores only their links.
std::optional<LoopScores> scoreLoops(const ScoredModel& scored, const sim::RunSpec& spec,
                                     diag::Diagnostics& diags) {
    try {
        std::shared_ptr<Focus> focus;
        if (scored.cuts()) {
            std::lock_guard lock(scored.mutex);
            focus = scored.focus;
            if (focus && !focus->scoring) {
                focus->own = focusModel(scored, *focus, diags);
                if (!focus->own) return std::nullopt;
                focus->scoring = focus->own.get();
            }
        } else {
            focus = scored.focus;  // every loop, made when the model was prepared
        }
        if (focus) return focusScores(scored, *focus, spec, diags);
        LinkCollector collector(scored.all, scored.graph);
        if (!runScored(scored.all, spec, collector, diags)) return std::nullopt;
        auto kept = std::make_shared<Focus>();
        std::vector<Cycle> cycles;
        LoopScores out = scoresOf(scored, collector, cycles);
        keep(*kept, scored.graph, cycles, out.list.loops);
        kept->staleNames = out.list.staleNames;
        kept->rule = out.rule +
                     "; runs after the first score these loops again (the strongest at the first run's "
                     "settings), not a new search";
        std::lock_guard lock(scored.mutex);
        if (!scored.focus) scored.focus = std::move(kept);
        return out;
    } catch (const std::exception& e) {
        diags.error(diag::code::kUnsupported, "loops",
                    std::string("internal error while scoring loops: ") + e.what());
        return std::nullopt;
    }
}

std::optional<LoopScores> scoreLoops(const model::Project& project, const sim::RunSpec& spec,
                                     diag::Diagnostics& diags, const LoopOptions& options) {
    const auto scored = prepareScores(project, diags, options);
    if (!scored) return std::nullopt;
    return scoreLoops(*scored, spec, diags);
}

// A new period starts when another loop's share passes the current one's by this much: two loops that trade
// first place every step (a pair that cancels, each near half) read as one period, not hundreds.
constexpr double kSwitchMargin = 0.05;

std::vector<DominancePeriod> dominance(const LoopScores& scores) {
    std::vector<DominancePeriod> out;
    for (size_t row = 0; row < scores.times.size(); ++row) {
        size_t best = 0;
        double share = 0;
        for (size_t l = 0; l < scores.relative.size(); ++l)
            if (std::fabs(scores.relative[l][row]) > std::fabs(share)) {
                share = scores.relative[l][row];
                best = l;
            }
        if (share == 0) continue;
        const bool continues = !out.empty() && out.back().end == scores.times[row - 1];
        if (continues && best != out.back().loop &&
            std::fabs(share) <= std::fabs(scores.relative[out.back().loop][row]) + kSwitchMargin)
            best = out.back().loop;  // not clearly ahead: the current loop keeps the lead
        if (!continues || best != out.back().loop)
            out.push_back({scores.times[row], scores.times[row], best, 0});
        DominancePeriod& p = out.back();
        p.end = scores.times[row];
        const double mine = scores.relative[best][row];
        if (std::fabs(mine) > std::fabs(p.peak)) p.peak = mine;
    }
    return out;
}

}  // namespace sdw::analysis
