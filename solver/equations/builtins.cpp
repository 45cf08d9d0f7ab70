// Built-in function table. Argument counts follow the XMILE 1.0 standard (section 3.5) and Stella/Vensim.
// Layer: solver.
#include "solver/equations/builtins.hpp"

#include <array>

namespace sdw::equations {
namespace {

constexpr std::array kBuiltins = {
    BuiltinInfo{"abs", BuiltinKind::Math1, 1, 1},
    BuiltinInfo{"arccos", BuiltinKind::Math1, 1, 1},
    BuiltinInfo{"arcsin", BuiltinKind::Math1, 1, 1},
    BuiltinInfo{"arctan", BuiltinKind::Math1, 1, 1},
    BuiltinInfo{"cos", BuiltinKind::Math1, 1, 1},
    BuiltinInfo{"exp", BuiltinKind::Math1, 1, 1},
    BuiltinInfo{"int", BuiltinKind::Math1, 1, 1},
    BuiltinInfo{"integer", BuiltinKind::Math1, 1, 1},
    BuiltinInfo{"ln", BuiltinKind::Math1, 1, 1},
    BuiltinInfo{"log10", BuiltinKind::Math1, 1, 1},
    BuiltinInfo{"sin", BuiltinKind::Math1, 1, 1},
    BuiltinInfo{"sqrt", BuiltinKind::Math1, 1, 1},
    BuiltinInfo{"tan", BuiltinKind::Math1, 1, 1},
    BuiltinInfo{"sign", BuiltinKind::Math1, 1, 1},
    BuiltinInfo{"round", BuiltinKind::Math1, 1, 1},
    BuiltinInfo{"log", BuiltinKind::Math2, 2, 2},
    BuiltinInfo{"mod", BuiltinKind::Math2, 2, 2},
    BuiltinInfo{"modulo", BuiltinKind::Math2, 2, 2},
    BuiltinInfo{"power", BuiltinKind::Math2, 2, 2},
    BuiltinInfo{"pi", BuiltinKind::Constant, 0, 0},
    BuiltinInfo{"inf", BuiltinKind::Constant, 0, 0},
    BuiltinInfo{"time", BuiltinKind::Constant, 0, 0},
    BuiltinInfo{"dt", BuiltinKind::Constant, 0, 0},
    BuiltinInfo{"starttime", BuiltinKind::Constant, 0, 0},
    BuiltinInfo{"stoptime", BuiltinKind::Constant, 0, 0},
    BuiltinInfo{"min", BuiltinKind::MinMax, 1, -1},
    BuiltinInfo{"max", BuiltinKind::MinMax, 1, -1},
    BuiltinInfo{"sum", BuiltinKind::Reduce, 1, 1},
    BuiltinInfo{"mean", BuiltinKind::Reduce, 1, -1},
    BuiltinInfo{"prod", BuiltinKind::Reduce, 1, 1},
    BuiltinInfo{"stddev", BuiltinKind::Reduce, 1, 1},
    BuiltinInfo{"size", BuiltinKind::Reduce, 1, 1},
    BuiltinInfo{"xidz", BuiltinKind::Conditional, 3, 3},
    BuiltinInfo{"zidz", BuiltinKind::Conditional, 2, 2},
    BuiltinInfo{"safediv", BuiltinKind::Conditional, 2, 3},
    BuiltinInfo{"if_then_else", BuiltinKind::Conditional, 3, 3},
    BuiltinInfo{"step", BuiltinKind::TimeFn, 2, 2},
    BuiltinInfo{"pulse", BuiltinKind::TimeFn, 1, 3},
    BuiltinInfo{"ramp", BuiltinKind::TimeFn, 2, 3},
    BuiltinInfo{"pulse_width", BuiltinKind::TimeFn, 2, 2},
    BuiltinInfo{"pulse_train", BuiltinKind::TimeFn, 4, 4},
    BuiltinInfo{"random", BuiltinKind::Random, 2, 3},
    BuiltinInfo{"normal", BuiltinKind::Random, 2, 3},
    BuiltinInfo{"lognormal", BuiltinKind::Random, 2, 3},
    BuiltinInfo{"exprnd", BuiltinKind::Random, 1, 2},
    BuiltinInfo{"poisson", BuiltinKind::Random, 1, 2},
    BuiltinInfo{"triangular", BuiltinKind::Random, 3, 4},
    BuiltinInfo{"smth1", BuiltinKind::Stateful, 2, 3},
    BuiltinInfo{"smth3", BuiltinKind::Stateful, 2, 3},
    BuiltinInfo{"smthn", BuiltinKind::Stateful, 3, 4},
    BuiltinInfo{"delay1", BuiltinKind::Stateful, 2, 3},
    BuiltinInfo{"delay3", BuiltinKind::Stateful, 2, 3},
    BuiltinInfo{"delayn", BuiltinKind::Stateful, 3, 4},
    BuiltinInfo{"delay", BuiltinKind::Stateful, 2, 3},
    BuiltinInfo{"trend", BuiltinKind::Stateful, 2, 3},
    BuiltinInfo{"forcst", BuiltinKind::Stateful, 3, 4},
    BuiltinInfo{"previous", BuiltinKind::Stateful, 1, 2},
    BuiltinInfo{"sample_if_true", BuiltinKind::Stateful, 3, 3},
    BuiltinInfo{"init", BuiltinKind::Init, 1, 1},
    BuiltinInfo{"active_initial", BuiltinKind::Init, 2, 2},
    BuiltinInfo{"lookup", BuiltinKind::Lookup, 2, 2},
};

}  // namespace

const BuiltinInfo* findBuiltin(const std::string& canonical) {
    for (const auto& b : kBuiltins)
        if (canonical == b.name) return &b;
    return nullptr;
}

}  // namespace sdw::equations
