// Comparing the compiled engine with the interpreter, run by run, to the last bit: shared by the libtcc and
// the system-compiler tests. Tests only.
#pragma once

#include <catch2/catch.hpp>
#include <cmath>
#include <cstring>
#include <string>

#include "solver/jit/cc_build.hpp"
#include "tests/solver/conformance_util.hpp"

// Tests of the system-compiler path return early, saying so, on a machine without a C compiler.
#define SDW_NEEDS_CC()                                                                    \
    do {                                                                                  \
        if (sdw::jit::detail::systemCompiler().empty()) {                                 \
            WARN("SKIPPED: no C compiler (cc or gcc) on PATH, so this test did not run"); \
            return;                                                                       \
        }                                                                                 \
    } while (0)

namespace sdw::test {

// A hook that does nothing: forces the native evaluation (not the loop), as a plugin would.
struct IdleHooks : sim::StepHooks {
    bool onStart(sim::StepContext&, std::string&) override { return true; }
    bool onStep(sim::StepContext&, std::string&) override { return true; }
};

// Same bits, or both NaN.
inline bool sameBits(double a, double b) {
    return std::memcmp(&a, &b, sizeof a) == 0 || (std::isnan(a) && std::isnan(b));
}

// The interpreter's run of `cm` (which must succeed): the reference a native run is compared with.
inline sim::RunResult interpreterReference(const compile::CompiledModel& cm) {
    sim::RunSpec spec;
    spec.engine = sim::Engine::Interpreter;
    sim::RunResult r = sim::simulate(cm, spec);
    REQUIRE(r.ok());
    return r;
}

// Runs `spec` with each engine forced; returns "" when the results agree, else what differs.
inline std::string compareEngines(const compile::CompiledModel& cm, sim::RunSpec spec,
                                  sim::StepHooks* hooks) {
    spec.engine = sim::Engine::Interpreter;
    const sim::RunResult a = sim::simulate(cm, spec, hooks);
    spec.engine = sim::Engine::Compiled;
    const sim::RunResult b = sim::simulate(cm, spec, hooks);
    if (a.engine != sim::Engine::Interpreter || b.engine != sim::Engine::Compiled)
        return "the engine asked for did not run: " + test::formatAll(b.diagnostics);
    if (a.status != b.status)
        return "status differs: " + test::formatAll(a.diagnostics) + " vs " + test::formatAll(b.diagnostics);
    if (a.names != b.names || a.data.size() != b.data.size()) return "shape differs";
    for (size_t i = 0; i < a.data.size(); ++i)
        if (!sameBits(a.data[i], b.data[i]))
            return "row " + std::to_string(i / a.cols()) + " column " + a.names[i % a.cols()] + ": " +
                   std::to_string(a.data[i]) + " vs " + std::to_string(b.data[i]);
    if (a.diagnostics.items().size() != b.diagnostics.items().size()) return "diagnostics differ";
    for (size_t i = 0; i < a.diagnostics.items().size(); ++i) {
        const auto &x = a.diagnostics.items()[i], &y = b.diagnostics.items()[i];
        if (x.code != y.code || x.where != y.where || x.time != y.time)
            return "diagnostic differs: " + diag::format(x) + " vs " + diag::format(y);
    }
    return "";
}

// Each way a run can go through native code: the model's own method (Euler: the loop), RK4 and the adaptive
// method (the evaluation), Euler under a hook (the evaluation), and the loop keeping two columns only.
inline void checkEveryPath(const compile::CompiledModel& cm, const std::string& label) {
    IdleHooks hooks;
    sim::RunSpec spec;
    INFO(label);
    CHECK(compareEngines(cm, spec, nullptr) == "");
    spec.method = sim::Method::Euler;
    CHECK(compareEngines(cm, spec, &hooks) == "");
    spec.method = sim::Method::RungeKutta4;
    CHECK(compareEngines(cm, spec, nullptr) == "");
    spec.method = sim::Method::DormandPrince;
    CHECK(compareEngines(cm, spec, nullptr) == "");
    if (cm.columns.size() > 3) {
        spec = {};
        spec.method = sim::Method::Euler;
        spec.vars = {cm.columns.back().name, cm.columns[1].name};
        CHECK(compareEngines(cm, spec, nullptr) == "");
    }
}

// A compiled run of `spec` that must stop on a non-finite value: its first diagnostic (E-code and time).
inline diag::Diagnostic compiledStopsOnNonFinite(const compile::CompiledModel& cm, sim::RunSpec spec) {
    spec.engine = sim::Engine::Compiled;
    const sim::RunResult r = sim::simulate(cm, spec);
    CHECK(r.status == sim::RunStatus::Failed);
    REQUIRE_FALSE(r.diagnostics.items().empty());
    CHECK(r.diagnostics.items().front().code == diag::code::kNonFinite);
    return r.diagnostics.items().front();
}

}  // namespace sdw::test
