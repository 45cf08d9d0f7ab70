// The compiled form of a model: a flat instruction array over numbered slots, evaluated without string
// look-ups, allocation or virtual calls. Built by compileModel(); run by sim::simulate().
// Layer: solver. Depends on model/ and diag/ only.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "solver/diag/diagnostics.hpp"
#include "solver/model/model.hpp"

namespace sdw::compile {

// Two arithmetic steps in one instruction, for a temporary used once by the next step (fuse.cpp):
// X(name, op1, op2) is dst = (a op1 b) op2 c; R(name, op1, op2) is dst = c op2 (a op1 b). Each step rounds to
// double as the two instructions would, so results are identical; one store, load and dispatch fewer.
// clang-format off
#define SDW_FUSED_OPS(X, R)                                                                                  \
    X(AddAdd, +, +) X(AddSub, +, -) X(AddMul, +, *) X(AddDiv, +, /)                                          \
    X(SubAdd, -, +) X(SubSub, -, -) X(SubMul, -, *) X(SubDiv, -, /)                                          \
    X(MulAdd, *, +) X(MulSub, *, -) X(MulMul, *, *) X(MulDiv, *, /)                                          \
    X(DivAdd, /, +) X(DivSub, /, -) X(DivMul, /, *) X(DivDiv, /, /)                                          \
    R(AddRSub, +, -) R(AddRDiv, +, /) R(SubRSub, -, -) R(SubRDiv, -, /)                                      \
    R(MulRSub, *, -) R(MulRDiv, *, /) R(DivRSub, /, -) R(DivRDiv, /, /)

enum class Op : uint8_t {
    Copy,     // dst = slot a
    Add, Sub, Mul, Div, Pow, Mod,  // dst = a op b
    Neg, Not,                      // dst = op a
    Lt, Le, Gt, Ge, Eq, Ne, And, Or,
    Select,   // dst = a != 0 ? b : c
#define SDW_FUSED_ENUM(name, o1, o2) name,
    SDW_FUSED_OPS(SDW_FUSED_ENUM, SDW_FUSED_ENUM)
#undef SDW_FUSED_ENUM
    Fn1,      // dst = fn(a)       (fn = Fn code)
    Fn2,      // dst = fn(a, b)
    Fn3,      // dst = fn(a, b, c)
    Lookup,   // dst = table[b](slot a)
    Step,     // dst = holdTime >= b ? a : 0
    Pulse,    // dst = magnitude a at first b, repeating every c (0 = once); worth a/DT for one DT
    Ramp,     // dst = slope a from b until c (c = NaN: no end)
    PulseTrain,  // Vensim PULSE TRAIN / PULSE: operands start, width, interval, end at m_lists[a..a+4)
    Random,   // dst = the draw of random site a, kept in slot b; drawn once per step, held in RK sub-steps
    ClampNonNeg, // dst = max(0, a)
    ClampOutflow,  // dst = min(a, max(0, b)) : b is the room left in the source stock for this DT
    Override,      // if slot a is not NaN, dst = slot a (a value a step hook set on a hookWritable variable)
    Sum,      // dst = sum of the c slots listed from m_lists[a]
    Prod, MinN, MaxN, Mean, Stddev,
    ArrayFn,  // dst = Vensim array function fn over the c slots listed from m_lists[a] (array_functions.hpp)
};

enum class Fn : uint8_t {
    Abs, Exp, Ln, Log10, Sqrt, Sin, Cos, Tan, Asin, Acos, Atan, Int, Sign, Round,  // one argument
    Sinh, Cosh, Tanh, Trunc,                                                      // one (Trunc: INTEGER)
    Min2, Max2, Zidz, SafeDiv2, LogN, Quantum, Modulo,                           // two (Modulo: MODULO)
    Xidz,                                                                         // three
    VectorSelect, VectorElmMap, VectorSortOrder, VectorRank,                      // ArrayFn
    AllocateAvailable, AllocateByPriority, InvertMatrix, VectorReorder,
};
// clang-format on

struct Instr {
    Op op;
    Fn fn;
    uint32_t dst;
    uint32_t a, b, c;
};

struct LookupTable {
    std::vector<double> xs, ys;
    model::GraphicalFunction::Kind kind = model::GraphicalFunction::Kind::Continuous;
};

// A random-number site: distribution and argument slots; the value is drawn once per step.
struct RandomSite {
    enum class Dist { Uniform, Normal, LogNormal, Exponential, Poisson, Triangular };
    Dist dist = Dist::Uniform;
    std::vector<uint32_t> args;  // slots of the arguments
    uint32_t valueSlot = 0;      // where the held draw lives
};

// A pipeline delay (XMILE DELAY, Vensim DELAY FIXED) or a PREVIOUS: updated at step boundaries only.
struct StateSite {
    enum class Kind { Pipeline, Previous };
    Kind kind = Kind::Pipeline;
    uint32_t inputSlot = 0;  // the value recorded each step
    uint32_t delaySlot = 0;  // delay time (pipeline), evaluated at the start of the run
    uint32_t initSlot = 0;   // value before the first input arrives
    uint32_t outSlot = 0;    // state slot read by ReadState
};

// A user-visible column of results: a scalar variable or one element of an arrayed one.
struct Column {
    std::string name;       // as written, with [elem] for array elements
    std::string canonical;  // canonical name (with [elem])
    model::VarKind kind = model::VarKind::Aux;
    std::string units;
    uint32_t slot = 0;
    bool isConstant = false;  // a literal number: can be changed per run without recompiling
};

struct CompileOptions {
    // Replace a variable's equation (by any spelling of its name) before compiling.
    std::map<std::string, std::string> equationOverrides;
    // Variables that step hooks may set at step boundaries (besides constants and stocks, always settable).
    std::vector<std::string> hookWritable;
    bool checkUnits = true;
    // Size guard: array elements plus the internal variables that delays, smooths, macros and modules add.
    // A model past it gets E214 naming the variable, not gigabytes of memory (a dimension of 10^9, macros or
    // modules that multiply). Compiling costs about 4 KB per value (measured: 500,000 elements of a
    // ten-term equation took 2 GB and 8 s), so the default keeps a hostile file under about 1 GB; the
    // largest models we know have tens of thousands.
    size_t maxElements = 200'000;
};

class CompiledModel {
  public:
    // --- what callers use ---
    model::SimSpecs specs;
    std::vector<Column> columns;  // Time first, then every visible variable
    std::string modelName;

