// The compiled engine against the interpreter: every conformance model and every shipped model run by both,
// forced, with every method and through both native forms (the Euler loop writing rows, the evaluation the
// run loop calls), compared to the last bit; and the diagnostics and limits the compiled engine must keep.
// These use libtcc (SDW_CC=none); native_cc_test.cpp repeats the comparisons with the system C compiler.
#include <catch2/catch.hpp>
#include <cstdlib>
#include <cstring>
#include <filesystem>

#include "tests/solver/conformance_util.hpp"
#include "tests/solver/engine_compare.hpp"
#include "tests/solver/model_builder.hpp"
#include "tests/solver/scoped_env.hpp"

using namespace sdw;
namespace fs = std::filesystem;
using test::checkEveryPath;
using test::IdleHooks;

namespace {

std::vector<fs::path> shippedModels() {
    std::vector<fs::path> out;
    for (const auto& e : fs::recursive_directory_iterator(fs::path(SDW_SOURCE_DIR) / "models"))
        if (e.path().extension() == ".xmile") out.push_back(e.path());
    std::sort(out.begin(), out.end());
    return out;
}

void checkFile(const fs::path& path) {
    test::ScopedEnv tcc("SDW_CC", "none");
    diag::Diagnostics diags;
    auto project = io::loadModelFile(path.string(), diags);
    if (!project) return;  // the conformance test reports files that do not load
    auto cm = compile::compileModel(*project, diags);
    if (!cm) return;
    checkEveryPath(*cm, path.string());
}

}  // namespace

TEST_CASE("engine: compiled runs match the interpreter bit for bit on the conformance suite",
          "[engine][conformance]") {
    SDW_NEEDS_CONFORMANCE();
    size_t files = 0;
    for (const auto& e : fs::recursive_directory_iterator(test::conformanceRoot())) {
        const auto ext = e.path().extension().string();
        if (ext != ".xmile" && ext != ".stmx" && ext != ".mdl") continue;
        checkFile(e.path());
        ++files;
    }
    CHECK(files > 100);
}

TEST_CASE("engine: compiled runs match the interpreter bit for bit on the shipped models", "[engine]") {
    const auto models = shippedModels();
    REQUIRE(models.size() >= 5);
    for (const auto& path : models) checkFile(path);
}

TEST_CASE("engine: every operation of the program runs the same compiled", "[engine]") {
    test::Builder b(0, 20, 0.25);
    b.stock("s", "10", {"in"}, {"out"}, true)
        .flow("in", "IF TIME > 5 AND s < 40 THEN STEP(3, 2) + PULSE(4, 3, 5) ELSE RAMP(0.5, 1, 8)")
        .flow("out",
              "MAX(s / 4, MIN(s, 2)) + ABS(SIN(TIME)) + SQRT(s) * EXP(-0.1) + LN(s + 1) - LOG10(s + 1)", true)
        .aux("m", "MODULO(TIME, 3) + INT(s / 7) + ROUND(s / 3) + SAFEDIV(s, TIME - 4) + 2 ^ (TIME / 10)")
        .aux("r", "RANDOM(0, 1) + NORMAL(0, 1) + EXP(TIME / 100) * COS(TIME) - TAN(0.3)")
        .aux("v", "s * k_weight[k]", {"k"})
        .aux("k_weight", "0.5", {"k"})
        .aux("stats", "SUM(v[*]) + MEAN(v[*]) + STDDEV(v[*]) + MAX(v[*]) - MIN(v[*])")
        .aux("logic", "IF NOT (s > 3 OR s <= 1) THEN (IF s = 5 THEN 1 ELSE 2) ELSE (IF s <> 4 THEN 3 ELSE 4)")
        .gf("g", {0, 10, 20}, {1, 3, 2}, "s")
        .dim("k", {"a", "b", "c"});
    diag::Diagnostics d;
    auto cm = b.compile(d);
    INFO(test::formatAll(d));
    REQUIRE(cm);
    const sim::RunResult r = sim::simulate(*cm);
    INFO(test::formatAll(r.diagnostics));
    REQUIRE(r.ok());  // the comparison below covers whole runs, not a first-step failure
    CHECK(r.rows() == 81);
    test::ScopedEnv tcc("SDW_CC", "none");
    checkEveryPath(*cm, "every operation");
}

TEST_CASE("engine: a compiled run stops on NaN naming the variable and the time, as the interpreter",
          "[engine]") {
    test::Builder b(0, 10, 0.5);
    b.stock("x", "1", {"f"})
        .flow("f", "1 / (TIME - 4) * 0 + x / (4 - TIME) * (4 - TIME)")
        .aux("spare", "x * 2");
    diag::Diagnostics d;
    auto cm = b.compile(d);
    REQUIRE(cm);
    for (auto engine : {sim::Engine::Interpreter, sim::Engine::Compiled}) {
        sim::RunSpec spec;
        spec.engine = engine;
        for (const auto& vars : {std::vector<std::string>{}, std::vector<std::string>{"spare"}}) {
            spec.vars = vars;
            const sim::RunResult r = sim::simulate(*cm, spec);
            REQUIRE_FALSE(r.ok());
            REQUIRE(r.diagnostics.items().size() == 1);
            CHECK(r.diagnostics.items()[0].code == diag::code::kNonFinite);
            CHECK(r.diagnostics.items()[0].where == "f");  // 0/0 at time 4
            CHECK(r.diagnostics.items()[0].time == 4.0);
            CHECK(r.rows() == 8);  // times 0 .. 3.5 were saved
        }
    }
}

