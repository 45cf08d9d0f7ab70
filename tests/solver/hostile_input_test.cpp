// The malformed and oversized inputs a user produces by hand (a typo in a size, a macro that calls itself, a
// delay time in the wrong units): each gets a diagnostic naming what and where, promptly and in little
// memory.
#include <catch2/catch.hpp>
#include <chrono>

#include "solver/compile/compiled_model.hpp"
#include "solver/mdl/mdl_reader.hpp"
#include "solver/sim/simulate.hpp"
#include "solver/xmile/xmile.hpp"
#include "tests/solver/model_builder.hpp"

using namespace sdw;
using test::hasCode;

namespace {

std::string xmileDoc(
    const std::string& vars, const std::string& extra = "",
    const std::string& specs = "<sim_specs><start>0</start><stop>10</stop><dt>1</dt></sim_specs>") {
    return "<?xml version=\"1.0\"?>\n<xmile version=\"1.0\" "
           "xmlns=\"http://docs.oasis-open.org/xmile/ns/XMILE/v1.0\">\n"
           "<header><name>hostile</name></header>\n" +
           specs + "\n" + extra + "\n<model><variables>\n" + vars + "\n</variables></model>\n</xmile>\n";
}

// Reads, compiles and runs; returns every diagnostic.
diag::Diagnostics attempt(const std::string& text, const sim::RunSpec& spec = {}) {
    diag::Diagnostics d;
    auto p = xmile::readString(text, d, "hostile.xmile");
    if (!p || d.hasErrors()) return d;
    auto cm = compile::compileModel(*p, d);
    if (!cm) return d;
    auto r = sim::simulate(*cm, spec);
    d.append(r.diagnostics);
    return d;
}

const diag::Diagnostic* find(const diag::Diagnostics& d, const std::string& code) {
    for (const auto& x : d.items())
        if (x.code == code) return &x;
    return nullptr;
}

std::string dump(const diag::Diagnostics& d) {
    std::string out;
    for (const auto& item : d.items()) out += diag::format(item) + "\n";
    return out;
}

// Requires a diagnostic with `code`, at `where`, whose message holds `text`.
void expectDiagnostic(const diag::Diagnostics& d, const std::string& code, const std::string& where,
                      const std::string& text) {
    INFO(dump(d));
    const auto* item = find(d, code);
    REQUIRE(item);
    CHECK(item->where == where);
    CHECK(item->message.find(text) != std::string::npos);
}

double secondsSince(std::chrono::steady_clock::time_point t0) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

const std::string kStock = "<stock name=\"s\"><eqn>1</eqn><inflow>f</inflow></stock>";

}  // namespace

TEST_CASE("hostile: a variable that refers to itself through a macro", "[errors][limits][macros]") {
    const std::string twice = "<macro name=\"twice\"><parm>x</parm><eqn>2 * x</eqn></macro>";
    auto d = attempt(xmileDoc(
        kStock + "<flow name=\"f\"><eqn>a</eqn></flow><aux name=\"a\"><eqn>twice(a)</eqn></aux>", twice));
    expectDiagnostic(d, diag::code::kCircular, "a", "loop: a -> a");
    // A macro whose body calls itself: stopped at 20 levels, naming the macro.
    const std::string self = "<macro name=\"grow\"><parm>x</parm><eqn>grow(x) + 1</eqn></macro>";
    d = attempt(xmileDoc(kStock + "<flow name=\"f\"><eqn>grow(1)</eqn></flow>", self));
    expectDiagnostic(d, diag::code::kCircular, "f", "macro 'grow' calls itself");
}

TEST_CASE("hostile: a macro that calls itself twice stops at the size limit, not after 2^20 copies",
          "[errors][limits][macros]") {
    const auto t0 = std::chrono::steady_clock::now();
    const std::string fork = "<macro name=\"fork\"><parm>x</parm><eqn>fork(x) + fork(x * 2)</eqn></macro>";
    auto d = attempt(xmileDoc(kStock + "<flow name=\"f\"><eqn>fork(s)</eqn></flow>", fork));
    INFO(dump(d));
    REQUIRE(d.hasErrors());
    CHECK((hasCode(d, diag::code::kTooLarge) || hasCode(d, diag::code::kCircular)));
    CHECK(d.items().front().where == "f");
    CHECK(d.errorCount() < 5);
    CHECK(secondsSince(t0) < 30);
}

