// Controls that change during a run (Vensim's FINAL TIME, TIME STEP and SAVEPER written as equations of Time
// or of the model): where the run saves, how it steps and when it stops, each worked out by hand from the
// rule (save when t reaches the last save plus SAVEPER as it was then; stop once t reaches FINAL TIME; step
// by TIME STEP as it is at t), and the errors when a control cannot be used.
#include <catch2/catch.hpp>
#include <cmath>
#include <iterator>
#include <regex>
#include <string>
#include <vector>

#include "solver/mdl/mdl_writer.hpp"
#include "solver/xmile/xmile.hpp"
#include "tests/solver/mdl_test_util.hpp"

using namespace sdw;

namespace {

// The SDXorg test model control_vars, written out: every control changes with Time.
const char* kControlVars =
    "{UTF-8}\nvar = Time ~~|\n"
    "FINAL TIME = IF THEN ELSE(Time < 5, 10, 50) ~ Month ~|\n"
    "INITIAL TIME = IF THEN ELSE(Time < 3, 0, 0.2) ~ Month ~|\n"
    "SAVEPER = IF THEN ELSE(Time < 10, TIME STEP, 5) ~ Month ~|\n"
    "TIME STEP = IF THEN ELSE(Time < 4, 1, 0.5) ~ Month ~|\n";

std::vector<double> column(const sim::RunResult& r, const std::string& name) {
    INFO(name);
    REQUIRE(r.column(name) >= 0);
    return r.series(name);
}

bool hasCode(const diag::Diagnostics& d, const char* code, const std::string& where = "") {
    for (const auto& x : d.items())
        if (x.code == code && (where.empty() || x.where == where)) return true;
    return false;
}

// Reads and compiles, then runs, returning the run (its diagnostics say why it failed, if it did).
sim::RunResult runText(const std::string& text, diag::Diagnostics& d, sim::RunSpec spec = {}) {
    auto p = mdl::readString(text, d, "t.mdl");
    REQUIRE(p);
    auto cm = compile::compileModel(*p, d);
    INFO(test::dumpDiagnostics(d));
    REQUIRE(cm);
    return sim::simulate(*cm, spec);
}

// A run that must fail: read, compiled and run as runText, with the run's failure checked.
sim::RunResult failedRun(const std::string& text, sim::RunSpec spec = {}) {
    diag::Diagnostics d;
    sim::RunResult r = runText(text, d, spec);
    CHECK_FALSE(r.ok());
    return r;
}

}  // namespace

TEST_CASE("vensim control: saves, steps and stops as FINAL TIME, TIME STEP and SAVEPER change (control_vars)",
          "[vensim][control]") {
    diag::Diagnostics d;
    const sim::RunResult r = test::runMdl(kControlVars, d);
    REQUIRE(r.ok());
    // Steps of 1 to t = 4, then of 0.5; saves every step until 10, then every 5; FINAL TIME is 10 until
    // t = 5, then 50, where the run ends.
    std::vector<double> expected = {0, 1, 2, 3, 4};
    for (double t = 4.5; t <= 10; t += 0.5) expected.push_back(t);
    for (double t = 15; t <= 50; t += 5) expected.push_back(t);
    CHECK(column(r, "Time") == expected);
    CHECK(column(r, "var") == expected);
    // INITIAL TIME changes with Time: the run starts at its value with Time = 0, and the variable goes on.
    CHECK(hasCode(d, diag::code::kStartFromTimeZero, "INITIAL TIME"));
    const auto initial = column(r, "INITIAL TIME");
    CHECK(initial[3] == Approx(0.2));  // t = 3
    CHECK(initial[2] == 0);
    CHECK(column(r, "SAVEPER").back() == 5);
    CHECK(column(r, "TIME STEP")[4] == 0.5);  // t = 4
}

TEST_CASE("vensim control: a FINAL TIME that becomes Time ends the run there (dynamic_final_time)",
          "[vensim][control]") {
    diag::Diagnostics d;
    const sim::RunResult r = test::runMdl(
        "{UTF-8}\ncurrent time = Time ~~|\nmax time = 100 ~~|\nmy control var = current time * 2 - 5 ~~|\n"
        "FINAL TIME = IF THEN ELSE(my control var > 50, Time, max time) ~~|\nINITIAL TIME = 0 ~~|\n"
        "SAVEPER = TIME STEP ~~|\nTIME STEP = 1 ~~|\n",
        d);
    REQUIRE(r.ok());
    // 2t - 5 > 50 first at t = 28.
    const auto t = column(r, "Time");
    CHECK(t.size() == 29);
    CHECK(t.back() == 28);
    CHECK(column(r, "FINAL TIME")[27] == 100);
}

