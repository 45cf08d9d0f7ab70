// Scenario files that are not what they should be (endless loops, memory bombs, pattern bombs, binary junk):
// the loader answers each with a diagnostic, promptly, and the sandbox's budget and memory cap hold.
#include <catch2/catch.hpp>
#include <chrono>

#include "plugins/host/lua_sandbox.hpp"
#include "plugins/host/scenario.hpp"
#include "tests/plugins/plugin_test_util.hpp"

using namespace sdw;

namespace {

plugins::SandboxLimits smallLimits() {
    plugins::SandboxLimits limits;
    limits.memoryBytes = 8u << 20;
    limits.instructionsPerCall = 1'000'000;
    return limits;
}

// Loads scenario text; returns the diagnostics and whether a scenario came back.
std::pair<bool, diag::Diagnostics> load(const std::string& text) {
    diag::Diagnostics d;
    const bool ok = plugins::loadScenarioText(text, "hostile.lua", d, nullptr, smallLimits()).has_value();
    return {ok, d};
}

// Loads text that must fail; returns its first error (the test stops when there is none).
diag::Diagnostic firstFailure(const std::string& text) {
    auto [ok, d] = load(text);
    INFO(test::allMessages(d));
    REQUIRE_FALSE(ok);
    const auto* e = test::firstError(d);
    REQUIRE(e);
    return *e;
}

double secondsSince(std::chrono::steady_clock::time_point t0) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

}  // namespace

TEST_CASE("scenario text: an endless loop is stopped by the budget, naming the line",
          "[plugins][scenario][hostile]") {
    const auto e = firstFailure("name = 'loop'\nwhile true do end\n");
    CHECK(e.code == plugins::code::kBudget);
    CHECK(e.where == "hostile.lua");
    CHECK(e.line == 2);
}

TEST_CASE("scenario text: a memory bomb hits the cap", "[plugins][scenario][hostile]") {
    CHECK(firstFailure("local s = 'x'\nwhile true do s = s .. s end\n").code == plugins::code::kMemory);
}

TEST_CASE("scenario text: a pattern bomb through string methods cannot hang the loader",
          "[plugins][scenario][hostile]") {
    // Pattern matching runs in C, out of reach of the instruction budget: strings in a scenario have no
    // methods.
    const auto t0 = std::chrono::steady_clock::now();
    const auto e = firstFailure(
        "local s = ('a'):rep(40)\nlocal p = ('a*'):rep(40) .. 'b'\nreturn { name = tostring(s:find(p)) }\n");
    CHECK(secondsSince(t0) < 5);
    CHECK(e.code == plugins::code::kPluginLoadError);
    CHECK(e.line == 1);
}

TEST_CASE("scenario text: junk, bytecode and a syntax error each get their code",
          "[plugins][scenario][hostile]") {
    CHECK(firstFailure(std::string("\x01\x02\xff\xfe name = ", 10)).code == plugins::code::kPluginSyntax);
    CHECK(firstFailure("\x1bLua\x54").message.find("bytecode") != std::string::npos);
    CHECK(firstFailure("return {\n name = 'x',\n constants = { a = }\n}\n").line == 3);
    CHECK(firstFailure("").code == plugins::code::kScenario);
}

TEST_CASE("scenario text: the same text from a file and from memory reads the same", "[plugins][scenario]") {
    diag::Diagnostics fromFile, fromText;
    auto a = plugins::loadScenario(test::pluginData("scenarios/faster_growth.lua"), fromFile);
    bool readable = false;
    const std::string text = plugins::readTextFile(test::pluginData("scenarios/faster_growth.lua"), readable);
    REQUIRE(readable);
    auto b = plugins::loadScenarioText(text, "faster_growth.lua", fromText);
    REQUIRE(a);
    REQUIRE(b);
    CHECK(a->name == b->name);
    CHECK(a->constants == b->constants);
    CHECK(a->seed == b->seed);
    CHECK(b->file == "faster_growth.lua");
}

TEST_CASE("scenario text: a seed too large for an integer is refused (fuzz: scenario UBSan)",
          "[plugins][scenario][hostile]") {
    // The scenario fuzzer wrote seed = 7777...7 (43 digits): the cast to uint64_t was undefined behaviour.
    const auto e = firstFailure("return {\n name = 'big seed',\n seed = 7e307,\n}\n");
    CHECK(e.code == plugins::code::kScenario);
    CHECK(e.line == 3);
    CHECK(e.message.find("'seed'") != std::string::npos);
    auto [ok, d] = load("return { name = 'largest seed', seed = 2^53 }");
    CHECK(ok);
}

TEST_CASE("scenario text: a constant that is not a finite number is named, with what it is",
          "[plugins][scenario][hostile]") {
    // "'constants' must map names to finite numbers" said neither which entry nor what was wrong with it.
    auto [ok, d] = load(
        "return { name = 'x', constants = { grant_year = 'abc', beds = {}, [3] = 4, "
        "rate = 1/0, fine = 2 } }\n");
    CHECK_FALSE(ok);
    const std::string all = test::allMessages(d);
    INFO(all);
    CHECK(all.find("'grant_year' must be a finite number, not the text 'abc'") != std::string::npos);
    CHECK(all.find("'beds' must be a finite number, not a table") != std::string::npos);
    CHECK(all.find("'rate' must be a finite number, not a number that is not finite") != std::string::npos);
    CHECK(all.find("a number key is not a name") != std::string::npos);
    CHECK(all.find("'fine'") == std::string::npos);
}