TEST_CASE("hostile: DELAY with a negative, NaN or 1e12 delay time", "[errors][limits][delay]") {
    for (const std::string delay : {"-3", "0/0", "1e12"}) {
        INFO("delay time " << delay);
        const auto t0 = std::chrono::steady_clock::now();
        auto d = attempt(xmileDoc(kStock + "<flow name=\"f\"><eqn>DELAY(s, " + delay + ", 0)</eqn></flow>"));
        expectDiagnostic(d, diag::code::kBadDelay, "f", "delay time");
        CHECK(secondsSince(t0) < 10);
    }
    // A long but fitting delay still runs.
    auto d = attempt(xmileDoc(kStock + "<flow name=\"f\"><eqn>DELAY(s, 1000, 0)</eqn></flow>"));
    CHECK_FALSE(d.hasErrors());
}

TEST_CASE("hostile: a dimension of size 10^9, and arrays whose sizes multiply", "[errors][limits][arrays]") {
    auto d = attempt(xmileDoc(kStock + "<flow name=\"f\"><eqn>1</eqn></flow>",
                              "<dimensions><dim name=\"huge\" size=\"1000000000\"/></dimensions>"));
    INFO(dump(d));
    const auto* size = find(d, diag::code::kBadSubscript);
    REQUIRE(size);
    CHECK(size->where == "huge");
    CHECK(size->line > 0);
    // Two dimensions that are each allowed, but a variable over both would hold 10^12 values.
    const auto t0 = std::chrono::steady_clock::now();
    test::Builder b;
    std::vector<std::string> many;
    for (int i = 0; i < 100000; ++i) many.push_back("e" + std::to_string(i));
    b.dim("rows", many).dim("cols", many);
    b.stock("s", "0", {"f"}).flow("f", "1").aux("grid", "1", {"rows", "cols"});
    diag::Diagnostics cd;
    CHECK_FALSE(b.compile(cd));
    expectDiagnostic(cd, diag::code::kTooLarge, "grid", "rows (100000) x cols (100000)");
    CHECK(secondsSince(t0) < 30);
}

TEST_CASE("hostile: a graphical function with one point, unsorted x, or a NaN", "[errors][gf]") {
    test::Builder one;
    one.stock("s", "0", {"f"}).flow("f", "g(TIME)").gf("g", {5}, {2});
    diag::Diagnostics d;
    CHECK(one.compile(d));
    const auto* w = find(d, diag::code::kGraphicalOnePoint);
    REQUIRE(w);
    CHECK(w->where == "g");
    test::Builder unsorted;
    unsorted.stock("s", "0", {"f"}).flow("f", "g(TIME)").gf("g", {0, 2, 1, 3}, {0, 1, 2, 3});
    d = {};
    CHECK_FALSE(unsorted.compile(d));
    expectDiagnostic(d, diag::code::kBadGraphical, "g", "point 3 (x = 1)");
    // From a file: x points with a NaN.
    auto fd = attempt(
        xmileDoc(kStock + "<flow name=\"f\"><eqn>g(TIME)</eqn></flow><aux name=\"g\"><gf><xpts>0,nan,2</xpts>"
                          "<ypts>1,2,3</ypts></gf></aux>"));
    INFO(dump(fd));
    CHECK((hasCode(fd, diag::code::kBadGraphical) || hasCode(fd, diag::code::kBadNumber)));
}

TEST_CASE("hostile: a model with 100,000 variables compiles and runs promptly", "[limits]") {
    const auto t0 = std::chrono::steady_clock::now();
    test::Builder b(0, 5, 1);
    b.stock("s", "0", {"a99999"});
    b.aux("a0", "1");
    for (int i = 1; i < 100000; ++i) b.aux("a" + std::to_string(i), "a" + std::to_string(i - 1) + " + 1");
    b.last().kind = model::VarKind::Flow;
    sim::RunSpec spec;
    spec.vars = {"s"};
    auto r = b.run(spec);
    INFO(dump(r.diagnostics));
    REQUIRE(r.ok());
    CHECK(r.finalValue("s") == Approx(5 * 100000.0));
    CHECK(secondsSince(t0) < 60);
}

