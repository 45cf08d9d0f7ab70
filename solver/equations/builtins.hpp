// The table of built-in functions the equation language knows: XMILE's required set, Stella's extras
// (SAFEDIV, one-argument PULSE) and the Vensim forms the .mdl reader emits. Layer: solver.
#pragma once

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
};

struct BuiltinInfo {
    const char* name;  // canonical
    BuiltinKind kind;
    int minArgs;
    int maxArgs;  // -1 = any
};

// Null when `canonical` names no built-in.
const BuiltinInfo* findBuiltin(const std::string& canonical);

}  // namespace sdw::equations
