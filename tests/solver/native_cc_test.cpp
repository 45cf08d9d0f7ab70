// The optimising back end: the model's C compiled by the system C compiler (-O2) gives the interpreter's
// numbers to the last bit on the shipped models, an every-operation model and the conformance suite; it is
// cached on disk; and when the compiler is missing, fails or hangs, libtcc builds the code instead with a
// notice naming why (W602). Skips, saying so, where the machine has no C compiler.
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <set>

#include "solver/jit/c_source.hpp"
#include "solver/jit/cc_build.hpp"
#include "solver/jit/native_code.hpp"
#include "tests/solver/engine_compare.hpp"
#include "tests/solver/model_builder.hpp"
#include "tests/solver/scoped_env.hpp"

using namespace sdw;
namespace fs = std::filesystem;

namespace {

// A cache of the tests' own, kept between test runs in the build tree (a second run loads every model's
// code from it: the comparison still runs, the compiler does not).
std::string testCache() {
    return SDW_BINARY_DIR "/native-cache-tests";
}

std::shared_ptr<const compile::CompiledModel> load(const fs::path& path) {
    diag::Diagnostics diags;
    auto project = io::loadModelFile(path.string(), diags);
    return project ? compile::compileModel(*project, diags) : nullptr;
}

std::shared_ptr<const compile::CompiledModel> decay() {
    test::Builder b(0, 100, 0.25);
    b.stock("x", "100", {}, {"drain"})
        .flow("drain", "k * x")
        .aux("k", "0.05")
        .gf("g", {0, 50, 100}, {0, 1, 4}, "x");
    diag::Diagnostics d;
    return b.compile(d);
}

}  // namespace

TEST_CASE("native cc: optimised code matches the interpreter bit for bit on the shipped models",
          "[engine][cc]") {
    SDW_NEEDS_CC();
    test::ScopedEnv cache("SDW_NATIVE_CACHE", testCache().c_str());
    size_t models = 0;
    for (const auto& e : fs::recursive_directory_iterator(fs::path(SDW_SOURCE_DIR) / "models"))
        if (e.path().extension() == ".xmile")
            if (auto cm = load(e.path())) {
                test::checkEveryPath(*cm, e.path().string());
                ++models;
            }
    CHECK(models >= 5);
}

TEST_CASE("native cc: optimised code matches the interpreter on the conformance suite",
          "[engine][cc][conformance]") {
    SDW_NEEDS_CONFORMANCE();
    SDW_NEEDS_CC();
    test::ScopedEnv cache("SDW_NATIVE_CACHE", testCache().c_str());
    size_t files = 0;
    for (const auto& e : fs::recursive_directory_iterator(test::conformanceRoot())) {
        const auto ext = e.path().extension().string();
        if (ext != ".xmile" && ext != ".stmx" && ext != ".mdl") continue;
        auto cm = load(e.path());
        if (!cm) continue;
        INFO(e.path().string());
        sim::RunSpec spec;  // the model's own method: the Euler loop for most
        CHECK(test::compareEngines(*cm, spec, nullptr) == "");
        spec.method = sim::Method::RungeKutta4;  // the evaluation the run loop calls
        CHECK(test::compareEngines(*cm, spec, nullptr) == "");
        ++files;
    }
    CHECK(files > 100);
}

