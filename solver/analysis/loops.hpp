// Feedback loops of a model and which of them is in charge when: loops found from the model's structure
// (each with a stable id, polarity, length and variables) and their Loops that Matter scores over a run.
// Layer: solver (analysis). No GUI, no Lua.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "solver/compile/compiled_model.hpp"
#include "solver/diag/diagnostics.hpp"
#include "solver/model/model.hpp"
#include "solver/sim/simulate.hpp"

// Loops are found between the user's variables: a SMOOTH's, DELAY's, TREND's or macro's internal stocks
// belong to the variable whose equation uses them, and an arrayed variable is one node (its elements
// aggregated). Ids: the loops are sorted (fewer variables first, then by the variables' canonical names from
// the alphabetically first, in causal order) and numbered from 1 in that order, the polarity's letter in
// front: R reinforcing, B balancing, U when a link's sign cannot be told. Ids depend on the model's content
// only, never on its file's order or the machine.
namespace sdw::analysis {

enum class Polarity { Reinforcing, Balancing, Unknown };
char polarityLetter(Polarity p);

struct Loop {
    std::string id;  // "R1", "B2", "U3"
    Polarity polarity = Polarity::Unknown;
    std::vector<std::string>
        variables;  // as written, in causal order: each affects the next, the last the first
    std::vector<std::string> canonical;  // the same, canonical
    std::string signs;                   // one per link variables[k] -> variables[k+1]: '+', '-' or '?'
    std::string name;                    // the name the model gives it (<sdw:loops>), or ""
    std::string description;             // what the model says the loop does, or ""
    size_t length() const { return variables.size(); }
};

struct LoopOptions {
    // Up to this many loops, all are listed; past it, the shortest independent loop set (and, with scores,
    // the strongest loops found at each saved time).
    size_t maxLoops = 1000;
    // The most loops a score table holds (besides the named ones, always kept): past it, the ones with the
    // largest share at any saved time, their shares then of these loops' total.
    size_t maxScored = 200;
    // The most values (saved rows x columns) of a scoring run that hands its rows over a block at a time
    // (the native code's whole loop keeps none; a run it cannot take keeps them as a table until it ends:
    // 32 MB; the county model's are 523 x 478); past it, the link scores are computed from each row as the
    // run saves it (the same numbers, slower).
    size_t maxTableValues = 4'000'000;
    compile::CompileOptions compile;
};

// A list of loops that copies share until one of them is changed (edit() copies it first): a county model's
// scoring lists two hundred loops of some twenty variables each, and each re-scoring's copy of them was a
// tenth of its time. Read it as a const std::vector.
class SharedLoops {
  public:
    SharedLoops() = default;
    SharedLoops(std::vector<Loop> loops) : m_loops(std::make_shared<std::vector<Loop>>(std::move(loops))) {}
    operator const std::vector<Loop>&() const { return get(); }
    const std::vector<Loop>& get() const { return m_loops ? *m_loops : none(); }
    // The list to change, this copy's own.
    std::vector<Loop>& edit() {
        if (!m_loops)
            m_loops = std::make_shared<std::vector<Loop>>();
        else if (m_loops.use_count() > 1)
            m_loops = std::make_shared<std::vector<Loop>>(*m_loops);
        return *m_loops;
    }
    size_t size() const { return get().size(); }
    bool empty() const { return get().empty(); }
    const Loop& operator[](size_t k) const { return get()[k]; }
    const Loop& at(size_t k) const { return get().at(k); }
    const Loop& front() const { return get().front(); }
    const Loop& back() const { return get().back(); }
    const Loop* data() const { return get().data(); }
    std::vector<Loop>::const_iterator begin() const { return get().begin(); }
    std::vector<Loop>::const_iterator end() const { return get().end(); }

  private:
    static const std::vector<Loop>& none() {
        static const std::vector<Loop> none;
        return none;
    }
    std::shared_ptr<std::vector<Loop>> m_loops;
};

struct LoopList {
    SharedLoops loops;
    bool complete = true;  // false: too many loops to list, `loops` is a bounded set (see rule)
    std::string rule;      // how the list was made, a sentence for the user
    size_t variables = 0;  // variables with causal links
    size_t links = 0;      // links between them
    std::vector<std::string> staleNames;  // loop names the model gives to loops it no longer has
};

// The model's loops from its structure. Null when the model does not compile (the errors are in diags).
std::optional<LoopList> listLoops(const model::Project& project, diag::Diagnostics& diags,
                                  const LoopOptions& options = {});

// Names `loop` in the project's main model, stored with it as <sdw:loops> (an sdw extension of XMILE that
// the writer writes and the reader keeps), with a sentence or two on what it does (may be empty). Replaces
// the name the model gave the same loop; an empty name removes it. Ids may change as the model does; a name
// stays with its loop's variables.
void nameLoop(model::Project& project, const Loop& loop, const std::string& name,
              const std::string& description = "");

struct LinkScores {
    std::string from, to;       // variables as written
    std::vector<double> score;  // by saved time: + the variables change together, - the other way
};

struct LoopScores {
    LoopList list;                              // the loops scored, in id order
    std::vector<double> times;                  // saved times
    std::vector<std::vector<double>> score;     // [loop][time]: the product of its link scores
    std::vector<std::vector<double>> relative;  // [loop][time]: score / the sum of |score| over the loops
    std::vector<LinkScores> links;              // every link on a loop
    std::string rule;                           // which loops were scored, a sentence for the user
    // The loops an earlier scoring of the same prepared model kept (too many to score them all), scored
    // again at this run's settings without a new search; prepare the model again to search at these.
    bool reused = false;
};

// A model compiled with Loops that Matter link scores as extra result columns, and the loops found in it:
// compile once, then score as many runs as needed (different settings of its constants, say).
// Null when the model does not compile (diags say why).
class ScoredModel;
std::shared_ptr<const ScoredModel> prepareScores(const model::Project& project, diag::Diagnostics& diags,
                                                 const LoopOptions& options = {});
// The compiled model a scored run runs (for timing it against the plain model).
const compile::CompiledModel& compiledWithScores(const ScoredModel& scored);
std::optional<LoopScores> scoreLoops(const ScoredModel& scored, const sim::RunSpec& spec,
                                     diag::Diagnostics& diags);

// Runs the model with Loops that Matter scores (Schoenberg, Davidsen and Eberlein 2020; Schoenberg, Hayward
// and Eberlein 2023): link scores, loop scores and relative loop scores at each saved time. The relative
// scores of a time sum in absolute value to 1 (or are all 0 when nothing changes). Null when the model does
// not compile or the run fails (diags say why).
std::optional<LoopScores> scoreLoops(const model::Project& project, const sim::RunSpec& spec,
                                     diag::Diagnostics& diags, const LoopOptions& options = {});

// A stretch of saved times in which one loop has the largest share (in magnitude) of the relative scores.
struct DominancePeriod {
    double start = 0, end = 0;  // the first and last saved time of the stretch
    size_t loop = 0;            // index in LoopScores::list.loops
    double peak = 0;            // its largest share in the stretch, signed
};

// Which loop dominates when: consecutive saved times with the same strongest loop, in time order; another
// loop takes over only when its share passes the current one's by 0.05 (two loops that trade first place
// every step read as one period). Times at which nothing changes (every share 0) belong to no period.
std::vector<DominancePeriod> dominance(const LoopScores& scores);

}  // namespace sdw::analysis
