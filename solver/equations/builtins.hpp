// The table of built-in functions the equation language knows: XMILE's required set, Stella's extras
// (SAFEDIV, one-argument PULSE) and the Vensim forms the .mdl reader emits; a new built-in starts as a row
// here (see compile/lower.hpp for the rest). Layer: solver. Depends on the standard library only.
#pragma once

#include <span>
#include <string>

namespace sdw::equations {

enum class BuiltinKind {
    Math1,        // f(x)
    Math2,        // f(a, b)
    Constant,     // PI, INF, TIME, DT, STARTTIME, STOPTIME, called with ()
    MinMax,       // MIN/MAX: 2+ args scalar, 1 arg array reduction
    Reduce,       // SUM, MEAN, PROD, STDDEV, SIZE (arrays)
    Conditional,  // XIDZ, ZIDZ, SAFEDIV, IF_THEN_ELSE
    TimeFn,       // STEP, PULSE, RAMP, PULSE_WIDTH, PULSE_TRAIN (held across RK sub-steps)
    Random,       // RANDOM, NORMAL, LOGNORMAL, EXPRND, POISSON, TRIANGULAR
    Stateful,     // SMTH1/3/N, DELAY1/3/N, DELAY, TREND, FORCST, PREVIOUS, SAMPLE_IF_TRUE
    Init,         // INIT, ACTIVE_INITIAL
    Lookup,       // LOOKUP(table, x)
    ArrayFn,      // Vensim's VECTOR SELECT / ELM MAP / SORT ORDER / RANK, ALLOCATE ..., INVERT MATRIX
};

// How a call's units follow from its arguments' (the unit check, compile/units.cpp).
enum class UnitRule {
    Unknown,        // not checked
    First,          // the first argument's: ABS(x), SMTH1(x, t), SUM(x[*]), STEP(h, t)...
    Second,         // the second argument's: SAMPLE_IF_TRUE(cond, x, init)
    Agree,          // the first argument's, and the others must agree: MIN(a, b), MAX(a, b)
    Root,           // square root of the first argument's: SQRT
    Ratio,          // first / second: XIDZ, ZIDZ, SAFEDIV
    PerTime,        // first / time: PULSE
    TimesTime,      // first * time: RAMP
    Rate,           // 1 / time: TREND
    Dimensionless,  // EXP, LN, trigonometry, SIZE, PULSE_WIDTH, PULSE_TRAIN
};

struct BuiltinInfo {
    const char* name;  // canonical
    BuiltinKind kind;
    int minArgs;
    int maxArgs;  // -1 = any
    UnitRule units = UnitRule::Unknown;
};

// Null when `canonical` names no built-in.
const BuiltinInfo* findBuiltin(const std::string& canonical);
// Every built-in, in the table's order (the workbench's equation help lists them).
std::span<const BuiltinInfo> allBuiltins();

}  // namespace sdw::equations
