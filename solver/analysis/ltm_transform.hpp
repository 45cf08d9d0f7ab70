// Loops that Matter as a model transformation: elements added to the expanded model compute, while the model
// runs and in the same program (so every back end computes them), what link scores are made of: each value's
// value one step before (PREVIOUS states) and each scored link's partial value (the target's equation with
// only that input at its new value). The scores themselves are arithmetic on the saved columns afterwards.
// Layer: solver (analysis). No GUI, no Lua.
#pragma once

#include <string>
#include <vector>

#include "solver/analysis/loop_graph.hpp"
#include "solver/sim/simulate.hpp"

// For a link x -> z (Schoenberg, Davidsen and Eberlein 2020, with the flow-to-stock score of Schoenberg,
// Hayward and Eberlein 2023): the partial change of z is its equation evaluated with x at its value now and
// every other input (the clock too) at its value one step before, minus z one step before; the link score is
// |partial change / change of z| times the sign of partial change / change of x, and 0 when z or x does not
// change. A stock's "equation" is its net flow, so a flow-to-stock score is +-|change of the flow / change of
// the net flow|. When x is all z reads, the partial change is z's whole change and the score is the sign of
// z's change times x's. Arrays are aggregated: a variable's change is the change of the sum of its elements.
// A state (DELAY, PREVIOUS) passes its input's changes on whole (the perfect-mixing approximation): 1 while
// the input changes. A link through a SMOOTH's or DELAY's internal stocks scores as the product along its
// path, the largest in magnitude when there are several (the composite link score).
namespace sdw::analysis::detail {

// Which result columns hold what the link scores are computed from (column c of the run is columns[c - 1];
// column 0 is Time, so 0 means none).
struct ScorePlan {
    std::vector<std::string> columns;    // to save (RunSpec::vars)
    std::vector<std::string> unchecked;  // columns the run does not check for NaN: all of them
    // A value's columns: its value now and one step before (the run saves copies of the two at saved steps
    // only; the change and size arithmetic below is done on the saved rows, as the transformed model once
    // did it in its own elements: the same operations in the same order, so the same bits).
    struct Term {
        int now = 0, before = 0;
    };
    // A total's change over one step: the sum of its terms now minus their sum one step before (each sum
    // from the first term, in order); and the size of its terms, |now| + |before| of each, summed in order
    // (a stock's net flow: of its flows'): a change smaller than round-off on that size is none.
    struct Change {
        std::vector<Term> terms, size;
    };
    std::vector<Change> changes;
    // By group: the change (an index in `changes`; -1: none) of its total level (a stock's level) and of its
    // total value (a stock's net flow); an auxiliary's are one.
    std::vector<int> levelChange, valueChange;
    enum class Kind { Unscored, Sign, State, Partial };
    struct Edge {
        Kind kind = Kind::Unscored;
        int partialChange = 0;  // Partial: the column of the target's partial change
    };
    std::vector<Edge> edges;  // by group edge
    // Elements whose partial value draws random numbers again (the partial's own draws, not the model's):
    // their links' scores are approximate, and the extra draws change which numbers the model itself draws.
    std::vector<int> redrawn;
};

// Adds the elements for the variables' links `score` marks (by index in g.varEdges).
ScorePlan addScoreColumns(ExpandedModel& model, const LoopGraph& g, const std::vector<bool>& score);

// The link score of every scored group edge over a block of saved rows of a run of the transformed model,
// column by column: each group's changes over the block's rows, then each edge's scores from them (one
// kind of edge after another, so that each loop over the rows runs without a branch to mispredict). Made
// once per run, it reads only the columns the plan uses and keeps only the scored edges' scores (a county
// model scoring a few hundred of its thousands of edges touches those).
class BlockScorer {
  public:
    static constexpr size_t kRows = 32;  // the most rows a block holds
    BlockScorer(const ScorePlan& plan, const LoopGraph& g);
    // Rows [0, n) of a table (n <= kRows) starting at `rows`, `stride` values a row: Time, then
    // ScorePlan::columns.
    void score(const double* rows, size_t stride, size_t n);
    // A scored group edge's scores over the block's rows.
    const double* edge(size_t e) const { return m_out.data() + kRows * m_outOf[e]; }

  private:
    struct Change {
        size_t slot;  // its rows in m_changes
        const ScorePlan::Change* change;
    };
    struct Edge {
        size_t out;       // its rows in m_out
        size_t from, to;  // the rows in m_changes of the source's level change, the target's value change
        int partialChange;
    };
    std::vector<Change> m_changeList;
    std::vector<Edge> m_state, m_sign, m_partial;  // by ScorePlan::Kind
    std::vector<size_t> m_outOf;                   // by group edge: its rows in m_out
    std::vector<double> m_changes, m_out;          // kRows values each
};

// Changes at or below this share of their terms' size are round-off, not change (a product of two values
// whose changes cancel exactly, a stock whose flows balance): they read 0, as LTM scores a target that does
// not change. Without it, a link into a value that is constant but for its last bit scores 1e10 and the loops
// through it swamp every other (the county model before this rule).
inline constexpr double kRoundOff = 1e-12;

// A variable's link score over a block's `n` rows from its group edges' scores: its path's product, or of
// several paths the one of largest magnitude (a product that is not finite reads 0).
void varLinkScores(const LoopGraph& g, int varEdge, const BlockScorer& block, size_t n, double* out);

// A link of one group edge: that edge's scores over the block's `n` rows into `out`, as varLinkScores's
// product of one factor gives them (0 where not finite, and +0 for -0), two rows a vector.
void edgeLinkScores(const BlockScorer& block, size_t e, size_t n, double* out);

}  // namespace sdw::analysis::detail
