// Quick code first (RunSpec::quickFirst, as the CLI asks for with --engine compiled): the first run goes at
// once with libtcc's code while the system C compiler builds the optimised code behind it, later runs switch
// to that, and every run gives the interpreter's bits; a build that fails gives W602 on the runs after it; a
// Simulator dropped before the build is done stops the compiler. Skips where there is no libtcc or cc.
#include <catch2/catch.hpp>
#include <chrono>
#include <filesystem>
#include <fstream>

#include "solver/io/load_model.hpp"
#include "solver/jit/native_code.hpp"
#include "solver/sim/batch.hpp"
#include "solver/sim/native_cache.hpp"
#include "tests/solver/engine_compare.hpp"
#include "tests/solver/model_builder.hpp"
#include "tests/solver/scoped_env.hpp"

using namespace sdw;
namespace fs = std::filesystem;

namespace {

#define SDW_NEEDS_QUICK_AND_CC()                                               \
    do {                                                                       \
        SDW_NEEDS_CC();                                                        \
        if (!jit::haveQuickBuilder()) {                                        \
            WARN("SKIPPED: this sdw has no libtcc, so this test did not run"); \
            return;                                                            \
        }                                                                      \
    } while (0)

// An empty cache directory of the test's own in the build tree.
fs::path freshCache(const char* name) {
    const fs::path dir = fs::path(SDW_BINARY_DIR) / name;
    fs::remove_all(dir);
    fs::create_directories(dir);
    return dir;
}

std::shared_ptr<const compile::CompiledModel> county() {
    diag::Diagnostics diags;
    auto project =
        io::loadModelFile(SDW_SOURCE_DIR "/models/adult_social_care/adult_social_care.xmile", diags);
    return project ? compile::compileModel(*project, diags) : nullptr;
}

std::shared_ptr<const compile::CompiledModel> decay() {
    test::Builder b(0, 100, 0.25);
    b.stock("x", "100", {}, {"drain"}).flow("drain", "k * x").aux("k", "0.05");
    diag::Diagnostics d;
    return b.compile(d);
}

bool sameData(const std::vector<double>& a, const std::vector<double>& b) {
    if (a.size() != b.size()) return false;
    for (size_t i = 0; i < a.size(); ++i)
        if (!test::sameBits(a[i], b[i])) return false;
    return true;
}

}  // namespace

TEST_CASE("quick first: libtcc's code at once, then the optimised build, the interpreter's bits throughout",
          "[engine][cc]") {
    SDW_NEEDS_QUICK_AND_CC();
    test::ScopedEnv cache("SDW_NATIVE_CACHE", freshCache("native-cache-quick").c_str());
    auto cm = county();
    REQUIRE(cm);
    const sim::RunResult reference = test::interpreterReference(*cm);
    sim::RunSpec spec;
    spec.engine = sim::Engine::Compiled;
    spec.quickFirst = true;
    {
        sim::Simulator simulator(*cm);
        const sim::RunResult first = simulator.run(spec);
        INFO(test::formatAll(first.diagnostics));
        REQUIRE(first.ok());
        CHECK(first.engine == sim::Engine::Compiled);
        CHECK(first.diagnostics.empty());
        CHECK(simulator.nativeBuilder(spec, false) == "libtcc");  // cc takes far longer than one run
        CHECK(simulator.nativeBuilder(spec, false, true).rfind("cc -O2", 0) == 0);
        const sim::RunResult later = simulator.run(spec);
        REQUIRE(later.ok());
        CHECK(sameData(first.data, reference.data));
        CHECK(sameData(later.data, reference.data));
    }
    sim::Simulator again(*cm);  // another Simulator (or process) finds the optimised build on disk
    REQUIRE(again.run(spec).ok());
    CHECK(again.nativeBuilder(spec, false).rfind("cache", 0) == 0);
    // Later runs use the code as loaded, not the disk again (a lookup per run wrote the C again each time,
    // at twice the CPU of the run itself): one build for many asks.
    sim::detail::NativeCache shared;
    std::vector<uint32_t> cols;
    for (const auto& c : cm->columns) cols.push_back(c.slot);
    std::string error;
    for (int i = 0; i < 3; ++i)
        CHECK(sim::detail::nativeCode(shared, *cm, {true, &cols, true, true, true}, error) != nullptr);
    CHECK(shared.builds == 1);
}

