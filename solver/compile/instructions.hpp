// What each instruction of a compiled program reads, by op: the one place that knows which operands are
// slots and which are list offsets, table or site numbers. Used by fusion, and by any pass or back end that
// rewrites or compiles the program. Layer: solver. Depends on compiled_model.hpp only.
#pragma once

#include <cstdint>
#include <vector>

#include "solver/compile/compiled_model.hpp"

namespace sdw::compile {

// Calls read(slot) for every slot `in` reads; `lists` and `randoms` are the program's operand lists and
// random sites (CompiledModel::m_lists and m_randoms).
template <typename F>
void forEachRead(const Instr& in, const std::vector<uint32_t>& lists, const std::vector<RandomSite>& randoms,
                 F read) {
    auto list = [&](uint32_t from, uint32_t n) {
        for (uint32_t k = 0; k < n && from + k < lists.size(); ++k) read(lists[from + k]);
    };
    switch (in.op) {
        case Op::Lookup:
            read(in.a);
            break;
        case Op::PulseTrain:
            list(in.a, 4);
            break;
        case Op::Random:
            read(in.b);
            if (in.a < randoms.size())
                for (uint32_t s : randoms[in.a].args) read(s);
            break;
        case Op::Override:
            read(in.a);
            read(in.dst);
            break;
        case Op::Sum:
        case Op::Prod:
        case Op::MinN:
        case Op::MaxN:
        case Op::Mean:
        case Op::Stddev:
        case Op::ArrayFn:
            list(in.a, in.c);
            break;
        default:  // every other op reads a, b and c as slots (unused operands are 0, the dt slot: harmless)
            read(in.a);
            read(in.b);
            read(in.c);
            break;
    }
}

}  // namespace sdw::compile