TEST_CASE("native cc: the optimised build is cached under a hash of its code", "[engine][cc]") {
    SDW_NEEDS_CC();
    const fs::path dir = fs::path(SDW_BINARY_DIR) / "native-cache-fresh";
    fs::remove_all(dir);
    test::ScopedEnv cache("SDW_NATIVE_CACHE", dir.c_str());
    auto cm = decay();
    REQUIRE(cm);
    std::string error;
    jit::NativeOptions o{true, {compile::CompiledModel::kTimeSlot}, true};
    jit::NativeOptions quick{true, {compile::CompiledModel::kTimeSlot}, false};
    auto before = jit::compileNative(*cm, quick, error);  // nothing in the cache yet: libtcc, no notice
    REQUIRE(before);
    CHECK(before->builtBy() == "libtcc");
    CHECK(before->notice().empty());
    auto first = jit::compileNative(*cm, o, error);
    INFO(error);
    REQUIRE(first);
    CHECK(first->notice().empty());
    CHECK(first->builtBy().rfind("cc -O2", 0) == 0);
    auto second = jit::compileNative(*cm, o, error);
    REQUIRE(second);
    CHECK(second->builtBy().rfind("cache", 0) == 0);
    auto after = jit::compileNative(*cm, quick, error);  // the quick kind asked for: the cached build serves
    REQUIRE(after);
    CHECK(after->builtBy().rfind("cache", 0) == 0);
    size_t objects = 0;
    for (const auto& e : fs::directory_iterator(dir)) objects += e.path().extension() == ".so";
    CHECK(objects == 1);  // nothing but the shared object is left behind
    CHECK(std::distance(fs::directory_iterator(dir), fs::directory_iterator()) == 1);
}

// A compiler that fails, one that is missing and one that hangs: each time the run is compiled by libtcc,
// gives the interpreter's numbers, and carries W602 saying what went wrong.
TEST_CASE("native cc: when the C compiler fails, libtcc builds the code with a notice", "[engine][cc]") {
    const fs::path dir = fs::path(SDW_BINARY_DIR) / "native-cache-broken";
    fs::remove_all(dir);
    fs::create_directories(dir);
    test::ScopedEnv cache("SDW_NATIVE_CACHE", dir.c_str());
    const fs::path hang = dir / "hanging-cc.sh";
    std::ofstream(hang) << "#!/bin/sh\nsleep 30\n";
    fs::permissions(hang, fs::perms::owner_all);
    auto cm = decay();
    REQUIRE(cm);
    const sim::RunResult reference = test::interpreterReference(*cm);
    sim::RunSpec spec;
    spec.engine = sim::Engine::Compiled;
    struct Case {
        const char* cc;
        const char* says;
    };
    for (const Case& c :
         {Case{"/bin/false", ".log"}, Case{"no-such-compiler-sdw", "SDW_CC names no C compiler"},
          Case{hang.c_str(), "took longer than 1 s"}}) {
        INFO(c.cc);
        test::ScopedEnv cc("SDW_CC", c.cc);
        test::ScopedEnv timeout("SDW_CC_TIMEOUT", "1");
        const sim::RunResult r = sim::simulate(*cm, spec);
        INFO(test::formatAll(r.diagnostics));
        REQUIRE(r.ok());
        CHECK(r.engine == sim::Engine::Compiled);
        CHECK(r.data == reference.data);
        REQUIRE(test::hasCode(r.diagnostics, diag::code::kNativeSlow));
        CHECK(test::formatAll(r.diagnostics).find(c.says) != std::string::npos);
    }
}

// The compiler gains operations before the code writer does (other branches add them): the writer refuses
// a program with an operation it does not know, naming it, and the run is interpreted.
TEST_CASE("native cc: an operation the code writer does not know is refused, not miscompiled", "[engine]") {
    auto cm = decay();
    REQUIRE(cm);
    compile::CompiledModel changed = *cm;
    changed.m_stepProgram.push_back({static_cast<compile::Op>(250), compile::Fn::Abs, 5, 5, 5, 5});
    for (bool optimised : {false, true}) {
        test::ScopedEnv cc("SDW_CC", optimised ? nullptr : "none");
        std::string error;
        CHECK_FALSE(jit::compileNative(changed, jit::NativeOptions{true, {}, optimised}, error));
        CHECK(error.find("does not know operation 250") != std::string::npos);
    }
}