TEST_CASE("engine: the compiled engine keeps the run's limits", "[engine]") {
    test::Builder b(0, 1000, 1);
    b.stock("x", "1", {"f"}).flow("f", "x * 0.01");
    diag::Diagnostics d;
    auto cm = b.compile(d);
    REQUIRE(cm);
    sim::RunSpec spec;
    spec.engine = sim::Engine::Compiled;
    spec.maxSavedValues = 100;
    sim::RunResult r = sim::simulate(*cm, spec);
    CHECK(test::hasCode(r.diagnostics, diag::code::kTooManySteps));
    spec.maxSavedValues = 50'000'000;
    spec.dt = 1e-9;
    r = sim::simulate(*cm, spec);
    CHECK(test::hasCode(r.diagnostics, diag::code::kTooManySteps));
    std::atomic<bool> cancel{true};
    spec = {};
    spec.engine = sim::Engine::Compiled;
    spec.cancel = &cancel;
    r = sim::simulate(*cm, spec);
    CHECK(r.status == sim::RunStatus::Cancelled);
}

TEST_CASE("engine: a Simulator reused across runs gives each run's own results", "[engine]") {
    test::Builder b(0, 50, 0.5);
    b.stock("x", "100", {}, {"drain"}).flow("drain", "k * x").aux("k", "0.1");
    diag::Diagnostics d;
    auto cm = b.compile(d);
    REQUIRE(cm);
    sim::Simulator simulator(*cm);
    sim::RunResult reused;
    for (auto engine : {sim::Engine::Interpreter, sim::Engine::Compiled}) {
        for (double k : {0.1, 0.2, 0.1}) {
            sim::RunSpec spec;
            spec.engine = engine;
            spec.sets = {{"k", k}};
            simulator.run(spec, reused);
            REQUIRE(reused.ok());
            CHECK(reused.engine == engine);
            // Euler on dx/dt = -k x: x(50) = 100 (1 - k dt)^100.
            CHECK(*reused.finalValue("x") == Approx(100 * std::pow(1 - k * 0.5, 100)).epsilon(1e-12));
            CHECK(reused.data == sim::simulate(*cm, spec).data);
        }
    }
}

TEST_CASE("engine: names parse and an unknown engine is refused", "[engine]") {
    CHECK(sim::parseEngine("interp") == sim::Engine::Interpreter);
    CHECK(sim::parseEngine("compiled") == sim::Engine::Compiled);
    CHECK(sim::parseEngine("auto") == sim::Engine::Auto);
    CHECK_FALSE(sim::parseEngine("llvm"));
}

// The compiled engine cannot always be built (sdw built without libtcc, memory that may not be made
// executable): forced, the run fails naming why; auto, the interpreter runs with a warning. The failure is
// brought about through the measurement hook that loads prebuilt code instead (a library that is not there).
TEST_CASE("engine: when the compiled engine cannot be built, auto falls back to the interpreter",
          "[engine]") {
    test::Builder b(0, 1000, 0.5);  // 2,001 evaluations: auto would compile
    b.stock("x", "100", {}, {"drain"}).flow("drain", "0.01 * x");
    diag::Diagnostics d;
    auto cm = b.compile(d);
    REQUIRE(cm);
    sim::RunSpec spec;
    spec.engine = sim::Engine::Interpreter;
    const sim::RunResult reference = sim::simulate(*cm, spec);
    REQUIRE(reference.ok());
    ::setenv("SDW_JIT_SHARED_OBJECT", "/nonexistent/sdw-no-compiler.so", 1);
    spec.engine = sim::Engine::Compiled;
    const sim::RunResult forced = sim::simulate(*cm, spec);
    spec.engine = sim::Engine::Auto;
    const sim::RunResult fallback = sim::simulate(*cm, spec);
    ::unsetenv("SDW_JIT_SHARED_OBJECT");
    CHECK(forced.status == sim::RunStatus::Failed);
    CHECK(test::hasCode(forced.diagnostics, diag::code::kNativeFailed));
    CHECK(test::formatAll(forced.diagnostics).find("sdw-no-compiler.so") != std::string::npos);
    REQUIRE(fallback.ok());
    CHECK(fallback.engine == sim::Engine::Interpreter);
    CHECK(test::hasCode(fallback.diagnostics, diag::code::kNativeFallback));
    CHECK(fallback.data == reference.data);
}