    // Slot of a variable or element by any spelling ("Birth Rate", "pop[a]"), or -1.
    int findSlot(const std::string& name) const;
    // Column index (into columns) by any spelling, or -1.
    int findColumn(const std::string& name) const;
    // The column name nearest to a misspelt one ("" when none is near), for "did you mean" hints.
    std::string nearestColumn(const std::string& name) const;
    // Empty when `name` is a column, else "no variable named 'x'" with the nearest name, if any.
    std::string unknownColumn(const std::string& name) const;
    size_t slotCount() const { return m_slotCount; }
    size_t stockCount() const { return m_stockSlots.size(); }

    // --- the program (read by sim/) ---
    size_t m_slotCount = 0;
    std::vector<double> m_initialSlots;  // slot values before initialisation (constants filled in)
    std::vector<Instr> m_initProgram;    // computes every slot at the start time, stocks included
    std::vector<Instr> m_flowProgram;    // computes aux and flows from stocks at a time
    std::vector<Instr> m_derivProgram;   // computes net flow of each stock into m_derivSlots
    std::vector<Instr> m_stepProgram;    // m_flowProgram then m_derivProgram: what each evaluation runs
    std::vector<uint32_t> m_lists;       // operand lists for Sum/Prod/...
    std::vector<uint32_t> m_stockSlots;  // stock value slots, in state order
    std::vector<uint32_t> m_derivSlots;  // matching derivative slots
    std::vector<LookupTable> m_tables;
    std::vector<RandomSite> m_randoms;
    std::vector<StateSite> m_states;
    std::vector<uint32_t> m_checkSlots;            // slots checked for NaN/inf each step (visible variables)
    std::vector<std::string> m_slotNames;          // for messages
    std::map<std::string, uint32_t> m_slotByName;  // canonical name -> slot
    // hookWritable variable slot -> its override slot (NaN = off)
    std::map<uint32_t, uint32_t> m_overrideSlot;
    std::vector<bool> m_isStockSlot;     // by slot
    std::vector<bool> m_isConstantSlot;  // by slot: a literal constant a run or a hook may change

    static constexpr uint32_t kDtSlot = 0;
    static constexpr uint32_t kStartSlot = 1;
    static constexpr uint32_t kStopSlot = 2;
    // time at the start of the current step (RK sub-steps hold it)
    static constexpr uint32_t kHoldTimeSlot = 3;
    static constexpr uint32_t kTimeSlot = 4;  // just before the visible variables: a saved row is one copy
    static constexpr uint32_t kFirstFreeSlot = 5;
};

// Compile a project's main model. Returns null when there are errors (all of them in diags).
std::shared_ptr<const CompiledModel> compileModel(const model::Project& project, diag::Diagnostics& diags,
                                                  const CompileOptions& options = {});

}  // namespace sdw::compile