TEST_CASE("native cc: the cache keeps the most recently used objects within its size and age limits",
          "[engine][cc]") {
    const fs::path dir = fs::path(SDW_BINARY_DIR) / "native-cache-prune";
    fs::remove_all(dir);
    fs::create_directories(dir);
    const auto now = fs::file_time_type::clock::now();
    auto make = [&](const std::string& name, size_t bytes, double daysAgo) {
        std::ofstream(dir / name) << std::string(bytes, 'x');
        fs::last_write_time(dir / name, now - std::chrono::seconds(static_cast<long>(daysAgo * 86400)));
    };
    make("new.so", 1000, 0);       // just built: always kept
    make("recent.so", 3000, 0.5);  // fits beside it: kept
    make("older.so", 3000, 2);     // 7,000 bytes with it: over the 6,000 limit, least recently used
    make("stale.so", 10, 90);      // unused past the 60-day limit
    make("crashed.1.c", 10, 3);    // a build's leftovers, over a day old
    make("building.2.c", 10, 0);   // another process's build under way
    jit::detail::pruneCache(dir.string(), 6000, 60, (dir / "new.so").string());
    std::set<std::string> left;
    for (const auto& e : fs::directory_iterator(dir)) left.insert(e.path().filename().string());
    CHECK(left == std::set<std::string>{"new.so", "recent.so", "building.2.c"});
}

TEST_CASE("native cc: a large program is compiled as two units in parallel and gives the same bits",
          "[engine][cc]") {
    SDW_NEEDS_CC();
    test::ScopedEnv cache("SDW_NATIVE_CACHE", testCache().c_str());
    test::Builder b(0, 10, 0.5);
    b.stock("x", "1", {"grow"}, {}).flow("grow", "a799 / 1000").aux("a0", "x * 1.001");
    for (int i = 1; i < 800; ++i)
        b.aux("a" + std::to_string(i), "a" + std::to_string(i - 1) + " * 0.999 + " + std::to_string(i % 7));
    diag::Diagnostics d;
    auto cm = b.compile(d);
    REQUIRE(cm);
    jit::NativeOptions o{true, {}, true};  // the loop keeping every column, as the run below does
    for (const auto& c : cm->columns) o.cols.push_back(c.slot);
    o.reroll = false;  // straight-line code (the chain written as a loop is a few statements: one unit)
    CHECK(jit::detail::writeC(*cm, o).units == 2);
    test::ScopedEnv straight("SDW_JIT_REROLL", "0");
    test::checkEveryPath(*cm, "800 chained auxiliaries");
}

// The loop checks a short saved row inline and a long one with a vectorised loop: both stop at the step
// where the value overflows, as the interpreter does. x' = x^2 from x(0) = 2 with dt 1: x becomes x + x^2
// each step (6, 42, 1806, ...), so x^2 overflows within ten steps.
TEST_CASE("native cc: an overflow stops the loop at the interpreter's step, short rows and long",
          "[engine][cc][nan]") {
    SDW_NEEDS_CC();
    test::ScopedEnv cache("SDW_NATIVE_CACHE", testCache().c_str());
    test::Builder b(0, 40, 1);
    b.stock("x", "2", {"grow"}, {}).flow("grow", "x * x");
    for (int i = 0; i < 40; ++i) b.aux("c" + std::to_string(i), "x / " + std::to_string(i + 1));
    diag::Diagnostics d;
    auto cm = b.compile(d);
    REQUIRE(cm);
    sim::RunSpec spec;  // every column: 43 values, the vectorised check
    CHECK(test::compareEngines(*cm, spec, nullptr) == "");
    spec.vars = {"grow"};  // Time and one value: the inline check
    CHECK(test::compareEngines(*cm, spec, nullptr) == "");
    test::compiledStopsOnNonFinite(*cm, spec);
}