TEST_CASE("hostile: dt = 1e-12 over a long run, and results too large to keep", "[errors][limits]") {
    test::Builder b(0, 1e6, 1e-12);
    b.stock("s", "0", {"f"}).flow("f", "1");
    auto r = b.run();
    CHECK(r.status == sim::RunStatus::Failed);
    const auto* steps = find(r.diagnostics, diag::code::kTooManySteps);
    REQUIRE(steps);
    CHECK(steps->where == "dt");
    // A span past any integer type (was a float-to-integer overflow when printing the step count).
    test::Builder wide(-1e308, 1e308, 1);
    wide.stock("s", "0", {"f"}).flow("f", "1");
    r = wide.run();
    CHECK(hasCode(r.diagnostics, diag::code::kTooManySteps));
    // Within the step limit, but rows x columns would need gigabytes.
    test::Builder keep(0, 40000, 1e-3);
    keep.stock("s", "0", {"f"}).flow("f", "1").aux("a", "s * 2").aux("b", "a * 2");
    r = keep.run();
    const auto* saved = find(r.diagnostics, diag::code::kTooManySteps);
    REQUIRE(saved);
    CHECK(saved->where == "saveper");
}

TEST_CASE("hostile: modules that multiply stop at the size limit", "[errors][limits][modules]") {
    // Each level holds ten copies of the next: 10^8 variables at the bottom.
    std::string models;
    for (int level = 0; level < 8; ++level) {
        std::string vars = "<aux name=\"v\"><eqn>1</eqn></aux>";
        for (int k = 0; k < 10; ++k)
            vars += "<module name=\"m" + std::to_string(k) + "\" model=\"level" + std::to_string(level + 1) +
                    "\"/>";
        models +=
            "<model name=\"level" + std::to_string(level) + "\"><variables>" + vars + "</variables></model>";
    }
    models += "<model name=\"level8\"><variables><aux name=\"v\"><eqn>1</eqn></aux></variables></model>";
    std::string text =
        xmileDoc(kStock + "<flow name=\"f\"><eqn>1</eqn></flow><module name=\"top\" model=\"level0\"/>");
    text.insert(text.find("</xmile>"), models);
    const auto t0 = std::chrono::steady_clock::now();
    auto d = attempt(text);
    INFO(dump(d));
    CHECK(hasCode(d, diag::code::kTooLarge));
    CHECK(secondsSince(t0) < 30);
}

TEST_CASE("hostile: .mdl with an unterminated equation, an unknown function, a huge range", "[errors][mdl]") {
    const std::string control =
        "\nINITIAL TIME = 0 ~~|\nFINAL TIME = 10 ~~|\nTIME STEP = 1 ~~|\nSAVEPER = 1 ~~|\n";
    diag::Diagnostics d;
    auto p =
        mdl::readString("{UTF-8}\nstock = INTEG(flow, 1) ~~|\nflow = (stock * 2 ~~|\n" + control, d, "t.mdl");
    INFO(dump(d));
    CHECK(d.hasErrors());
    for (const auto& i : d.items()) CHECK(i.line > 0);
    // An equation that never ends (no '|' at all) is reported, not read as the rest of the file.
    d = {};
    p = mdl::readString("{UTF-8}\nstock = INTEG(flow, 1) ~~|\nflow = stock * 2 ~ people", d, "t.mdl");
    INFO(dump(d));
    CHECK(d.hasErrors());
    // An unknown function (a typo of SMOOTH): the reader names it, the variable and the line, and suggests.
    d = {};
    p = mdl::readString("{UTF-8}\nstock = INTEG(flow, 1) ~~|\nflow = SMOOTHY(stock, 2) ~~|\n" + control, d,
                        "t.mdl");
    REQUIRE(p);
    const auto* fn = find(d, diag::code::kUnsupported);
    REQUIRE(fn);
    CHECK(fn->where == "flow");
    CHECK(fn->line == 3);
    CHECK(fn->message.find("'SMOOTHY'") != std::string::npos);
    CHECK(fn->message.find("did you mean 'SMOOTH'") != std::string::npos);
    CHECK_FALSE(compile::compileModel(*p, d));
    // A numbered range with a typo in its size, and ranges that list each other (which multiplies).
    d = {};
    mdl::readString("{UTF-8}\nbig: (a1-a999999999) ~~|\n" + control, d, "t.mdl");
    const auto* range = find(d, diag::code::kMdlSyntax);
    REQUIRE(range);
    CHECK(range->where == "big");
    CHECK(range->line == 2);
    d = {};
    const auto t0 = std::chrono::steady_clock::now();
    mdl::readString(
        "{UTF-8}\nr0: (a1-a99999) ~~|\nr1: r0, r0, r0, r0, r0, r0, r0, r0, r0, r0, r0 ~~|\n"
        "r2: r1, r1, r1, r1, r1, r1, r1, r1, r1, r1, r1 ~~|\n" +
            control,
        d, "t.mdl");
    CHECK(hasCode(d, diag::code::kMdlSyntax));
    CHECK(secondsSince(t0) < 30);
}