TEST_CASE("vensim control: a stock integrates with the time step it has at each step", "[vensim][control]") {
    diag::Diagnostics d;
    // x' = x from 1; steps of 1 before t = 2, then 0.5: 1, 2, 4, then 4 * 1.5 = 6 at 2.5 and 9 at 3.
    const char* text =
        "{UTF-8}\nx = INTEG(x, 1) ~~|\nINITIAL TIME = 0 ~~|\nFINAL TIME = 3 ~~|\n"
        "TIME STEP = IF THEN ELSE(Time < 2, 1, 0.5) ~~|\nSAVEPER = TIME STEP ~~|\n";
    for (const char* method : {"euler", "rk4"}) {
        INFO(method);
        sim::RunSpec spec;
        spec.method = sim::parseMethod(method);
        const sim::RunResult r = runText(text, d, spec);
        REQUIRE(r.ok());
        CHECK(column(r, "Time") == std::vector<double>{0, 1, 2, 2.5, 3});
        if (std::string(method) == "euler") CHECK(column(r, "x") == std::vector<double>{1, 2, 4, 6, 9});
        // RK4 over a step h multiplies by 1 + h + h^2/2 + h^3/6 + h^4/24.
        auto g = [](double h) { return 1 + h + h * h / 2 + h * h * h / 6 + h * h * h * h / 24; };
        if (std::string(method) == "rk4")
            CHECK(column(r, "x").back() == Approx(g(1) * g(1) * g(0.5) * g(0.5)));
    }
}

TEST_CASE("vensim control: a control that cannot be used stops the run with an error naming it",
          "[vensim][control]") {
    SECTION("a time step that becomes 0") {
        const auto r = failedRun(
            "{UTF-8}\nx = INTEG(1, 0) ~~|\nFINAL TIME = 10 ~~|\nTIME STEP = IF THEN ELSE(Time < 3, 1, 0) "
            "~~|\n");
        REQUIRE(hasCode(r.diagnostics, diag::code::kBadSpecs));
        const auto& x = r.diagnostics.items().front();
        CHECK(x.message.find("time step") != std::string::npos);
        CHECK(x.message.find("became 0 at time 3") != std::string::npos);
        CHECK(column(r, "Time") == std::vector<double>{0, 1, 2});
    }
    SECTION("a final time never reached") {
        sim::RunSpec spec;
        spec.maxSteps = 1000;
        const auto r =
            failedRun("{UTF-8}\nx = INTEG(1, 0) ~~|\nFINAL TIME = Time + 1 ~~|\nTIME STEP = 1 ~~|\n", spec);
        CHECK(hasCode(r.diagnostics, diag::code::kTooManySteps));
    }
    SECTION("the adaptive method") {
        sim::RunSpec spec;
        spec.method = sim::Method::DormandPrince;
        const auto r =
            failedRun("{UTF-8}\nx = INTEG(1, 0) ~~|\nFINAL TIME = IF THEN ELSE(x > 3, Time, 9) ~~|\n", spec);
        REQUIRE(hasCode(r.diagnostics, diag::code::kBadSpecs, "method"));
    }
    SECTION("DELAY FIXED with a time step that changes") {
        const auto r = failedRun(
            "{UTF-8}\nin = 1 ~~|\nout = DELAY FIXED(in, 2, 0) ~~|\nFINAL TIME = 5 ~~|\n"
            "TIME STEP = IF THEN ELSE(Time < 2, 1, 0.5) ~~|\n");
        REQUIRE(hasCode(r.diagnostics, diag::code::kBadSpecs));
        CHECK(r.diagnostics.items().front().message.find("DELAY FIXED") != std::string::npos);
    }
    SECTION("a control naming no variable, or an array") {
        diag::Diagnostics d;
        auto p = mdl::readString("{UTF-8}\nx = INTEG(1, 0) ~~|\nd : a, b ~~|\nv[d] = 1 ~~|\n", d, "t.mdl");
        REQUIRE(p);
        p->specs.stopVar = "nope";
        p->specs.dtVar = "v";
        auto cm = compile::compileModel(*p, d);
        CHECK_FALSE(cm);
        std::string messages = test::dumpDiagnostics(d);
        CHECK(messages.find("'nope', which is not a variable of the model") != std::string::npos);
        CHECK(messages.find("'v', which is not one number") != std::string::npos);
    }
}

TEST_CASE("vensim control: the changing controls travel through XMILE and back to .mdl",
          "[vensim][control]") {
    diag::Diagnostics d;
    auto p = mdl::readString(kControlVars, d, "t.mdl");
    REQUIRE(p);
    const std::string xml = xmile::writeString(*p);
    CHECK(xml.find("control stop=\"final_time\" dt=\"time_step\" saveper=\"saveper\"") != std::string::npos);
    diag::Diagnostics d2;
    auto back = xmile::readString(xml, d2, "t.xmile");
    REQUIRE(back);
    CHECK(back->specs.stopVar == "final_time");
    CHECK(back->specs.dtVar == "time_step");
    auto cm = compile::compileModel(*back, d2);
    INFO(test::dumpDiagnostics(d2));
    REQUIRE(cm);
    const auto r = sim::simulate(*cm);
    REQUIRE(r.ok());
    CHECK(column(r, "Time").back() == 50);
    CHECK(column(r, "Time").size() == 25);
    // Written as .mdl, the controls are the variables' equations, each once.
    diag::Diagnostics d3;
    const auto written = mdl::writeString(*p, d3);
    REQUIRE(written);
    const std::string& mdlText = *written;
    const std::regex definition("(^|\n)FINAL TIME *=");
    const auto count = std::distance(std::sregex_iterator(mdlText.begin(), mdlText.end(), definition),
                                     std::sregex_iterator());
    CHECK(count == 1);
    CHECK(mdlText.find("IF THEN ELSE(Time < 5, 10, 50)") != std::string::npos);
}
