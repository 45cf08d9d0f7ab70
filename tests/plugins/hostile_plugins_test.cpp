// Hostile plugins: each must fail cleanly (a diagnostic naming the plugin's file, and the time for run-time
// failures), touch no file, and leave the program running.
#include <catch2/catch.hpp>
#include <cstdio>
#include <filesystem>

#include "tests/plugins/plugin_test_util.hpp"

using namespace sdw;
using sdw::test::OnePluginRun;
using sdw::test::pluginData;

namespace {

// The run must fail with `code`, at a known time when `time` >= 0, with a message mentioning `words`.
void expectRunFailure(const OnePluginRun& r, const std::string& code, double time, const std::string& words) {
    INFO(test::allMessages(r.loadDiags) << test::allMessages(r.result.diagnostics));
    REQUIRE(r.loaded);
    REQUIRE(r.result.status == sim::RunStatus::Failed);
    REQUIRE(test::hasPluginCode(r.result.diagnostics, code));
    bool found = false;
    for (const auto& d : r.result.diagnostics.items()) {
        if (d.code != code) continue;
        found = true;
        CHECK(d.where.find("hostile/") != std::string::npos);
        CHECK(d.message.find(words) != std::string::npos);
        if (time >= 0) CHECK(d.time == Approx(time));
    }
    CHECK(found);
}

// Loading must be refused with `code` and a message mentioning `words`.
void expectLoadFailure(const OnePluginRun& r, const std::string& code, const std::string& words) {
    INFO(test::allMessages(r.loadDiags));
    REQUIRE_FALSE(r.loaded);
    const auto* e = test::firstError(r.loadDiags);
    REQUIRE(e != nullptr);
    CHECK(e->code == code);
    CHECK(e->where.find("hostile/") != std::string::npos);
    CHECK(e->message.find(words) != std::string::npos);
}

}  // namespace

TEST_CASE("sandbox: an infinite loop in on_step is stopped by the instruction budget", "[plugins][hostile]") {
    OnePluginRun r(pluginData("hostile/infinite_loop.lua"));
    expectRunFailure(r, plugins::code::kBudget, 3, "instruction budget");
    const auto* e = test::firstError(r.result.diagnostics);
    REQUIRE(e != nullptr);
    CHECK(e->message.find("infinite_loop") != std::string::npos);  // names the plugin
    CHECK(e->line == 7);                                           // the `while true do end` line
}

TEST_CASE("sandbox: pcall cannot swallow the budget error", "[plugins][hostile]") {
    OnePluginRun r(pluginData("hostile/pcall_swallow.lua"));
    expectRunFailure(r, plugins::code::kBudget, 1, "instruction budget");
}

TEST_CASE("sandbox: os.execute is not there and runs nothing", "[plugins][hostile]") {
    std::filesystem::remove("/tmp/sdw_hostile_os_execute");
    OnePluginRun r(pluginData("hostile/os_execute.lua"));
    expectLoadFailure(r, plugins::code::kPluginLoadError, "global 'os'");
    CHECK_FALSE(std::filesystem::exists("/tmp/sdw_hostile_os_execute"));
}

TEST_CASE("sandbox: io.open is not there and writes nothing", "[plugins][hostile]") {
    std::filesystem::remove("/tmp/sdw_hostile_io_open");
    OnePluginRun r(pluginData("hostile/io_open.lua"));
    expectRunFailure(r, plugins::code::kCallError, 0, "global 'io'");
    CHECK_FALSE(std::filesystem::exists("/tmp/sdw_hostile_io_open"));
}

TEST_CASE("sandbox: require is not there", "[plugins][hostile]") {
    std::filesystem::remove("/tmp/sdw_hostile_require");
    OnePluginRun r(pluginData("hostile/require.lua"));
    expectLoadFailure(r, plugins::code::kPluginLoadError, "global 'require'");
    CHECK_FALSE(std::filesystem::exists("/tmp/sdw_hostile_require"));
}

TEST_CASE("sandbox: a bytecode string cannot be loaded", "[plugins][hostile]") {
    OnePluginRun r(pluginData("hostile/bytecode.lua"));
    expectLoadFailure(r, plugins::code::kPluginLoadError, "binary chunk");
}

TEST_CASE("sandbox: dofile and loadfile are not there", "[plugins][hostile]") {
    OnePluginRun r(pluginData("hostile/dofile.lua"));
    expectLoadFailure(r, plugins::code::kPluginLoadError, "a nil value");
}

TEST_CASE("sandbox: a memory bomb hits the memory cap", "[plugins][hostile]") {
    plugins::SandboxLimits limits;
    limits.memoryBytes = 16u << 20;
    OnePluginRun r(pluginData("hostile/memory_bomb.lua"), limits);
    expectRunFailure(r, plugins::code::kMemory, 1, "memory cap of 16 MB");
    const auto* e = test::firstError(r.result.diagnostics);
    REQUIRE(e != nullptr);
    CHECK(e->line == 9);  // the line that allocates
}

TEST_CASE("sandbox: deep recursion fails cleanly", "[plugins][hostile]") {
    OnePluginRun r(pluginData("hostile/deep_recursion.lua"));
    INFO(test::allMessages(r.result.diagnostics));
    REQUIRE(r.loaded);
    REQUIRE(r.result.status == sim::RunStatus::Failed);
    const auto* e = test::firstError(r.result.diagnostics);
    REQUIRE(e != nullptr);
    // A stack overflow (E501) or the memory cap (E503), depending on which limit comes first; never a crash.
    CHECK((e->code == plugins::code::kCallError || e->code == plugins::code::kMemory));
    CHECK(e->time == Approx(1));
    CHECK(e->message.find("deep_recursion") != std::string::npos);
}