// Short look-up tables get a search of their own with the points written in (c_source.cpp, sdw_lkN): each
// kind (continuous, extrapolating, discrete), swept from below the first point to past the last, through a
// vertical step (two points at x = 5), gives the interpreter's bits.
TEST_CASE("native cc: short look-up tables searched inline give the interpreter's bits for every kind",
          "[engine][cc]") {
    SDW_NEEDS_CC();
    test::ScopedEnv cache("SDW_NATIVE_CACHE", testCache().c_str());
    test::Builder b(0, 24, 0.25);
    b.aux("x", "TIME - 2").gf("g", {0, 5, 5, 10, 20}, {1, 3, 4, 2, 6}, "x").gf("one", {3}, {7}, "x");
    diag::Diagnostics d;
    auto cm = b.compile(d);
    REQUIRE(cm);
    using Kind = model::GraphicalFunction::Kind;
    for (Kind kind : {Kind::Continuous, Kind::Extrapolate, Kind::Discrete}) {
        compile::CompiledModel changed = *cm;
        for (auto& t : changed.m_tables) t.kind = kind;
        jit::NativeOptions o{true, {}, true};
        for (const auto& c : changed.columns) o.cols.push_back(c.slot);
        CHECK(jit::detail::writeC(changed, o).text.find("static inline double sdw_lk0(double x)") !=
              std::string::npos);
        test::checkEveryPath(changed, "look-up kind " + std::to_string(static_cast<int>(kind)));
    }
}

// A value the step writes twice (a non-negative flow: its equation, then the clamp) is checked for NaN as it
// ends the step, not as first written: a NaN the clamp turns into 0 goes on, as in the interpreter; an
// infinity it keeps stops the run at that step (e^800 is past the largest double).
TEST_CASE("native cc: a value written twice in a step is checked as the step leaves it",
          "[engine][cc][nan]") {
    SDW_NEEDS_CC();
    test::ScopedEnv cache("SDW_NATIVE_CACHE", testCache().c_str());
    for (const char* late : {"SQRT(-1)", "EXP(TIME * 200)"}) {
        test::Builder b(0, 10, 1);
        b.stock("s", "1", {"in"}, {}).flow("in", std::string("IF TIME < 4 THEN 1 ELSE ") + late, true);
        diag::Diagnostics d;
        auto cm = b.compile(d);
        REQUIRE(cm);
        INFO(late);
        CHECK(test::compareEngines(*cm, {}, nullptr) == "");
        sim::RunSpec spec;
        spec.engine = sim::Engine::Compiled;
        const sim::RunResult r = sim::simulate(*cm, spec);
        if (std::string(late) == "SQRT(-1)") {
            REQUIRE(r.ok());
            CHECK(r.series("in").back() == 0.0);
            CHECK(r.series("s").back() == 5.0);  // 1, then 1 a step at times 0 to 3, then nothing flows
        } else {
            CHECK(test::compiledStopsOnNonFinite(*cm, {}).time == Approx(4));
        }
    }
}

// A run keeping one column: the values outside the row are checked in one pass over every visible slot
// (c_source.cpp's sdw_rest: eight at a time, then one by one); a NaN in a variable not kept stops the run at
// the interpreter's step, naming it, wherever it lies among the slots.
TEST_CASE("native cc: a NaN in a variable not kept stops the run at the interpreter's step",
          "[engine][cc][nan]") {
    SDW_NEEDS_CC();
    test::ScopedEnv cache("SDW_NATIVE_CACHE", testCache().c_str());
    for (int bad = 0; bad < 30; bad += 5) {
        test::Builder b(0, 10, 1);
        b.stock("x", "1", {"in"}, {}).flow("in", "0.5");
        for (int i = 0; i < 30; ++i)
            b.aux("c" + std::to_string(i),
                  i == bad ? "IF TIME < 6 THEN 1 ELSE SQRT(-1)" : "x * " + std::to_string(i + 1));
        diag::Diagnostics d;
        auto cm = b.compile(d);
        REQUIRE(cm);
        INFO("c" << bad);
        sim::RunSpec spec;
        spec.vars = {"x"};
        CHECK(test::compareEngines(*cm, spec, nullptr) == "");
        const diag::Diagnostic stop = test::compiledStopsOnNonFinite(*cm, spec);
        CHECK(stop.time == Approx(6));
        CHECK(stop.where == "c" + std::to_string(bad));
    }
}