// A batch whose code changes while it runs: the runs before the switch (libtcc) and after it (cc) alike
// equal the interpreter's runs, on two threads.
TEST_CASE("quick first: a batch switching to the optimised code mid-way gives the interpreter's bits",
          "[engine][cc][batch]") {
    SDW_NEEDS_QUICK_AND_CC();
    test::ScopedEnv cache("SDW_NATIVE_CACHE", freshCache("native-cache-quick-batch").c_str());
    auto cm = county();
    REQUIRE(cm);
    sim::BatchSpec spec;
    spec.parameters = {"entry_rate_18_64"};
    for (int i = 0; i < 400; ++i) spec.values.push_back({0.0005 + 1e-6 * i});
    spec.base.vars = {"ledger_council_spend"};
    spec.threads = 2;
    spec.base.engine = sim::Engine::Interpreter;
    const sim::BatchResult reference = sim::runBatch(*cm, spec);
    REQUIRE(reference.ok());
    spec.base.engine = sim::Engine::Compiled;
    spec.base.quickFirst = true;
    const sim::BatchResult quick = sim::runBatch(*cm, spec);
    REQUIRE(quick.ok());
    REQUIRE(quick.data.size() == reference.data.size());
    size_t differing = 0;
    for (size_t i = 0; i < quick.data.size(); ++i)
        differing += !test::sameBits(quick.data[i], reference.data[i]);
    CHECK(differing == 0);
    for (const auto& run : quick.runs) CHECK(run.engine == sim::Engine::Compiled);
}

// The optimised build fails behind the quick code: the first run is clean, the runs after the failure carry
// W602 naming it, and the numbers do not change.
TEST_CASE("quick first: a C compiler that fails in the background gives W602 on later runs", "[engine][cc]") {
    SDW_NEEDS_QUICK_AND_CC();
    test::ScopedEnv cache("SDW_NATIVE_CACHE", freshCache("native-cache-quick-fail").c_str());
    test::ScopedEnv cc("SDW_CC", "/bin/false");
    auto cm = decay();
    REQUIRE(cm);
    sim::RunSpec spec;
    spec.engine = sim::Engine::Compiled;
    spec.quickFirst = true;
    sim::Simulator simulator(*cm);
    const sim::RunResult first = simulator.run(spec);
    REQUIRE(first.ok());
    CHECK_FALSE(test::hasCode(first.diagnostics, diag::code::kNativeSlow));
    CHECK(simulator.nativeBuilder(spec, false, true) == "libtcc");  // cc failed: libtcc built it instead
    const sim::RunResult later = simulator.run(spec);
    REQUIRE(later.ok());
    INFO(test::formatAll(later.diagnostics));
    REQUIRE(test::hasCode(later.diagnostics, diag::code::kNativeSlow));
    CHECK(test::formatAll(later.diagnostics).find(".log") != std::string::npos);
    CHECK(later.data == first.data);
}

// A compiler that would take 30 s: dropping the Simulator stops it instead of waiting, and leaves nothing
// built in the cache. (A hang check, not a speed test: waiting would take 30 s, stopping a moment.)
TEST_CASE("quick first: dropping the Simulator stops an optimised build under way", "[engine][cc]") {
    SDW_NEEDS_QUICK_AND_CC();
    const fs::path dir = freshCache("native-cache-quick-stop");
    test::ScopedEnv cache("SDW_NATIVE_CACHE", dir.c_str());
    const fs::path hang = fs::path(SDW_BINARY_DIR) / "hanging-cc-quick.sh";
    std::ofstream(hang) << "#!/bin/sh\nsleep 30\n";
    fs::permissions(hang, fs::perms::owner_all);
    test::ScopedEnv cc("SDW_CC", hang.c_str());
    test::ScopedEnv timeout("SDW_CC_TIMEOUT", "120");
    auto cm = decay();
    REQUIRE(cm);
    sim::RunSpec spec;
    spec.engine = sim::Engine::Compiled;
    spec.quickFirst = true;
    auto simulator = std::make_unique<sim::Simulator>(*cm);
    const sim::RunResult first = simulator->run(spec);
    REQUIRE(first.ok());
    CHECK(first.engine == sim::Engine::Compiled);
    const auto t0 = std::chrono::steady_clock::now();
    simulator.reset();
    CHECK(std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count() < 20);
    size_t objects = 0;
    for (const auto& e : fs::directory_iterator(dir)) objects += e.path().extension() == ".so";
    CHECK(objects == 0);
}
