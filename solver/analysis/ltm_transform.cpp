// Loops that Matter as a model transformation: PREVIOUS states of the values links read and each scored
// link's partial value (the target's equation with only that input at its new value), saved as result
// columns, and the plan saying which column holds what. Layer: solver (analysis). No GUI, no Lua.
#include "solver/analysis/ltm_transform.hpp"

#include <algorithm>
#include <map>
#include <tuple>
#include <unordered_map>

#include "solver/compile/expand_internal.hpp"
#include "solver/equations/builtins.hpp"

namespace sdw::analysis::detail {

using compile::StateSite;
using compile::detail::copyInto;
using compile::detail::Element;
using compile::detail::ElementKind;
using compile::detail::exprBin;
using compile::detail::exprNum;
using compile::detail::exprRef;
using compile::detail::StateLink;
using equations::Expr;
using equations::Node;
using equations::NodeKind;

namespace {

int sumOf(Expr& e, const std::vector<int>& terms) {
    if (terms.empty()) return exprNum(e, 0);
    int acc = terms[0];
    for (size_t k = 1; k < terms.size(); ++k) acc = exprBin(e, '+', acc, terms[k]);
    return acc;
}

class LinkScorer {
  public:
    LinkScorer(ExpandedModel& model, const LoopGraph& g) : m_model(model), m_g(g), m_resolver(model) {}

    ScorePlan run(const std::vector<bool>& score) {
        m_plan.levelChange.assign(m_g.groups.size(), -1);
        m_plan.valueChange.assign(m_g.groups.size(), -1);
        m_plan.edges.resize(m_g.edges.size());
        for (size_t k = 0; k < m_g.varEdges.size(); ++k) {
            if (!score[k]) continue;
            for (const auto& path : m_g.varEdges[k].paths)
                for (int edge : path) planEdge(edge);
        }
        return std::move(m_plan);
    }

  private:
    Element& at(int i) { return m_model.elements[static_cast<size_t>(i)]; }
    int ref(Expr& e, int element) { return exprRef(e, element, at(element).display, 0); }
    int newElement(int like, const std::string& what, ElementKind kind, Expr expr);
    int prevOf(int e);
    int shadowOf(int var, const std::string& scope);
    int valueOf(int t);
    int partial(int t, int source);
    void rename(Expr& e, int node, int t, int source);
    void hoist(Expr& e, int node, int t);
    bool keepsCurrent(int element, int source) const;
    bool onlyInput(const GroupEdge& edge) const;
    bool timeDependent(const Expr& e, const std::string& scope) const;
    bool drawsRandom(const Expr& e, const std::string& scope) const;
    int columnOf(int element);
    int changeOf(int group, bool ofValue);
    ScorePlan::Term termOf(int element);
    void planEdge(int edge);

