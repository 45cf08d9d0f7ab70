// Feedback loops from a model's structure: the model expanded as the compiler expands it, its causal graph,
// the loops found in it (all of them, or a bounded set), their ids, polarities and names.
// Layer: solver (analysis). No GUI, no Lua.
#include <algorithm>
#include <unordered_map>

#include "solver/analysis/loop_names.hpp"
#include "solver/analysis/loops_internal.hpp"
#include "solver/compile/pipeline.hpp"

namespace sdw::analysis {

char polarityLetter(Polarity p) {
    return p == Polarity::Reinforcing ? 'R' : p == Polarity::Balancing ? 'B' : 'U';
}

namespace detail {
namespace {

// Steps Johnson's search may take before the listing falls back to the independent loop set: about a second.
constexpr size_t kSearchBudget = 20'000'000;

char signChar(Sign s) {
    return s == Sign::Positive ? '+' : s == Sign::Negative ? '-' : '?';
}

Loop makeLoop(const ExpandedModel& m, const LoopGraph& g, const Cycle& c, size_t number) {
    Loop loop;
    Sign total = Sign::Positive;
    for (size_t k = 0; k < c.size(); ++k) {
        const auto& var = m.symbols.var(g.nodes[static_cast<size_t>(c[k])]);
        loop.variables.push_back(var.display);
        loop.canonical.push_back(var.canonical);
        const int e = g.varEdge(c[k], c[(k + 1) % c.size()]);
        const Sign s = g.varEdges[static_cast<size_t>(e)].sign;
        loop.signs += signChar(s);
        total = times(total, s == Sign::None ? Sign::Unknown : s);
    }
    loop.polarity = total == Sign::Positive   ? Polarity::Reinforcing
                    : total == Sign::Negative ? Polarity::Balancing
                                              : Polarity::Unknown;
    loop.id = polarityLetter(loop.polarity) + std::to_string(number);
    return loop;
}

}  // namespace

std::optional<ExpandedModel> expandForLoops(const model::Project& project, diag::Diagnostics& diags,
                                            const LoopOptions& options) {
    if (!compile::compileModel(project, diags, options.compile)) return std::nullopt;
    diag::Diagnostics again;  // the same warnings a second time: not reported twice
    compile::detail::Reporter report(again);
    return compile::detail::expandProject(project, options.compile, report);
}

FoundCycles findCycles(const LoopGraph& g, const LoopOptions& options) {
    FoundCycles f;
    bool exhausted = false;
    f.cycles = allCycles(g, options.maxLoops, kSearchBudget, exhausted);
    if (f.cycles.size() <= options.maxLoops && !exhausted) {
        f.rule = "all " + std::to_string(f.cycles.size()) + " feedback loops";
        return f;
    }
    f.complete = false;
    f.cycles = shortestIndependentLoops(g);
    f.rule = "the model has more than " + std::to_string(options.maxLoops) +
             " feedback loops; listed is its shortest independent loop set (Oliva 2004): for each link on a "
             "loop, the shortest loop through it, kept when it adds a link no shorter kept loop has (" +
             std::to_string(f.cycles.size()) + " loops)";
    return f;
}

void addNamedCycles(FoundCycles& f, const ExpandedModel& m, const LoopGraph& g,
                    const model::Project& project) {
    if (f.complete || project.models.empty()) return;
    std::unordered_map<std::string, int> nodeByName;
    for (size_t k = 0; k < g.nodes.size(); ++k)
        nodeByName[m.symbols.var(g.nodes[k]).canonical] = static_cast<int>(k);
    std::vector<Cycle> named;
    for (const NamedLoop& nl : storedLoopNames(project.main())) {
        Cycle c;
        for (const auto& v : nl.variables) {
            const auto it = nodeByName.find(model::canonicalName(v));
            c.push_back(it == nodeByName.end() ? -1 : it->second);
        }
        bool isLoop = true;
        for (size_t k = 0; k < c.size() && isLoop; ++k)
            isLoop = c[k] >= 0 && c[(k + 1) % c.size()] >= 0 && g.varEdge(c[k], c[(k + 1) % c.size()]) >= 0;
        if (!isLoop) continue;
        c = canonicalRotation(std::move(c));
        if (std::find(f.cycles.begin(), f.cycles.end(), c) == f.cycles.end() &&
            std::find(named.begin(), named.end(), c) == named.end())
            named.push_back(std::move(c));
    }
    if (named.empty()) return;
    std::sort(named.begin(), named.end(), cycleLess);
    f.cycles.insert(f.cycles.end(), named.begin(), named.end());
    f.rule += ", and the " + std::to_string(named.size()) + " loop" + (named.size() == 1 ? "" : "s") +
              " the model names that the set lacks";
}

std::vector<Loop> makeLoops(const ExpandedModel& m, const LoopGraph& g, const std::vector<Cycle>& cycles,
                            size_t firstNumber) {
    std::vector<Loop> loops;
    for (size_t k = 0; k < cycles.size(); ++k) loops.push_back(makeLoop(m, g, cycles[k], firstNumber + k));
    return loops;
}

void applyNames(LoopList& list, const model::Project& project) {
    for (const NamedLoop& nl : storedLoopNames(project.main())) {
        std::vector<std::string> want;
        for (const auto& v : nl.variables) want.push_back(model::canonicalName(v));
        std::vector<Loop>& loops = list.loops.edit();
        auto match = std::find_if(loops.begin(), loops.end(),
                                  [&](const Loop& l) { return sameCycle(want, l.canonical); });
        if (match == loops.end()) {
            list.staleNames.push_back("the loop named '" + nl.name + "' (" + nl.id + ") is not among these" +
                                      (list.complete ? ": the model no longer has it" : ""));
            continue;
        }
        match->name = nl.name;
        match->description = nl.description;
        if (!nl.id.empty() && nl.id != match->id)
            list.staleNames.push_back("the loop named '" + nl.name + "' is now " + match->id +
                                      " (the model file says " + nl.id + ")");
    }
}

std::vector<bool> stockNodes(const ExpandedModel& m, const LoopGraph& g) {
    std::vector<bool> start(g.nodes.size(), false);
    for (const Group& grp : g.groups) {
        const int node = g.nodeOf[static_cast<size_t>(grp.var)];
        if (node < 0) continue;
        for (int e : grp.elements)
            if (m.element(e).kind == compile::detail::ElementKind::Stock)
                start[static_cast<size_t>(node)] = true;
    }
    return start;
}

}  // namespace detail

std::optional<LoopList> listLoops(const model::Project& project, diag::Diagnostics& diags,
                                  const LoopOptions& options) {
    try {
        const std::optional<detail::ExpandedModel> m = detail::expandForLoops(project, diags, options);
        if (!m) return std::nullopt;
        const detail::Resolver resolver(*m);
        const detail::LoopGraph g = detail::buildLoopGraph(*m, resolver);
        detail::FoundCycles f = detail::findCycles(g, options);
        detail::addNamedCycles(f, *m, g, project);
        LoopList list;
        list.loops = detail::makeLoops(*m, g, f.cycles, 1);
        list.complete = f.complete;
        list.rule = std::move(f.rule);
        list.variables = g.nodes.size();
        list.links = g.varEdges.size();
        detail::applyNames(list, project);
        return list;
    } catch (const std::exception& e) {
        diags.error(diag::code::kUnsupported, project.name,
                    std::string("internal error while finding loops: ") + e.what());
        return std::nullopt;
    }
}

}  // namespace sdw::analysis

namespace sdw::analysis {

void nameLoop(model::Project& project, const Loop& loop, const std::string& name,
              const std::string& description) {
    detail::NamedLoop nl;
    nl.name = name;
    nl.id = loop.id;
    nl.description = name.empty() ? std::string() : description;
    nl.variables = loop.variables;
    detail::storeLoopName(project.main(), nl);
}

}  // namespace sdw::analysis
