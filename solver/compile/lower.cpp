// Lowering expressions: numbers, names (resolved to slots), the run's constants, operators and IF THEN
// ELSE with a constant condition folded. Layer: solver.
#include "solver/compile/lower.hpp"

#include <cmath>
#include <limits>

namespace sdw::compile::detail {

using equations::Node;
using equations::NodeKind;

namespace {

Op binaryOp(char c) {
    static const std::pair<char, Op> kOps[] = {{'+', Op::Add}, {'-', Op::Sub}, {'*', Op::Mul}, {'/', Op::Div},
                                               {'^', Op::Pow}, {'%', Op::Mod}, {'<', Op::Lt},  {'>', Op::Gt},
                                               {'l', Op::Le},  {'g', Op::Ge},  {'=', Op::Eq},  {'n', Op::Ne},
                                               {'&', Op::And}, {'|', Op::Or}};
    for (const auto& [ch, op] : kOps)
        if (ch == c) return op;
    return Op::Add;
}

}  // namespace

uint32_t Lowerer::lower(int element, const equations::Expr& e, int node, Phase phase,
                        std::vector<Instr>& prog) {
    Site at{element, e, phase, prog, {}};
    return expr(at, node);
}

void Lowerer::error(int element, const char* code, const std::string& message, int pos) {
    m_report.addOnce(problemAt(m_model.symbols, m_model.element(element), code, message, pos));
}

uint32_t Lowerer::expr(Site& at, int node) {
    const Node& n = at.e.at(node);
    switch (n.kind) {
        case NodeKind::Number:
            return m_out.constant(n.value);
        case NodeKind::Name:
        case NodeKind::ElementRef:
            return name(at, node);
        case NodeKind::Unary: {
            const uint32_t a = expr(at, n.args[0]);
            if (n.op == '+') return a;
            return m_out.emit(at.prog, n.op == '-' ? Op::Neg : Op::Not, a);
        }
        case NodeKind::Binary: {
            const uint32_t a = expr(at, n.args[0]);
            const uint32_t b = expr(at, n.args[1]);
            return m_out.emit(at.prog, binaryOp(n.op), a, b);
        }
        case NodeKind::If:
            return conditional(at, n);
        case NodeKind::Call:
            return call(at, node);
        case NodeKind::SubStar:
        case NodeKind::SubRange:
        case NodeKind::DimPosition:
            error(at.element, diag::code::kBadSubscript,
                  "a subscript range, * or @n is only allowed inside [ ]", n.pos);
            return m_out.constant(0);
    }
    return m_out.constant(0);
}

uint32_t Lowerer::conditional(Site& at, const Node& n) {
    const uint32_t c = expr(at, n.args[0]);
    if (m_out.isConst(c)) return expr(at, n.args[m_out.constValue(c) != 0 ? 1 : 2]);
    const uint32_t a = expr(at, n.args[1]);
    const uint32_t b = expr(at, n.args[2]);
    return m_out.emit(at.prog, Op::Select, c, a, b);
}

uint32_t Lowerer::name(Site& at, int node) {
    const Node& n = at.e.at(node);
    // The run's constants, unless a variable takes the name.
    if (!n.subscripted && n.kind == NodeKind::Name &&
        m_model.symbols.findVar(n.name, m_model.element(at.element).scope) < 0) {
        if (n.name == "time") return CompiledModel::kTimeSlot;
        if (n.name == "dt" || n.name == "time_step") return CompiledModel::kDtSlot;
        if (n.name == "starttime" || n.name == "initial_time") return CompiledModel::kStartSlot;
        if (n.name == "stoptime" || n.name == "final_time") return CompiledModel::kStopSlot;
        if (n.name == "pi") return m_out.constant(M_PI);
        if (n.name == "inf") return m_out.constant(std::numeric_limits<double>::infinity());
        if (n.name == "true") return m_out.constant(1);
        if (n.name == "false") return m_out.constant(0);
        if (const int pos = dimensionValue(at, n.name); pos > 0) return m_out.constant(pos);
    }
    Problem problem;
    const std::vector<int> r = m_resolver.resolve(at.element, at.e, node, at.extra, &problem);
    if (problem.code) error(at.element, problem.code, problem.message, problem.pos);
    if (r.empty()) return m_out.constant(0);
    if (r.size() > 1) {
        error(at.element, diag::code::kBadSubscript,
              "'" + n.text +
                  "' is an array here, where one value is needed; give it a subscript or sum it with SUM(" +
                  n.text + "[*])",
              n.pos);
        return m_out.constant(0);
    }
    const Element& target = m_model.element(r[0]);
    if (target.expr.empty() && target.table >= 0 && target.kind != ElementKind::Stock) {
        error(at.element, diag::code::kBadArgument,
              "'" + n.text + "' is a graphical function: call it with an input, as " + n.text + "(x)", n.pos);
        return m_out.constant(0);
    }
    return slotOf(r[0]);
}

}  // namespace sdw::compile::detail
