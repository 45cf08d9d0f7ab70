// The program the program stage builds (instructions over slots, with constants, lists and sites), and the
// ProgramBuilder that allocates its slots and folds constants. Layer: solver (not public API).
#pragma once

#include <cstdint>
#include <map>
#include <vector>

#include "solver/compile/compiled_model.hpp"

namespace sdw::compile::detail {

struct Program {
    std::vector<Instr> init, flow, deriv;
    std::vector<uint32_t> lists;  // operand lists for Sum/Prod/... and PulseTrain
    std::vector<RandomSite> randoms;
    // Tables derived from the model's for one way of reading them (LOOKUP_EXTRAPOLATE, _FORWARD,
    // _BACKWARD), numbered after the model's own tables.
    std::vector<LookupTable> derivedTables;
    std::vector<StateSite> states;
    std::vector<uint32_t> stockSlots, derivSlots;  // in state order
    std::map<uint32_t, uint32_t> overrideSlot;     // hook-writable slot -> its override slot (NaN = off)
    std::vector<double> constValue;                // by slot, where isConst: literal constants of the program
    std::vector<bool> isConst;
    std::vector<bool> pinned;  // slots that keep their value across evaluations (INIT captures)
    uint32_t firstTemp = 0;    // the layout's end: constants and temporaries from here
    uint32_t slotCount = 0;    // every slot the program uses
};

class ProgramBuilder {
  public:
    explicit ProgramBuilder(uint32_t firstFree) : m_next(firstFree) { m_program.firstTemp = firstFree; }

    // A slot holding `v` (one per value; NaN always gets its own, as NaN never equals itself).
    uint32_t constant(double v);
    uint32_t temp() { return m_next++; }
    // dst = op(a, b, c) into a new temporary; arithmetic on two constants folds into a constant instead.
    uint32_t emit(std::vector<Instr>& prog, Op op, uint32_t a, uint32_t b = 0, uint32_t c = 0,
                  Fn fn = Fn::Abs);
    bool isConst(uint32_t s) const { return s < m_program.constValue.size() && m_program.isConst[s]; }
    double constValue(uint32_t s) const { return m_program.constValue[s]; }
    // The offset of `slots` appended to the operand lists.
    uint32_t list(const std::vector<uint32_t>& slots);
    void pin(uint32_t slot);
    bool pinned(uint32_t slot) const { return slot < m_program.pinned.size() && m_program.pinned[slot]; }
    Program& program() { return m_program; }
    // The finished program (every slot counted).
    Program finish();

  private:
    Program m_program;
    std::map<double, uint32_t> m_constSlots;
    uint32_t m_next;
};

}  // namespace sdw::compile::detail