TEST_CASE("sandbox: an error inside on_step names the file, line, time and traceback", "[plugins][hostile]") {
    OnePluginRun r(pluginData("hostile/error_in_on_step.lua"));
    expectRunFailure(r, plugins::code::kCallError, 4, "missing a row");
    const auto* e = test::firstError(r.result.diagnostics);
    REQUIRE(e != nullptr);
    CHECK(e->line == 4);
    CHECK(e->message.find("stack traceback") != std::string::npos);
    CHECK(e->message.find("'check'") != std::string::npos);  // the traceback names the helper
}

TEST_CASE("sandbox: setting an undeclared variable is refused", "[plugins][hostile]") {
    OnePluginRun r(pluginData("hostile/undeclared_set.lua"));
    expectRunFailure(r, plugins::code::kForbiddenSet, 1, "not declared in 'modifies'");
}

TEST_CASE("sandbox: setting NaN is refused", "[plugins][hostile]") {
    OnePluginRun r(pluginData("hostile/set_nan.lua"));
    expectRunFailure(r, plugins::code::kNonFiniteSet, 1, "finite");
}

TEST_CASE("sandbox: a metatable on the plugin table runs no code in the host", "[plugins][hostile]") {
    OnePluginRun r(pluginData("hostile/metatable_trap.lua"));
    INFO(test::allMessages(r.loadDiags) << test::allMessages(r.result.diagnostics));
    REQUIRE(r.loaded);
    CHECK(r.result.ok());
}

TEST_CASE("sandbox: the program survives every hostile plugin in a row", "[plugins][hostile]") {
    size_t failures = 0, hostile = 0;
    for (const auto& e : std::filesystem::directory_iterator(pluginData("hostile"))) {
        if (e.path().filename() == "metatable_trap.lua") continue;  // refused nothing: it must run, harmless
        ++hostile;
        OnePluginRun r(e.path().string());
        failures += (!r.loaded || !r.result.ok()) ? 1 : 0;
    }
    CHECK(hostile >= 13);
    CHECK(failures == hostile);  // every one refused or stopped
    OnePluginRun good(pluginData("good/noop_step.lua"));
    CHECK(good.result.ok());
}

TEST_CASE("sandbox: a backtracking pattern bomb is refused, not left to search for hours",
          "[plugins][hostile]") {
    OnePluginRun r(pluginData("hostile/pattern_bomb.lua"));
    expectRunFailure(r, plugins::code::kCallError, 2, "repetition items");
}

TEST_CASE("sandbox: everyday patterns still work through the guard", "[plugins][sandbox]") {
    plugins::Sandbox box;
    plugins::CallFailure f;
    const std::string code =
        "local t = ('  reablement  '):match('^%s*(.-)%s*$')\n"
        "local k, v = ('staff=150'):match('(%w+)=(%w+)')\n"
        "local n = select(2, ('a,b,,c'):gsub(',', ';'))\n"
        "local words = 0 for w in ('one two three'):gmatch('%a+') do words = words + 1 end\n"
        "local plain = ('x*y'):find('*', 1, true)\n"
        "assert(t == 'reablement' and k == 'staff' and v == '150' and n == 3 and words == 3 and plain == 2)\n"
        "return true";
    REQUIRE(box.loadString(code, "patterns", false, f));
    INFO(f.message);
    CHECK(box.call(0, 1, f));
}

// Finalizers: Lua runs __gc with debug hooks off, so the sandbox runs each plugin finalizer in a coroutine
// where the count hook, the memory cap and the cancel flag hold (plugins/host/lua_finalizers.cpp).
TEST_CASE("sandbox: a finalizer that loops forever is stopped when the plugin is checked",
          "[plugins][hostile][finalizer]") {
    OnePluginRun r(pluginData("hostile/gc_loop.lua"));
    expectLoadFailure(r, plugins::code::kBudget, "__gc finalizer was stopped: instruction budget");
    CHECK(test::firstError(r.loadDiags)->line == 3);
}

TEST_CASE("sandbox: a looping __gc swapped in after the table was marked is stopped at close",
          "[plugins][hostile][finalizer]") {
    OnePluginRun r(pluginData("hostile/gc_loop_late.lua"));
    expectLoadFailure(r, plugins::code::kBudget, "__gc finalizer");
    CHECK(test::firstError(r.loadDiags)->line == 6);
}

TEST_CASE("sandbox: a looping finalizer run by the collector during on_step stops the run",
          "[plugins][hostile][finalizer]") {
    OnePluginRun r(pluginData("hostile/gc_loop_on_step.lua"));
    expectRunFailure(r, plugins::code::kBudget, 2, "__gc finalizer was stopped");
}

TEST_CASE("sandbox: a finalizer that fills memory hits the memory cap", "[plugins][hostile][finalizer]") {
    plugins::SandboxLimits limits;
    limits.memoryBytes = 16u << 20;
    OnePluginRun r(pluginData("hostile/gc_memory_bomb.lua"), limits);
    expectLoadFailure(r, plugins::code::kMemory, "memory cap of 16 MB");
}

TEST_CASE("sandbox: finalizers that make more finalizers stay under one budget",
          "[plugins][hostile][finalizer]") {
    OnePluginRun r(pluginData("hostile/gc_chain.lua"));
    expectLoadFailure(r, plugins::code::kBudget, "__gc finalizer");
}

TEST_CASE("sandbox: a __close that loops forever is stopped by the budget", "[plugins][hostile][finalizer]") {
    OnePluginRun r(pluginData("hostile/close_loop.lua"));
    expectLoadFailure(r, plugins::code::kBudget, "instruction budget");
}
