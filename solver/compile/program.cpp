// The program builder: constant pool, temporaries, operand lists and constant folding. Layer: solver.
#include "solver/compile/program.hpp"

#include <cmath>

namespace sdw::compile::detail {
namespace {

bool pureFold(Op op, double a, double b, double& out) {
    switch (op) {
        case Op::Add:
            out = a + b;
            return true;
        case Op::Sub:
            out = a - b;
            return true;
        case Op::Mul:
            out = a * b;
            return true;
        case Op::Div:
            out = a / b;
            return true;
        case Op::Pow:
            out = std::pow(a, b);
            return true;
        case Op::Neg:
            out = -a;
            return true;
        default:
            return false;
    }
}

}  // namespace

uint32_t ProgramBuilder::constant(double v) {
    auto it = m_constSlots.find(v);
    if (it != m_constSlots.end() && !std::isnan(v)) return it->second;
    const uint32_t s = m_next++;
    if (m_program.constValue.size() <= s) {
        m_program.constValue.resize(s + 1, 0);
        m_program.isConst.resize(s + 1, false);
    }
    m_program.constValue[s] = v;
    m_program.isConst[s] = true;
    if (!std::isnan(v)) m_constSlots[v] = s;
    return s;
}

uint32_t ProgramBuilder::emit(std::vector<Instr>& prog, Op op, uint32_t a, uint32_t b, uint32_t c, Fn fn) {
    double folded = 0;
    if (isConst(a) && (op == Op::Neg || isConst(b)) &&
        pureFold(op, constValue(a), op == Op::Neg ? 0.0 : constValue(b), folded))
        return constant(folded);
    const uint32_t dst = temp();
    prog.push_back(Instr{op, fn, dst, a, b, c});
    return dst;
}

uint32_t ProgramBuilder::list(const std::vector<uint32_t>& slots) {
    const uint32_t offset = static_cast<uint32_t>(m_program.lists.size());
    m_program.lists.insert(m_program.lists.end(), slots.begin(), slots.end());
    return offset;
}

void ProgramBuilder::pin(uint32_t slot) {
    if (m_program.pinned.size() <= slot) m_program.pinned.resize(slot + 1, false);
    m_program.pinned[slot] = true;
}

Program ProgramBuilder::finish() {
    m_program.slotCount = m_next;
    return std::move(m_program);
}

}  // namespace sdw::compile::detail
