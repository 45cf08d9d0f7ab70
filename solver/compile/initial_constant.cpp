// Expressions of constants evaluated in the expansion stage: the order of DELAY N / SMOOTH N ("base + 1"),
// which fixes how many internal stocks the delay gets, and the delay time that may lower that order.
// Layer: solver. Depends on compile/, equations/ and sim/ops.hpp (STEP and RAMP at the start) only.
#include <cmath>
#include <limits>
#include <optional>

#include "solver/compile/expand_internal.hpp"
#include "solver/compile/resolve.hpp"
#include "solver/equations/fold.hpp"
#include "solver/sim/ops.hpp"

namespace sdw::compile::detail {

namespace {

constexpr int kMaxConstantChain = 32;  // a = b + 1, b = c * 2, ...: deeper chains are not folded

// The function as its user wrote it: Vensim's DELAY N and SMOOTH N are read as DELAY_N and SMOOTH_N.
std::string shownName(const Node& call) {
    if (call.name == "delay_n") return "DELAY N";
    if (call.name == "smooth_n") return "SMOOTH N";
    return call.text;
}

}  // namespace

std::optional<double> Expander::nameConstant(int element, const Expr& e, int node, int depth) {
    const Node& n = e.at(node);
    if (n.kind == NodeKind::Name && !n.subscripted && m_out.symbols.findVar(n.name, at(element).scope) < 0) {
        const model::SimSpecs& specs = m_project.specs;
        if (n.name == "dt" || n.name == "time_step") return specs.dt;
        if (n.name == "starttime" || n.name == "initial_time") return specs.start;
        if (n.name == "time" && m_orderAtStart) {  // an order is evaluated once, at the start: Time is then
            m_orderUsesTime = true;
            return specs.start;
        }
        if (n.name == "stoptime" || n.name == "final_time") return specs.stop;
        if (n.name == "pi") return M_PI;
        return std::nullopt;  // a name that is reported when lowering
    }
    const Resolver resolver(m_out);  // over the elements made so far: the user's are all there
    const std::vector<int> r = resolver.resolve(element, e, node, {});
    if (r.size() != 1) return std::nullopt;
    const Element& target = at(r[0]);
    if (target.isConstant) return target.constantValue;
    if (target.kind != ElementKind::Aux || target.table >= 0 || target.expr.empty()) return std::nullopt;
    const Expr expr = target.expr;  // copied: evaluating it may not outlive a reallocation of the elements
    return initialConstant(r[0], expr, expr.root, depth + 1);
}

std::optional<double> Expander::initialConstant(int element, const Expr& e, int node, int depth) {
    if (depth > kMaxConstantChain) return std::nullopt;
    Expr copy;
    copy.root = copyInto(copy, e, node);
    // Replace each name reached from the root (not the subscripts under a name) by its constant value.
    std::vector<int> todo = {copy.root};
    while (!todo.empty()) {
        const int i = todo.back();
        todo.pop_back();
        const NodeKind kind = copy.at(i).kind;
        if (kind == NodeKind::Call) {
            if (const std::optional<double> t = timeCallAtStart(element, copy, i, depth)) {
                Node& n = copy.nodes[static_cast<size_t>(i)];
                n = Node{};
                n.value = *t;
                continue;
            }
        }
        if (kind != NodeKind::Name && kind != NodeKind::ElementRef) {
            for (int a : copy.at(i).args) todo.push_back(a);
            continue;
        }
        const std::optional<double> v = nameConstant(element, copy, i, depth);
        if (!v) return std::nullopt;
        Node& n = copy.nodes[static_cast<size_t>(i)];
        n.kind = NodeKind::Number;
        n.value = *v;
        n.args.clear();
        n.subscripted = false;
    }
    return equations::foldConstant(copy, {});
}

// STEP and RAMP at the start time (an order written as 2 + STEP(1, 10) is 2 there); nullopt for any other
// call or an argument that is no constant.
std::optional<double> Expander::timeCallAtStart(int element, const Expr& e, int node, int depth) {
    const Node& n = e.at(node);
    const bool step = n.name == "step" && n.args.size() == 2;
    const bool ramp = n.name == "ramp" && (n.args.size() == 2 || n.args.size() == 3);
    if ((!step && !ramp) || !m_orderAtStart) return std::nullopt;
    std::vector<double> a;
    for (int arg : n.args) {
        const std::optional<double> v = initialConstant(element, e, arg, depth + 1);
        if (!v) return std::nullopt;
        a.push_back(*v);
    }
    m_orderUsesTime = true;
    const model::SimSpecs& specs = m_project.specs;
    if (step) return sim::ops::step(specs.start, specs.dt, a[0], a[1]);
    return sim::ops::ramp(specs.start, a[0], a[1],
                          a.size() == 3 ? a[2] : std::numeric_limits<double>::infinity());
}

// The order of SMTHN / DELAYN / Vensim's DELAY N and SMOOTH N, from constants; 0 (reported) when it is not a
// number from 1 to 1000. A DELAY N or SMOOTH N whose time is short against TIME STEP has its order lowered
// as Vensim does (its reference guide says so of both).
int Expander::smoothOrder(int element, const Expr& out, const Node& call) {
    m_orderUsesTime = false;
    m_orderAtStart = true;
    const bool vensim = call.name == "delay_n" || call.name == "smooth_n";  // (input, time, init, order)
    const size_t orderArg = vensim ? 3 : 2;
    const std::optional<double> v = initialConstant(element, out, call.args[orderArg], 0);
    m_orderAtStart = false;
    if (!v || !(*v >= 1 && *v <= 1000)) {
        error(element, diag::code::kBadArgument,
              "the order of " + shownName(call) +
                  " must be a number between 1 and 1000 from constants (it is evaluated once, at the start)",
              call.pos);
        return 0;
    }
    const int order = static_cast<int>(std::lround(*v));
    if (m_orderUsesTime) {  // Vensim fixes the order at the start too (test-models delays, smooth)
        diag::Diagnostic d =
            problemAt(m_out.symbols, at(element), diag::code::kOrderLowered,
                      "the order of " + shownName(call) + " changes with Time: it is " +
                          std::to_string(order) + ", its value at the start, for the whole run, as in Vensim",
                      call.pos);
        d.severity = diag::Severity::Warning;
        m_report.addOnce(d);
    }
    if (call.name != "delayn" && !vensim) return order;
    // Vensim: the delay time must be bigger than order x TIME STEP, or it lowers the order until it is (and
    // warns); shorter stages make the Euler steps overshoot and swing in sign. A stage of exactly one DT is
    // kept: it passes its contents on whole each step, without overshoot.
    const std::optional<double> time = initialConstant(element, out, call.args[1], 0);
    const double dt = m_project.specs.dt;
    if (!time || !(dt > 0) || !std::isfinite(*time)) return order;
    const double steps = *time / dt;
    const int fit = steps > 1000 ? 1000 : std::max(1, static_cast<int>(std::floor(steps + 1e-9)));
    if (fit >= order) return order;
    const std::string what = call.name == "smooth_n" ? "smoothing time" : "delay time";
    diag::Diagnostic d = problemAt(
        m_out.symbols, at(element), diag::code::kOrderLowered,
        shownName(call) + " of order " + std::to_string(order) + " with a " + what + " of " +
            std::to_string(*time) + " needs the " + what + " at least order x TIME STEP (" +
            std::to_string(dt) + "): its order is lowered to " + std::to_string(fit) + ", as Vensim does",
        call.pos);
    d.severity = diag::Severity::Warning;
    m_report.addOnce(d);
    return fit;
}

}  // namespace sdw::compile::detail
