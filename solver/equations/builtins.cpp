// Built-in function table. Argument counts follow the XMILE 1.0 standard (section 3.5) and Stella/Vensim.
// Layer: solver.
#include "solver/equations/builtins.hpp"

#include <array>

namespace sdw::equations {
namespace {

constexpr std::array kBuiltins = {
    BuiltinInfo{"abs", BuiltinKind::Math1, 1, 1, UnitRule::First},
    BuiltinInfo{"arccos", BuiltinKind::Math1, 1, 1, UnitRule::Dimensionless},
    BuiltinInfo{"arcsin", BuiltinKind::Math1, 1, 1, UnitRule::Dimensionless},
    BuiltinInfo{"arctan", BuiltinKind::Math1, 1, 1, UnitRule::Dimensionless},
    BuiltinInfo{"cos", BuiltinKind::Math1, 1, 1, UnitRule::Dimensionless},
    BuiltinInfo{"exp", BuiltinKind::Math1, 1, 1, UnitRule::Dimensionless},
    BuiltinInfo{"int", BuiltinKind::Math1, 1, 1, UnitRule::First},
    BuiltinInfo{"integer", BuiltinKind::Math1, 1, 1, UnitRule::First},
    BuiltinInfo{"ln", BuiltinKind::Math1, 1, 1, UnitRule::Dimensionless},
    BuiltinInfo{"log10", BuiltinKind::Math1, 1, 1, UnitRule::Dimensionless},
    BuiltinInfo{"sin", BuiltinKind::Math1, 1, 1, UnitRule::Dimensionless},
    BuiltinInfo{"sqrt", BuiltinKind::Math1, 1, 1, UnitRule::Root},
    BuiltinInfo{"tan", BuiltinKind::Math1, 1, 1, UnitRule::Dimensionless},
    BuiltinInfo{"sign", BuiltinKind::Math1, 1, 1},
    BuiltinInfo{"round", BuiltinKind::Math1, 1, 1, UnitRule::First},
    BuiltinInfo{"sinh", BuiltinKind::Math1, 1, 1, UnitRule::Dimensionless},
    BuiltinInfo{"cosh", BuiltinKind::Math1, 1, 1, UnitRule::Dimensionless},
    BuiltinInfo{"tanh", BuiltinKind::Math1, 1, 1, UnitRule::Dimensionless},
    BuiltinInfo{"log", BuiltinKind::Math2, 2, 2},
    BuiltinInfo{"mod", BuiltinKind::Math2, 2, 2},
    BuiltinInfo{"modulo", BuiltinKind::Math2, 2, 2},
    BuiltinInfo{"power", BuiltinKind::Math2, 2, 2},
    BuiltinInfo{"quantum", BuiltinKind::Math2, 2, 2, UnitRule::First},
    BuiltinInfo{"pi", BuiltinKind::Constant, 0, 0},
    BuiltinInfo{"inf", BuiltinKind::Constant, 0, 0},
    BuiltinInfo{"time", BuiltinKind::Constant, 0, 0},
    BuiltinInfo{"dt", BuiltinKind::Constant, 0, 0},
    BuiltinInfo{"starttime", BuiltinKind::Constant, 0, 0},
    BuiltinInfo{"stoptime", BuiltinKind::Constant, 0, 0},
    BuiltinInfo{"min", BuiltinKind::MinMax, 1, -1, UnitRule::Agree},
    BuiltinInfo{"max", BuiltinKind::MinMax, 1, -1, UnitRule::Agree},
    BuiltinInfo{"sum", BuiltinKind::Reduce, 1, 1, UnitRule::First},
    BuiltinInfo{"mean", BuiltinKind::Reduce, 1, -1, UnitRule::First},
    BuiltinInfo{"prod", BuiltinKind::Reduce, 1, 1},
    BuiltinInfo{"stddev", BuiltinKind::Reduce, 1, 1, UnitRule::First},
    BuiltinInfo{"size", BuiltinKind::Reduce, 1, 1, UnitRule::Dimensionless},
    BuiltinInfo{"xidz", BuiltinKind::Conditional, 3, 3, UnitRule::Ratio},
    BuiltinInfo{"zidz", BuiltinKind::Conditional, 2, 2, UnitRule::Ratio},
    BuiltinInfo{"safediv", BuiltinKind::Conditional, 2, 3, UnitRule::Ratio},
    BuiltinInfo{"if_then_else", BuiltinKind::Conditional, 3, 3},
    BuiltinInfo{"step", BuiltinKind::TimeFn, 2, 2, UnitRule::First},
    BuiltinInfo{"pulse", BuiltinKind::TimeFn, 1, 3, UnitRule::PerTime},
    BuiltinInfo{"ramp", BuiltinKind::TimeFn, 2, 3, UnitRule::TimesTime},
    BuiltinInfo{"pulse_width", BuiltinKind::TimeFn, 2, 2, UnitRule::Dimensionless},
    BuiltinInfo{"pulse_train", BuiltinKind::TimeFn, 4, 4, UnitRule::Dimensionless},
    // After the seed, an optional min and max truncate the distribution (Vensim's RANDOM functions).
    BuiltinInfo{"random", BuiltinKind::Random, 2, 3, UnitRule::First},
    BuiltinInfo{"normal", BuiltinKind::Random, 2, 5, UnitRule::First},
    BuiltinInfo{"lognormal", BuiltinKind::Random, 2, 5, UnitRule::First},
    BuiltinInfo{"exprnd", BuiltinKind::Random, 1, 4, UnitRule::First},
    BuiltinInfo{"poisson", BuiltinKind::Random, 1, 4, UnitRule::First},
    BuiltinInfo{"triangular", BuiltinKind::Random, 3, 6},
    BuiltinInfo{"smth1", BuiltinKind::Stateful, 2, 3, UnitRule::First},
    BuiltinInfo{"smth3", BuiltinKind::Stateful, 2, 3, UnitRule::First},
    BuiltinInfo{"smthn", BuiltinKind::Stateful, 3, 4, UnitRule::First},
    BuiltinInfo{"delay1", BuiltinKind::Stateful, 2, 3, UnitRule::First},
    BuiltinInfo{"delay3", BuiltinKind::Stateful, 2, 3, UnitRule::First},
    BuiltinInfo{"delayn", BuiltinKind::Stateful, 3, 4, UnitRule::First},
    // Vensim's DELAY N(input, delay time, initial value, order): its own argument order, and its output reads
    // the delay time of the previous step (see compile/expand_stateful.cpp).
    BuiltinInfo{"delay_n", BuiltinKind::Stateful, 4, 4, UnitRule::First},
    // Vensim's SMOOTH N(input, smoothing time, initial value, order): its order falls to fit TIME STEP.
    BuiltinInfo{"smooth_n", BuiltinKind::Stateful, 4, 4, UnitRule::First},
    BuiltinInfo{"delay", BuiltinKind::Stateful, 2, 3, UnitRule::First},
    BuiltinInfo{"trend", BuiltinKind::Stateful, 2, 3, UnitRule::Rate},
    BuiltinInfo{"forcst", BuiltinKind::Stateful, 3, 4, UnitRule::First},
    BuiltinInfo{"previous", BuiltinKind::Stateful, 1, 2, UnitRule::First},
    BuiltinInfo{"sample_if_true", BuiltinKind::Stateful, 3, 3, UnitRule::Second},
    BuiltinInfo{"init", BuiltinKind::Init, 1, 1, UnitRule::First},
    BuiltinInfo{"active_initial", BuiltinKind::Init, 2, 2, UnitRule::First},
    BuiltinInfo{"lookup", BuiltinKind::Lookup, 2, 2},
    BuiltinInfo{"lookup_extrapolate", BuiltinKind::Lookup, 2, 2},  // Vensim's: straight on past the ends
    BuiltinInfo{"lookup_forward", BuiltinKind::Lookup, 2, 2},      // the next point's y, in steps
    BuiltinInfo{"lookup_backward", BuiltinKind::Lookup, 2, 2},     // the last point's y at or below x
    BuiltinInfo{"vector_select", BuiltinKind::ArrayFn, 5, 5},
    BuiltinInfo{"vector_elm_map", BuiltinKind::ArrayFn, 2, 2, UnitRule::First},
    BuiltinInfo{"vector_sort_order", BuiltinKind::ArrayFn, 2, 2, UnitRule::Dimensionless},
    BuiltinInfo{"vector_rank", BuiltinKind::ArrayFn, 2, 2, UnitRule::Dimensionless},
    BuiltinInfo{"vector_reorder", BuiltinKind::ArrayFn, 2, 2, UnitRule::First},
    BuiltinInfo{"allocate_available", BuiltinKind::ArrayFn, 3, 3, UnitRule::First},
    BuiltinInfo{"allocate_by_priority", BuiltinKind::ArrayFn, 5, 5, UnitRule::First},
    BuiltinInfo{"invert_matrix", BuiltinKind::ArrayFn, 2, 2},
};

}  // namespace

const BuiltinInfo* findBuiltin(const std::string& canonical) {
    for (const auto& b : kBuiltins)
        if (canonical == b.name) return &b;
    return nullptr;
}

std::span<const BuiltinInfo> allBuiltins() {
    return kBuiltins;
}

}  // namespace sdw::equations