    ExpandedModel& m_model;
    const LoopGraph& m_g;
    const Resolver m_resolver;
    std::unordered_map<int, int> m_prev, m_net, m_shadow;
    std::unordered_map<int, ScorePlan::Term> m_terms;
    ScorePlan m_plan;
};

// A new internal element computed like `like` (its variable, array context and scope).
int LinkScorer::newElement(int like, const std::string& what, ElementKind kind, Expr expr) {
    Element s;
    s.display = at(like).display + " (" + what + ")";
    s.kind = kind;
    s.internal = true;
    s.var = at(like).var;
    s.ctx = at(like).ctx;
    s.scope = at(like).scope;
    s.line = at(like).line;
    s.expr = std::move(expr);
    m_model.elements.push_back(std::move(s));
    return static_cast<int>(m_model.elements.size()) - 1;
}

// A state holding `e`'s value one step before (PREVIOUS(e), starting from e's initial value).
int LinkScorer::prevOf(int e) {
    if (auto it = m_prev.find(e); it != m_prev.end()) return it->second;
    Expr init;
    init.root = ref(init, e);
    const int p = newElement(e, "previous", ElementKind::State, std::move(init));
    m_model.states.push_back(StateLink{StateSite::Kind::Previous, e, -1, p});
    m_prev[e] = p;
    return p;
}

// A variable whose elements are `var`'s one step before, under a name no model can use (canonical names
// never hold a double quote), reachable from `scope`: the resolver finds its elements as it finds var's,
// wildcards and reductions included.
int LinkScorer::shadowOf(int var, const std::string& scope) {
    auto& syms = m_model.symbols;
    const std::string name = "\"previous\"." + syms.var(var).canonical;
    int sv;
    if (auto it = m_shadow.find(var); it != m_shadow.end()) {
        sv = it->second;
    } else {
        compile::detail::VarInfo info = syms.var(var);
        info.canonical = name;
        info.internal = true;
        info.firstElement = static_cast<int>(m_model.elements.size());
        for (int k = 0; k < info.elementCount; ++k) {
            const int e = syms.var(var).firstElement + k;
            Expr init;
            init.root = ref(init, e);
            const int p = newElement(e, "previous", ElementKind::State, std::move(init));
            m_model.states.push_back(StateLink{StateSite::Kind::Previous, e, -1, p});
            m_prev.emplace(e, p);
        }
        sv = static_cast<int>(syms.vars.size());
        syms.vars.push_back(std::move(info));
        m_shadow[var] = sv;
    }
    syms.varByName[scope + name] = sv;
    return sv;
}

bool LinkScorer::keepsCurrent(int element, int source) const {
    const int g = m_g.groupOf[static_cast<size_t>(element)];
    return g < 0 || g == source;  // constants and tables, or the input being scored
}

// The element whose change a link into `t` explains: t itself, or a stock's net flow.
int LinkScorer::valueOf(int t) {
    if (at(t).kind != ElementKind::Stock) return t;
    if (auto it = m_net.find(t); it != m_net.end()) return it->second;
    Expr e;
    if (!at(t).rate.empty()) {
        e.root = copyInto(e, at(t).rate, at(t).rate.root);
    } else {
        std::vector<int> terms;
        for (int f : std::vector<int>(at(t).inflows)) terms.push_back(ref(e, f));
        int net = sumOf(e, terms);
        for (int f : std::vector<int>(at(t).outflows)) net = exprBin(e, '-', net, ref(e, f));
        e.root = net;
    }
    const int n = newElement(t, "net flow", ElementKind::Aux, std::move(e));
    m_net[t] = n;
    return n;
}

// Element `t`'s value (a stock's net flow) recomputed with the inputs in group `source` at their values now
// and every other input at its value one step before.
int LinkScorer::partial(int t, int source) {
    const int v = valueOf(t);
    const Element& s = at(v);
    Expr e;
    e.root = copyInto(e, s.expr, s.expr.root);
    rename(e, e.root, v, source);
    const bool nonNegFlow = at(t).kind == ElementKind::Flow && at(t).nonNegative;
    const int p = newElement(t, "partial", nonNegFlow ? ElementKind::Flow : ElementKind::Aux, std::move(e));
    at(p).table = at(v).table;
    at(p).nonNegative = nonNegFlow;
    return p;
}

// Rewrites the inputs of an equation copied from element `t`: names and references to elements outside the
// scored group read their values one step before; time and the time functions (STEP, RAMP, PULSE...) too.
void LinkScorer::rename(Expr& e, int node, int t, int source) {
    Node n = e.at(node);
    if (n.kind == NodeKind::ElementRef) {
        const int target = static_cast<int>(n.value);
        if (!keepsCurrent(target, source)) e.nodes[static_cast<size_t>(node)].value = prevOf(target);
        return;
    }
    const equations::BuiltinInfo* b = n.kind == NodeKind::Call ? equations::findBuiltin(n.name) : nullptr;
    const int var = n.kind == NodeKind::Name || n.kind == NodeKind::Call
                        ? m_model.symbols.findVar(n.name, at(t).scope)
                        : -1;
    const bool timeName = n.kind == NodeKind::Name && n.name == "time" && var < 0;
    if (timeName || (b && var < 0 && (b->kind == equations::BuiltinKind::TimeFn || n.name == "time"))) {
        hoist(e, node, t);
        return;
    }
    if (n.kind == NodeKind::Name) {  // its subscripts name dimensions and elements: left as they are
        if (n.name == "self") {
            Node r = e.at(node);
            r.kind = NodeKind::ElementRef;
            r.value = prevOf(t);
            r.args.clear();
            e.nodes[static_cast<size_t>(node)] = std::move(r);
            return;
        }
        if (var < 0 || m_model.symbols.var(var).kind == model::VarKind::Module) return;
        const auto& info = m_model.symbols.var(var);
        bool current = true;
        for (int k = 0; k < info.elementCount && current; ++k)
            current = keepsCurrent(info.firstElement + k, source);
        if (!current) {
            const int sv = shadowOf(var, at(t).scope);
            e.nodes[static_cast<size_t>(node)].name = m_model.symbols.var(sv).canonical;
        }
        return;
    }
    for (int a : n.args) rename(e, a, t, source);
}

// A time-dependent part of an equation becomes its own element, read one step before.
void LinkScorer::hoist(Expr& e, int node, int t) {
    Expr part;
    part.root = copyInto(part, e, node);
    const int h = newElement(t, "time input", ElementKind::Aux, std::move(part));
    Node r;
    r.kind = NodeKind::ElementRef;
    r.value = prevOf(h);
    r.text = at(h).display;
    e.nodes[static_cast<size_t>(node)] = std::move(r);
}

// Whether every target of `edge` reads nothing but the source group (no clock, and not itself as a smooth's
// stage does): then its partial change is its whole change, and the link score is the sign of the target's
// change times the source's.
bool LinkScorer::onlyInput(const GroupEdge& edge) const {
    if (edge.targets.size() != m_g.groups[static_cast<size_t>(edge.to)].elements.size()) return false;
    for (int t : edge.targets) {
        const Element& s = m_model.element(t);
        if (s.kind != ElementKind::Stock && timeDependent(s.expr, s.scope)) return false;
        if (s.kind == ElementKind::Stock && !s.rate.empty()) return false;  // it reads itself: not one input
        for (int in : elementInputs(m_model, m_resolver, m_g.stateInput, t))
            if (m_g.groupOf[static_cast<size_t>(in)] != edge.from) return false;
    }
    return true;
}

bool LinkScorer::timeDependent(const Expr& e, const std::string& scope) const {
    for (const Node& n : e.nodes) {
        const bool named = n.kind == NodeKind::Name || n.kind == NodeKind::Call;
        if (!named || m_model.symbols.findVar(n.name, scope) >= 0) continue;
        if (n.name == "time") return true;
        const equations::BuiltinInfo* b = n.kind == NodeKind::Call ? equations::findBuiltin(n.name) : nullptr;
        if (b && b->kind == equations::BuiltinKind::TimeFn) return true;
    }
    return drawsRandom(e, scope);
}

bool LinkScorer::drawsRandom(const Expr& e, const std::string& scope) const {
    for (const Node& n : e.nodes) {
        if (n.kind != NodeKind::Call || m_model.symbols.findVar(n.name, scope) >= 0) continue;
        const equations::BuiltinInfo* b = equations::findBuiltin(n.name);
        if (b && b->kind == equations::BuiltinKind::Random) return true;
    }
    return false;
}

// A new scoring element as a result column (from 1: column 0 is Time), under a name no model can use. The run
// does not check it for NaN (a partial change may divide by a value from the step before): no score stops
// the run, and one that is not a number reads 0.
int LinkScorer::columnOf(int element) {
    Element& s = at(element);
    s.internal = false;
    s.canonical = "$ltm_" + std::to_string(element);
    m_plan.columns.push_back(s.canonical);
    m_plan.unchecked.push_back(s.canonical);
    return static_cast<int>(m_plan.columns.size());
}

// The change over one step of a group's total (an index in the plan's changes): of its values (a stock's net
// flow) when `ofValue`, else of the elements themselves (a stock's level). An auxiliary's value and level are
// one.
int LinkScorer::changeOf(int group, bool ofValue) {
    const std::vector<int> elems = m_g.groups[static_cast<size_t>(group)].elements;
    const bool flow = ofValue && at(elems[0]).kind == ElementKind::Stock;
    const auto g = static_cast<size_t>(group);
    if (const int known = (flow ? m_plan.valueChange : m_plan.levelChange)[g]; known >= 0) return known;
    ScorePlan::Change change;
    for (int el : elems) change.terms.push_back(termOf(flow ? valueOf(el) : el));
    for (int el : elems) {  // the size of a stock's net flow: its flows' (in balance, it is near 0)
        if (!flow) {
            change.size.push_back(termOf(el));
        } else if (!at(el).rate.empty()) {
            change.size.push_back(termOf(valueOf(el)));
        } else {
            for (int f : std::vector<int>(at(el).inflows)) change.size.push_back(termOf(f));
            for (int f : std::vector<int>(at(el).outflows)) change.size.push_back(termOf(f));
        }
    }
    const int c = static_cast<int>(m_plan.changes.size());
    m_plan.changes.push_back(std::move(change));
    (flow ? m_plan.valueChange : m_plan.levelChange)[g] = c;
    if (at(elems[0]).kind != ElementKind::Stock) m_plan.valueChange[g] = c;
    return c;
}

// The columns of an element's value now and one step before: copies of the two (computed at saved steps
// only, as only saved rows read them).
ScorePlan::Term LinkScorer::termOf(int element) {
    if (auto it = m_terms.find(element); it != m_terms.end()) return it->second;
    Expr now, before;
    now.root = ref(now, element);
    before.root = ref(before, prevOf(element));
    const ScorePlan::Term t{
        columnOf(newElement(element, "value", ElementKind::Aux, std::move(now))),
        columnOf(newElement(element, "value before", ElementKind::Aux, std::move(before)))};
    m_terms[element] = t;
    return t;
}

void LinkScorer::planEdge(int edge) {
    if (m_plan.edges[static_cast<size_t>(edge)].kind != ScorePlan::Kind::Unscored) return;
    const GroupEdge ge = m_g.edges[static_cast<size_t>(edge)];
    changeOf(ge.from, false);
    ScorePlan::Edge plan;
    if (at(ge.targets[0]).kind == ElementKind::State) {
        plan.kind = ScorePlan::Kind::State;
    } else if (changeOf(ge.to, true); onlyInput(ge)) {
        plan.kind = ScorePlan::Kind::Sign;
    } else {
        Expr e;
        std::vector<int> terms;
        for (int t : ge.targets) {
            const Element& target = at(valueOf(t));
            auto& redrawn = m_plan.redrawn;
            if (drawsRandom(target.expr, target.scope) &&
                std::find(redrawn.begin(), redrawn.end(), t) == redrawn.end())
                redrawn.push_back(t);
            const int p = partial(t, ge.from);
            terms.push_back(exprBin(e, '-', ref(e, p), ref(e, prevOf(valueOf(t)))));
        }
        e.root = sumOf(e, terms);
        plan.kind = ScorePlan::Kind::Partial;
        plan.partialChange =
            columnOf(newElement(ge.targets[0], "partial change", ElementKind::Aux, std::move(e)));
    }
    m_plan.edges[static_cast<size_t>(edge)] = plan;
}

}  // namespace

ScorePlan addScoreColumns(ExpandedModel& model, const LoopGraph& g, const std::vector<bool>& score) {
    return LinkScorer(model, g).run(score);
}

}  // namespace sdw::analysis::detail
