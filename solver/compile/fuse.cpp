// Peephole fusion of arithmetic: `t = a op1 b; d = t op2 c` becomes one instruction when t is a temporary
// read nowhere else. An expression such as S*I/N*c then costs two dispatches instead of three, and the value
// no longer makes a round trip through memory between the two steps. Layer: solver.
#include "solver/compile/fuse.hpp"

#include <optional>

#include "solver/compile/instructions.hpp"

namespace sdw::compile::detail {

namespace {

std::optional<int> arithIndex(Op op) {
    switch (op) {
        case Op::Add:
            return 0;
        case Op::Sub:
            return 1;
        case Op::Mul:
            return 2;
        case Op::Div:
            return 3;
        default:
            return std::nullopt;
    }
}

// The fused op for (a op1 b) op2 c, or with `reversed` for c op2 (a op1 b); Add and Mul commute exactly in
// IEEE arithmetic, so a reversed Add or Mul is the plain form.
std::optional<Op> fusedOp(Op op1, Op op2, bool reversed) {
    const auto i1 = arithIndex(op1), i2 = arithIndex(op2);
    if (!i1 || !i2) return std::nullopt;
    static const Op plain[4][4] = {
        {Op::AddAdd, Op::AddSub, Op::AddMul, Op::AddDiv},
        {Op::SubAdd, Op::SubSub, Op::SubMul, Op::SubDiv},
        {Op::MulAdd, Op::MulSub, Op::MulMul, Op::MulDiv},
        {Op::DivAdd, Op::DivSub, Op::DivMul, Op::DivDiv},
    };
    static const Op rsub[4] = {Op::AddRSub, Op::SubRSub, Op::MulRSub, Op::DivRSub};
    static const Op rdiv[4] = {Op::AddRDiv, Op::SubRDiv, Op::MulRDiv, Op::DivRDiv};
    if (!reversed || op2 == Op::Add || op2 == Op::Mul) return plain[*i1][*i2];
    return op2 == Op::Sub ? rsub[*i1] : rdiv[*i1];
}

}  // namespace

size_t fuseArithmetic(Program& program) {
    const uint32_t firstTemp = program.firstTemp;
    const std::vector<bool>& pinned = program.pinned;
    const std::vector<std::vector<Instr>*> programs = {&program.init, &program.flow, &program.deriv};
    std::vector<uint32_t> reads(program.slotCount + 1, 0);
    auto count = [&](uint32_t slot) {
        if (slot >= reads.size()) reads.resize(slot + 1, 0);
        ++reads[slot];
    };
    for (const auto* prog : programs)
        for (const Instr& in : *prog) forEachRead(in, program.lists, program.randoms, count);
    for (const auto& site : program.states) {
        count(site.inputSlot);
        count(site.initSlot);
        count(site.delaySlot);
    }
    auto fusable = [&](uint32_t t) {
        return t >= firstTemp && t < reads.size() && reads[t] == 1 && !(t < pinned.size() && pinned[t]);
    };

    size_t fused = 0;
    for (auto* prog : programs) {
        std::vector<Instr> out;
        out.reserve(prog->size());
        for (size_t i = 0; i < prog->size(); ++i) {
            const Instr& first = (*prog)[i];
            if (i + 1 < prog->size() && fusable(first.dst)) {
                const Instr& second = (*prog)[i + 1];
                const bool asLeft = second.a == first.dst && second.b != first.dst;
                const bool asRight = second.b == first.dst && second.a != first.dst;
                std::optional<Op> op;
                if (asLeft || asRight) op = fusedOp(first.op, second.op, asRight);
                if (op) {
                    out.push_back(
                        Instr{*op, Fn::Abs, second.dst, first.a, first.b, asLeft ? second.b : second.a});
                    ++fused;
                    ++i;
                    continue;
                }
            }
            out.push_back(first);
        }
        *prog = std::move(out);
    }
    return fused;
}

}  // namespace sdw::compile::detail
