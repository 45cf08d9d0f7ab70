// Expressions of constants evaluated while compiling: the order of DELAY N / SMOOTH N ("base + 1"), which
// fixes how many internal stocks the delay gets, and the delay time that may lower that order.
// Layer: solver. Depends on compile/ and equations/ only.
#include <cmath>
#include <limits>

#include "solver/compile/compiler_impl.hpp"
#include "solver/equations/fold.hpp"

namespace sdw::compile::detail {

using equations::Expr;
using equations::Node;
using equations::NodeKind;

namespace {

constexpr int kMaxConstantChain = 32;  // a = b + 1, b = c * 2, ...: deeper chains are not folded

}  // namespace

std::optional<double> Compiler::nameConstant(int scalar, const Expr& e, int node, int depth) {
    const Node& n = e.at(node);
    const Scalar& self = m_scalars[static_cast<size_t>(scalar)];
    if (!n.subscripted && findVar(n.name, self.scope) < 0) {
        const model::SimSpecs& specs = m_project.specs;
        if (n.name == "dt" || n.name == "time_step") return specs.dt;
        if (n.name == "starttime" || n.name == "initial_time") return specs.start;
        if (n.name == "stoptime" || n.name == "final_time") return specs.stop;
        if (n.name == "pi") return M_PI;
        return std::nullopt;  // Time, or a name that is reported when lowering
    }
    const std::vector<int> r = resolve(scalar, e, node, m_extra, false);
    if (r.size() != 1) return std::nullopt;
    const Scalar& target = m_scalars[static_cast<size_t>(r[0])];
    if (target.isConstant) return target.constantValue;
    if (target.kind != ScalarKind::Aux || target.table >= 0 || target.expr.empty()) return std::nullopt;
    return initialConstant(r[0], target.expr, target.expr.root, depth + 1);
}

std::optional<double> Compiler::initialConstant(int scalar, const Expr& e, int node, int depth) {
    if (depth > kMaxConstantChain) return std::nullopt;
    Expr copy;
    copy.root = copyInto(copy, e, node);
    // Replace each name reached from the root (not the subscripts under a name) by its constant value.
    std::vector<int> todo = {copy.root};
    while (!todo.empty()) {
        const int i = todo.back();
        todo.pop_back();
        if (copy.at(i).kind != NodeKind::Name) {
            for (int a : copy.at(i).args) todo.push_back(a);
            continue;
        }
        const std::optional<double> v = nameConstant(scalar, copy, i, depth);
        if (!v) return std::nullopt;
        Node& n = copy.nodes[static_cast<size_t>(i)];
        n.kind = NodeKind::Number;
        n.value = *v;
        n.args.clear();
        n.subscripted = false;
    }
    return equations::foldConstant(copy, {});
}

int Compiler::stageOrder(int scalar, const Expr& e, const Node& call) {
    const std::optional<double> v = initialConstant(scalar, e, call.args[2], 0);
    if (!v || !(*v >= 1 && *v <= 1000)) {
        error(scalar, diag::code::kBadArgument,
              "the order of " + call.text +
                  " must be a number between 1 and 1000 from constants (it is evaluated once, at the start)",
              call.pos);
        return -1;
    }
    int order = static_cast<int>(std::lround(*v));
    if (call.name != "delayn") return order;
    // Vensim: the delay time must be bigger than order x TIME STEP, or it lowers the order until it is (and
    // warns); shorter stages make the Euler steps overshoot and swing in sign. A stage of exactly one DT is
    // kept: it passes its contents on whole each step, without overshoot.
    const std::optional<double> time = initialConstant(scalar, e, call.args[1], 0);
    const double dt = m_project.specs.dt;
    if (!time || !(dt > 0) || !std::isfinite(*time)) return order;
    const double steps = *time / dt;
    const int fit = steps > 1000 ? 1000 : std::max(1, static_cast<int>(std::floor(steps + 1e-9)));
    if (fit < order) {
        warning(scalar, diag::code::kOrderLowered,
                call.text + " of order " + std::to_string(order) + " with a delay time of " +
                    std::to_string(*time) + " needs the delay time at least order x TIME STEP (" +
                    std::to_string(dt) + "): its order is lowered to " + std::to_string(fit) +
                    ", as Vensim does");
        order = fit;
    }
    return order;
}

}  // namespace sdw::compile::detail
