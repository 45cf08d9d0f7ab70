// Loop-invariant instructions of the per-step program (see invariants.hpp). Layer: solver (jit internals).
#include "solver/jit/invariants.hpp"

#include "solver/compile/instructions.hpp"

namespace sdw::jit::detail {
namespace {

using compile::CompiledModel;
using compile::Instr;
using compile::Op;

// Operations whose value depends on their operands only: no time, no draw, no condition on the write.
bool pure(Op op) {
    switch (op) {
        case Op::Step:
        case Op::Pulse:
        case Op::Ramp:
        case Op::PulseTrain:
        case Op::Random:
        case Op::Override:
        case Op::ArrayFn:
            return false;
        default:
            return true;
    }
}

}  // namespace

std::vector<bool> loopInvariant(const CompiledModel& cm) {
    const auto& program = cm.m_stepProgram;
    std::vector<unsigned> writes(cm.m_slotCount, 0);
    std::vector<bool> moving(cm.m_slotCount, false);  // written by the loop: not an invariant input
    for (const Instr& in : program) {
        ++writes[in.dst];
        moving[in.dst] = true;
        if (in.op == Op::Random && in.b < moving.size()) moving[in.b] = true;
    }
    for (uint32_t s : cm.m_stockSlots) moving[s] = true;
    moving[CompiledModel::kTimeSlot] = moving[CompiledModel::kHoldTimeSlot] = true;
    std::vector<bool> out(program.size(), false), readYet(cm.m_slotCount, false),
        hoisted(cm.m_slotCount, false);
    for (size_t i = 0; i < program.size(); ++i) {
        const Instr& in = program[i];
        bool ok = pure(in.op) && writes[in.dst] == 1 && !readYet[in.dst] && !cm.m_isStockSlot[in.dst];
        compile::forEachRead(in, cm.m_lists, cm.m_randoms, [&](uint32_t s) {
            ok = ok && s < moving.size() && (!moving[s] || hoisted[s]);
            if (s < readYet.size()) readYet[s] = true;
        });
        out[i] = ok;
        hoisted[in.dst] = ok;
    }
    return out;
}

}  // namespace sdw::jit::detail