// RunSpec::finalOnly rewrites one row: it must hold the full run's last row, from either engine (the compiled
// loop writes values into the row as it computes them), and a run that fails keeps no row.
TEST_CASE("engine: keeping the final row only gives the full run's last row", "[engine]") {
    test::Builder b(0, 50, 0.5);
    b.stock("x", "100", {}, {"drain"}).flow("drain", "k * x").aux("k", "0.1").aux("bad", "1 / (TIME - k)");
    diag::Diagnostics d;
    auto cm = b.compile(d);
    REQUIRE(cm);
    for (auto engine : {sim::Engine::Interpreter, sim::Engine::Compiled}) {
        sim::RunSpec spec;
        spec.engine = engine;
        spec.sets = {{"k", 0.2}};
        const sim::RunResult full = sim::simulate(*cm, spec);
        REQUIRE(full.ok());
        spec.finalOnly = true;
        const sim::RunResult last = sim::simulate(*cm, spec);
        REQUIRE(last.ok());
        CHECK(last.engine == engine);
        REQUIRE(last.rows() == 1);
        for (size_t c = 0; c < full.cols(); ++c) CHECK(last.at(0, c) == full.at(full.rows() - 1, c));
        // Euler on dx/dt = -k x: x(50) = 100 (1 - k dt)^100.
        CHECK(*last.finalValue("x") == Approx(100 * std::pow(1 - 0.2 * 0.5, 100)).epsilon(1e-12));
        spec.sets = {{"k", 10}};  // bad = 1 / (TIME - 10) is infinite at time 10
        const sim::RunResult failed = sim::simulate(*cm, spec);
        CHECK(failed.status == sim::RunStatus::Failed);
        CHECK(failed.rows() == 0);
    }
}

namespace {

// Every row a block observer is handed, and the blocks' sizes.
struct Collected : sim::RowBlockObserver {
    std::vector<double> rows;
    std::vector<size_t> sizes;
    bool inOrder = true;
    void onRows(const double* data, size_t first, size_t n, size_t cols) override {
        inOrder = inOrder && first * cols == rows.size();
        rows.insert(rows.end(), data, data + n * cols);
        sizes.push_back(n);
    }
};

}  // namespace

// A run handing its rows to a block observer (loop scores read theirs so, each block while it is in the
// cache): the native Euler loop's buffer and every other run's table give the observer the rows the run
// would keep, to the bit, in order, in blocks of at most the size asked; the run keeps none itself. A run
// that fails hands over only rows saved before the failure.
TEST_CASE("engine: a block observer is handed every saved row in order, as the run would keep them",
          "[engine][blocks]") {
    test::ScopedEnv tcc("SDW_CC", "none");
    const auto modelWith = [](const std::string& late) {
        test::Builder b(0, 20, 0.25);
        b.stock("x", "1", {"in"}, {"out"})
            .flow("in", "0.3 * x * (1 - x / 50)")
            .flow("out", "x / 20 + late")
            .aux("late", late)
            .aux("shown", "x * 2 + TIME");
        return b;
    };
    for (const char* late : {"0", "IF TIME < 6 THEN 0 ELSE SQRT(-1)"}) {
        const bool fails = std::string(late) != "0";
        test::Builder b = modelWith(late);
        diag::Diagnostics d;
        auto cm = b.compile(d);
        REQUIRE(cm);
        for (auto engine : {sim::Engine::Interpreter, sim::Engine::Compiled})
            for (auto method : {sim::Method::Euler, sim::Method::RungeKutta4})
                for (size_t each : {size_t{8}, size_t{1}, size_t{100}}) {
                    INFO(late << ", engine " << static_cast<int>(engine) << ", method "
                              << static_cast<int>(method) << ", blocks of " << each);
                    sim::RunSpec spec;
                    spec.engine = engine;
                    spec.method = method;
                    spec.saveper = 0.5;
                    spec.vars = {"x", "shown"};
                    const sim::RunResult kept = sim::simulate(*cm, spec);
                    CHECK(kept.engine == engine);
                    Collected seen;
                    spec.blockObserver = &seen;
                    spec.blockRows = each;
                    const sim::RunResult handed = sim::simulate(*cm, spec);
                    CHECK(handed.status == kept.status);
                    CHECK(handed.rows() == 0);
                    CHECK(handed.names == kept.names);
                    CHECK(seen.inOrder);
                    for (size_t n : seen.sizes) CHECK((n >= 1 && n <= each));
                    if (fails) {  // a prefix of the rows saved before time 6, or none
                        CHECK_FALSE(kept.ok());
                        CHECK(seen.rows.size() <= 12 * kept.names.size());
                        continue;
                    }
                    REQUIRE(kept.ok());
                    CHECK(kept.rows() == 41);
                    REQUIRE(seen.rows.size() == kept.data.size());
                    size_t differ = 0;
                    for (size_t i = 0; i < seen.rows.size(); ++i)
                        differ += test::sameBits(seen.rows[i], kept.data[i]) ? 0 : 1;
                    CHECK(differ == 0);
                }
    }
}
