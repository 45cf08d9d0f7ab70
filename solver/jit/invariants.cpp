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
    for (const auto& site : cm.m_states) moving[site.outSlot] = true;  // a PREVIOUS: set at each step's end
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

std::vector<bool> savedOnly(const CompiledModel& cm, const std::vector<bool>& once) {
    const auto& program = cm.m_stepProgram;
    const size_t none = program.size();
    std::vector<bool> needed(cm.m_slotCount, false);  // read every step by something other than the program
    const auto need = [&](uint32_t s) {
        if (s < needed.size()) needed[s] = true;
    };
    for (uint32_t s : cm.m_stockSlots) need(s);
    for (uint32_t s : cm.m_derivSlots) need(s);
    for (uint32_t s : cm.m_checkSlots) need(s);
    for (const auto& site : cm.m_states) need(site.inputSlot), need(site.outSlot);
    for (const auto& site : cm.m_randoms) need(site.valueSlot);
    for (const Instr& in : cm.m_derivProgram) {
        need(in.dst);
        compile::forEachRead(in, cm.m_lists, cm.m_randoms, need);
    }
    need(CompiledModel::kTimeSlot);
    need(CompiledModel::kHoldTimeSlot);
    std::vector<unsigned> writes(cm.m_slotCount, 0);
    std::vector<size_t> writer(cm.m_slotCount, none);
    for (size_t i = 0; i < program.size(); ++i) {
        const Instr& in = program[i];
        ++writes[in.dst];
        writer[in.dst] = i;
        if (in.op == Op::Random && in.b < writes.size()) ++writes[in.b], need(in.b);
    }
    std::vector<bool> out(program.size(), false);
    for (size_t i = 0; i < program.size(); ++i) {
        const Instr& in = program[i];
        bool ok =
            !once[i] && pure(in.op) && writes[in.dst] == 1 && !needed[in.dst] && !cm.m_isStockSlot[in.dst];
        compile::forEachRead(in, cm.m_lists, cm.m_randoms, [&](uint32_t s) {
            ok = ok && s < writer.size() && (writer[s] == none || writer[s] < i);
        });
        out[i] = ok;
    }
    // An instruction computed every step that reads one of them: that one is computed every step too (and
    // then what it reads), until none does.
    for (bool changed = true; changed;) {
        changed = false;
        for (size_t i = program.size(); i-- > 0;) {
            if (out[i]) continue;
            compile::forEachRead(program[i], cm.m_lists, cm.m_randoms, [&](uint32_t s) {
                if (s < writer.size() && writer[s] != none && out[writer[s]]) {
                    out[writer[s]] = false;
                    changed = true;
                }
            });
        }
    }
    return out;
}

}  // namespace sdw::jit::detail
